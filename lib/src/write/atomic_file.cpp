#include "wellbeing/write/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

#include <fmt/format.h>

#include "files.hpp"
#include "wellbeing/write/cleanup.hpp"

namespace wellbeing::write {

namespace fs = std::filesystem;

namespace {

using detail::io_failure;

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A temporary file beside `file`, open for writing, registered for removal by the signal handlers.
util::Expected<std::pair<int, fs::path>, util::Failure> make_temp(const fs::path& file) {
  std::string pattern = (detail::folder_of(file) / (detail::temp_prefix(file) + "XXXXXX")).string();
  const int fd = create_registered(pattern);
  if (fd < 0) {
    return util::unexpected(
        io_failure(detail::folder_of(file), "cannot create a temporary file in this folder", errno));
  }
  return std::pair<int, fs::path>{fd, fs::path(pattern)};
}

void drop_temp(int fd, const fs::path& temp) {
  if (fd >= 0) {
    ::close(fd);
  }
  remove_registered(temp);
}

util::Expected<void, util::Failure> test_hooks(const fs::path& file) {
  if (const char* pause = std::getenv("WELLBEING_TEST_PAUSE_BEFORE_RENAME")) {
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<long>(std::atof(pause) * 1000)));
  }
  if (const char* fail = std::getenv("WELLBEING_TEST_FAIL_BEFORE_RENAME"); fail && std::string_view(fail) == "1") {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: failure injected before the rename "
                                                "(WELLBEING_TEST_FAIL_BEFORE_RENAME)",
                                                file.string())});
  }
  return {};
}

// 0666 less the umask: the mode open(2) gives a new file, which mkostemp does not (it makes it private).
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Writes `text` to a new temporary file beside `target`, with `mode` and (where allowed) the owner of an
// existing `target`, fsync'd and closed. `what` names the write in a failure ("cannot write …").
util::Expected<fs::path, util::Failure> write_temp(const fs::path& target, mode_t mode, std::string_view text,
                                             std::string_view what) {
  auto temp = make_temp(target);
  if (!temp) {
    return util::unexpected(temp.error());
  }
  auto [fd, temp_path] = *temp;
  struct stat info {};
  if (::stat(target.c_str(), &info) == 0) {
    // Keep the owner where we may (as root, or the same owner); a failure here is not a reason to stop.
    [[maybe_unused]] const int ignored = ::fchown(fd, info.st_uid, info.st_gid);
  }
  if (::fchmod(fd, mode) != 0 || !detail::write_all(fd, text) || ::fsync(fd) != 0) {
    const int error = errno;
    drop_temp(fd, temp_path);
    return util::unexpected(io_failure(target, what, error));
  }
  if (::close(fd) != 0) {
    const int error = errno;
    drop_temp(-1, temp_path);
    return util::unexpected(io_failure(target, what, error));
  }
  return temp_path;
}

// Renames the written temporary file over `target` once `may_replace` finds no reason not to, then
// fsyncs the folder so the rename itself survives a power loss. The temporary file goes on any failure.
template <typename Check>
util::Expected<void, util::Failure> rename_into_place(const fs::path& temp_path, const fs::path& target, Check may_replace) {
  if (auto injected = test_hooks(target); !injected) {
    drop_temp(-1, temp_path);
    return injected;
  }
  if (auto refused = may_replace(); !refused) {
    drop_temp(-1, temp_path);
    return refused;
  }
  if (!rename_registered(temp_path, target, false)) {
    const int error = errno;
    drop_temp(-1, temp_path);
    return util::unexpected(io_failure(target, "cannot replace the file", error));
  }
  sync_folder(target.parent_path());
  return {};
}

// Refuses to replace a file that its owner may not write (as editors warn, even root) or that the invoking
// user could not write: replacing it through the folder would hand it to someone else.
util::Expected<void, util::Failure> refuse_unwritable(const fs::path& target) {
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) {
    return {};  // a new file
  }
  if ((info.st_mode & S_IWUSR) == 0) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: the file is read-only (mode {:04o}); nothing was written (make it "
                                                "writable first: chmod u+w {})",
                                                target.string(), info.st_mode & 07777, target.string())});
  }
  if (::access(target.c_str(), W_OK) != 0) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: you may not write this file (it belongs to user id {}); "
                                                "nothing was written",
                                                target.string(), info.st_uid)});
  }
  return {};
}

}  // namespace

