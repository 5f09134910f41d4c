#include "wellbeing/write/lock.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <ctime>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "files.hpp"
#include "wellbeing/write/cleanup.hpp"

namespace wellbeing::write {

namespace fs = std::filesystem;
using detail::io_failure;

namespace {

// What a lock says of its holder: "PID\nHOST\nSTART\n". A lock written by hand, or by an older version,
// may hold only the process id.
struct Holder {
  long pid = 0;  // 0: empty or unreadable
  std::string host;
  std::string start;  // the process's start time, in clock ticks since boot
};

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) {
    return "";
  }
  return name;
}

// The start time of process `pid` (field 22 of /proc/PID/stat), or "" when it cannot be read. With the
// process id it names one process: ids are reused, start times on one boot are not.
std::string start_time_of(long pid) {
  std::ifstream in(fmt::format("/proc/{}/stat", pid));
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
  const std::size_t close = stat.rfind(')');
  if (close == std::string::npos) {
    return "";
  }
  std::istringstream fields(stat.substr(close + 1));
  std::string field;
  for (int number = 3; fields >> field; ++number) {
    if (number == 22) {
      return field;
    }
  }
  return "";
}

Holder parse_holder(std::string_view text) {
  Holder holder;
  std::istringstream in{std::string(text)};
  std::string pid;
  if (!std::getline(in, pid) || pid.empty() || pid.size() > 10 || pid.find_first_not_of("0123456789") != std::string::npos) {
    return holder;
  }
  const long value = std::stol(pid);
  if (value <= 0 || value > INT_MAX) {
    return holder;
  }
  holder.pid = value;
  std::getline(in, holder.host);
  std::getline(in, holder.start);
  return holder;
}

bool is_stale(const Holder& holder, const struct stat& info) {
  if (holder.pid == 0) {
    // Never our own doing now (a lock is written before it is visible): an older version's, or a power
    // loss's. Old enough, no writer is still about to fill it in.
    return std::time(nullptr) - info.st_mtim.tv_sec >= Lock::k_stale_seconds;
  }
  if (!holder.host.empty() && holder.host != host_name()) {
    return false;  // another machine's processes cannot be checked from here
  }
  if (::kill(static_cast<pid_t>(holder.pid), 0) != 0 && errno == ESRCH) {
    return true;
  }
  if (!holder.start.empty()) {
    const std::string now = start_time_of(holder.pid);
    return !now.empty() && now != holder.start;  // the id now belongs to a later process
  }
  return false;
}

util::Failure locked_failure(const fs::path& file, const fs::path& lock_path, const Holder& holder) {
  std::string who;
  if (holder.pid > 0) {
    who = holder.host.empty() || holder.host == host_name() ? fmt::format(" (process {})", holder.pid)
                                                            : fmt::format(" (process {} on {})", holder.pid, holder.host);
  }
  return util::Failure{util::FailureKind::locked,
                 fmt::format("{} is being changed by another writer{} (its lock file {} exists); try again when it "
                             "has finished, or remove the lock file if no one is writing",
                             file.string(), who, lock_path.string())};
}

enum class Outcome { taken, held, retry, failed };

struct Attempt {
  Outcome outcome = Outcome::retry;
  Holder holder;
  std::optional<util::Failure> failure;
};

// Takes over the lock at `lock_path` with our fully written `temp` (inode `temp_inode`) if it is stale.
//
// Why two writers cannot both take over one stale lock: renaming over it after checking it is not enough
// by itself, as both could find the same stale lock and the second rename would replace the first
// writer's fresh lock, each then believing it holds it (re-reading after the rename does not tell them
// apart: each reads its own). So checking and renaming are made one step among takers: a taker first
// holds an exclusive flock(2) on the stale lock file itself, then confirms that the name still leads to
// that same file (device and inode), reads and judges it, and only then renames its own lock over it.
// A second taker waits for the flock and then finds the name leading elsewhere (and, trying again, finds
// the first one's live lock), or opens the new lock and finds it live. Nothing else can change the name
// while a stale lock is there: a new writer's link(2) fails because the name exists, and the stale
// lock's writer is gone. The kernel drops a flock when its process dies, however it dies, so this step
// cannot wedge anything either. Live locks are never flocked: their content is what keeps writers out.
Attempt take_over(const fs::path& lock_path, const fs::path& temp, ino_t temp_inode) {
  int fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0 && errno == EACCES) {
    fd = ::open(lock_path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  }
  if (fd < 0) {
    if (errno == ENOENT) {
      return {};  // released meanwhile
    }
    return {Outcome::failed, {}, io_failure(lock_path, "cannot open the lock file", errno)};
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return {};  // another writer is taking it over at this moment
    }
    return {Outcome::failed, {}, io_failure(lock_path, "cannot lock the lock file", errno)};
  }
  struct stat held {};
  struct stat named {};
  if (::fstat(fd, &held) != 0 || ::lstat(lock_path.c_str(), &named) != 0 || held.st_dev != named.st_dev ||
      held.st_ino != named.st_ino) {
    return {};  // replaced or released since it was opened
  }
  char buffer[512];
  const ssize_t size = ::pread(fd, buffer, sizeof buffer, 0);
  const Holder holder = size > 0 ? parse_holder(std::string_view(buffer, static_cast<std::size_t>(size))) : Holder{};
  if (!is_stale(holder, held)) {
    return {Outcome::held, holder, std::nullopt};
  }
  if (!rename_registered(temp, lock_path, true)) {
    return {Outcome::failed, {}, io_failure(lock_path, "cannot take over the stale lock file", errno)};
  }
  // The flock makes this certain; confirmed all the same, for one stat.
  struct stat now {};
  if (::lstat(lock_path.c_str(), &now) != 0 || now.st_ino != temp_inode) {
    unregister(lock_path);
    return {Outcome::held, {}, std::nullopt};
  }
  return {Outcome::taken, {}, std::nullopt};
}

