#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "wellbeing/util/expected.hpp"
#include "wellbeing/util/failure.hpp"
#include "wellbeing/write/lock.hpp"

namespace wellbeing::write {

// What a file looked like when it was read, to notice a change made underneath us.
struct Snapshot {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t hash = 0;  // FNV-1a of the content

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

// A file read for updating: its real path (symlinks followed), text, mode and snapshot.
struct ReadFile {
  std::filesystem::path real;
  std::string text;
  Snapshot snapshot;
  unsigned mode = 0644;
};

// The real file behind `file` (following symlinks). Fails when it does not exist.
util::Expected<std::filesystem::path, util::Failure> resolve(const std::filesystem::path& file);

// Reads `real` (a resolved path) with its snapshot. Refuses files over `max_bytes`.
util::Expected<ReadFile, util::Failure> read_for_update(const std::filesystem::path& real, std::size_t max_bytes);

// The snapshot of `real` as it is now.
util::Expected<Snapshot, util::Failure> snapshot_of(const std::filesystem::path& real);

// Replaces `original.real` with `text` atomically: a temporary file in the same folder, written, given the
// original's mode (and owner, where allowed), fsync'd; the original checked unchanged since it was read
// (size, modification time and content: else `changed`); renamed over it; the folder fsync'd. On any
// failure the original is untouched and the temporary file removed. Returns success or the failure.
// Refuses (io, naming the file) one whose owner has no write bit (even as root) or that the invoking
// user may not write (another's file in a world-writable folder).
// For tests: WELLBEING_TEST_FAIL_BEFORE_RENAME=1 fails just before the rename, and
// WELLBEING_TEST_PAUSE_BEFORE_RENAME=SECONDS waits there (so a test can interrupt the write).
util::Expected<void, util::Failure> replace_file(const ReadFile& original, std::string_view text);

// Writes `text` to `file` atomically, replacing it or creating it, without a lock and without checking
// what was there: for files nothing else edits (a report) and for git's merge driver (git owns the file).
// An existing file is found through symlinks and keeps its mode (and owner, where allowed); a new one
// gets 0666 less the umask. Otherwise as replace_file, refusals and test hooks included. Returns success or the failure.
util::Expected<void, util::Failure> write_file(const std::filesystem::path& file, std::string_view text);

// Creates `file` holding `text`, only if it does not exist (`exists` otherwise): written to a temporary
// file, fsync'd, then linked into place (which fails rather than overwrite) and the folder fsync'd, so
// the file appears whole or not at all. Its mode is 0666 less the umask. Returns success or the failure.
util::Expected<void, util::Failure> create_file(const std::filesystem::path& file, std::string_view text);

// FNV-1a 64-bit hash of `text`.
std::uint64_t content_hash(std::string_view text);

}  // namespace wellbeing::write