std::uint64_t content_hash(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

util::Expected<fs::path, util::Failure> resolve(const fs::path& file) {
  std::error_code ec;
  fs::path real = fs::canonical(file, ec);
  if (ec) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: {}", file.string(), ec.message())});
  }
  if (!fs::is_regular_file(real, ec)) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: not a regular file", file.string())});
  }
  return real;
}

util::Expected<Snapshot, util::Failure> snapshot_of(const fs::path& real) {
  struct stat info {};
  if (::stat(real.c_str(), &info) != 0) {
    return util::unexpected(io_failure(real, "cannot read", errno));
  }
  std::ifstream in(real, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: cannot read", real.string())});
  }
  return Snapshot{static_cast<std::uintmax_t>(info.st_size),
                  static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                  content_hash(text)};
}

util::Expected<ReadFile, util::Failure> read_for_update(const fs::path& real, std::size_t max_bytes) {
  struct stat info {};
  if (::stat(real.c_str(), &info) != 0) {
    return util::unexpected(io_failure(real, "cannot read", errno));
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: the file is {} bytes, more than the limit of {}",
                                                                 real.string(), info.st_size, max_bytes)});
  }
  std::ifstream in(real, std::ios::binary);
  if (!in) {
    return util::unexpected(io_failure(real, "cannot open", errno));
  }
  ReadFile file;
  file.real = real;
  file.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return util::unexpected(util::Failure{util::FailureKind::io, fmt::format("{}: cannot read", real.string())});
  }
  file.mode = info.st_mode & 07777;
  file.snapshot = Snapshot{static_cast<std::uintmax_t>(info.st_size),
                           static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                           content_hash(file.text)};
  return file;
}

util::Expected<void, util::Failure> replace_file(const ReadFile& original, std::string_view text) {
  if (auto refused = refuse_unwritable(original.real); !refused) {
    return refused;
  }
  auto temp = write_temp(original.real, original.mode, text, "cannot write the new version");
  if (!temp) {
    return util::unexpected(temp.error());
  }
  const auto unchanged = [&]() -> util::Expected<void, util::Failure> {
    auto now = snapshot_of(original.real);
    if (!now || *now != original.snapshot) {
      return util::unexpected(util::Failure{util::FailureKind::changed,
                     fmt::format("{} changed while this command was working on it; nothing was written (run it "
                                 "again to add to the new version)",
                                 original.real.string())});
    }
    return {};
  };
  return rename_into_place(*temp, original.real, unchanged);
}

util::Expected<void, util::Failure> write_file(const fs::path& file, std::string_view text) {
  std::error_code ec;
  fs::path target = file;
  if (fs::exists(file, ec)) {
    auto real = resolve(file);
    if (!real) {
      return util::unexpected(real.error());
    }
    target = std::move(real).value();
  }
  if (auto refused = refuse_unwritable(target); !refused) {
    return refused;
  }
  struct stat info {};
  const mode_t mode = ::stat(target.c_str(), &info) == 0 ? (info.st_mode & 07777) : new_file_mode();
  auto temp = write_temp(target, mode, text, "cannot write");
  if (!temp) {
    return util::unexpected(temp.error());
  }
  return rename_into_place(*temp, target, [] { return util::Expected<void, util::Failure>(); });
}

util::Expected<void, util::Failure> create_file(const fs::path& file, std::string_view text) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec))) {
    return util::unexpected(util::Failure{util::FailureKind::exists, fmt::format("{} already exists", file.string())});
  }
  auto temp = write_temp(file, new_file_mode(), text, "cannot write");
  if (!temp) {
    return util::unexpected(temp.error());
  }
  const fs::path& temp_path = *temp;
  if (::link(temp_path.c_str(), file.c_str()) != 0) {
    const int error = errno;
    drop_temp(-1, temp_path);
    if (error == EEXIST) {
      return util::unexpected(util::Failure{util::FailureKind::exists, fmt::format("{} already exists", file.string())});
    }
    return util::unexpected(io_failure(file, "cannot create", error));
  }
  drop_temp(-1, temp_path);
  sync_folder(file.parent_path());
  return {};
}

}  // namespace wellbeing::write