bool process_gone(long pid) { return pid > 0 && pid <= INT_MAX && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

// With the lock held no other writer works on this file, so temporary files beside it are from writers
// killed outright (SIGKILL, power loss): the atomic writer's, and the lock's of processes that are gone.
void remove_leftovers(const fs::path& file) {
  const std::string prefix = detail::temp_prefix(file);
  const std::string lock_prefix = prefix + "lock.";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(detail::folder_of(file), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && name.size() == prefix.size() + 6) {
      fs::remove(entry.path(), ec);
    } else if (name.starts_with(lock_prefix)) {
      const std::string rest = name.substr(lock_prefix.size());
      const std::size_t dot = rest.find('.');
      const std::string pid = rest.substr(0, dot);
      if (dot != std::string::npos && !pid.empty() && pid.size() <= 10 &&
          pid.find_first_not_of("0123456789") == std::string::npos && process_gone(std::stol(pid))) {
        fs::remove(entry.path(), ec);
      }
    }
  }
}

}  // namespace

util::Expected<Lock, util::Failure> Lock::acquire(const fs::path& file) {
  fs::path lock_path = file;
  lock_path += ".lock";
  std::string pattern =
      (detail::folder_of(file) / fmt::format("{}lock.{}.XXXXXX", detail::temp_prefix(file), ::getpid())).string();
  const int fd = create_registered(pattern);
  if (fd < 0) {
    return util::unexpected(io_failure(lock_path, "cannot create the lock file", errno));
  }
  const fs::path temp(pattern);
  const std::string content = fmt::format("{}\n{}\n{}\n", ::getpid(), host_name(), start_time_of(::getpid()));
  struct stat info {};
  const bool written = detail::write_all(fd, content) && ::fchmod(fd, 0644) == 0 && ::fstat(fd, &info) == 0;
  const int error = errno;
  ::close(fd);
  if (!written) {
    remove_registered(temp);
    return util::unexpected(io_failure(lock_path, "cannot write the lock file", error));
  }
  // A taker holds its flock for microseconds: a few retries see it through.
  for (int attempt = 0; attempt < 200; ++attempt) {
    if (link_registered(temp, lock_path)) {
      remove_registered(temp);
      remove_leftovers(file);
      return Lock(std::move(lock_path), info.st_ino);
    }
    if (errno != EEXIST) {
      const int link_error = errno;
      remove_registered(temp);
      return util::unexpected(io_failure(lock_path, "cannot create the lock file", link_error));
    }
    Attempt tried = take_over(lock_path, temp, info.st_ino);
    switch (tried.outcome) {
      case Outcome::taken:
        remove_leftovers(file);
        return Lock(std::move(lock_path), info.st_ino);
      case Outcome::held:
        remove_registered(temp);
        return util::unexpected(locked_failure(file, lock_path, tried.holder));
      case Outcome::failed:
        remove_registered(temp);
        return util::unexpected(*tried.failure);
      case Outcome::retry:
        break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  remove_registered(temp);
  return util::unexpected(locked_failure(file, lock_path, Holder{}));
}

Lock::Lock(Lock&& other) noexcept : m_path(std::move(other.m_path)), m_inode(other.m_inode) { other.m_path.clear(); }

Lock::~Lock() {
  if (m_path.empty()) {
    return;
  }
  // Only our own: a lock that is no longer ours (removed by hand, then taken) belongs to its new writer.
  struct stat info {};
  if (::lstat(m_path.c_str(), &info) == 0 && info.st_ino == m_inode) {
    remove_registered(m_path);
  } else {
    unregister(m_path);
  }
}

}  // namespace wellbeing::write
