#pragma once

#include <sys/types.h>

#include <filesystem>

#include "wellbeing/util/expected.hpp"
#include "wellbeing/util/failure.hpp"

namespace wellbeing::write {

// The lock that keeps two writers of one file apart: FILE.lock, holding the writer's process id, host and
// process start time. It is written whole under a temporary name and then linked into place, so it is
// never seen empty; it is removed when the Lock is destroyed, and by SIGINT, SIGTERM or SIGHUP (see
// cleanup.hpp, which also removes a temporary file being written).
class Lock {
 public:
  // Takes the lock for `file` (already resolved to the real file). Fails with `locked`, naming the
  // holder's process id, when FILE.lock is held. A stale lock is taken over, atomically: one whose process
  // no longer runs on this host (or whose id now belongs to a later process), or one that is empty or
  // unreadable and older than k_stale_seconds (left by an older version, or by a power loss). Taking it
  // also removes temporary files that an earlier writer of this file left when killed outright.
  static util::Expected<Lock, util::Failure> acquire(const std::filesystem::path& file);

  // How old an empty or unreadable lock must be before it counts as stale.
  static constexpr int k_stale_seconds = 5;

  Lock(Lock&& other) noexcept;
  Lock& operator=(Lock&&) = delete;
  Lock(const Lock&) = delete;
  ~Lock();

  const std::filesystem::path& path() const { return m_path; }

 private:
  Lock(std::filesystem::path path, ino_t inode) : m_path(std::move(path)), m_inode(inode) {}
  std::filesystem::path m_path;
  ino_t m_inode = 0;  // to remove only our own lock
};

}  // namespace wellbeing::write
