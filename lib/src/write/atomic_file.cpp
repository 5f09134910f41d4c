#include "wellbeing/write/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

#include <fmt/format.h>

namespace wellbeing::write {

namespace fs = std::filesystem;

namespace {

// What the signal handlers remove. Plain arrays: a handler may only use async-signal-safe calls.
char g_lock_path[4096];
char g_temp_path[4096];
struct sigaction g_previous[3];
constexpr int k_signals[3] = {SIGINT, SIGTERM, SIGHUP};
bool g_handlers_installed = false;

extern "C" void on_signal(int signal_number) {
  if (g_temp_path[0] != '\0') {
    ::unlink(g_temp_path);
  }
  if (g_lock_path[0] != '\0') {
    ::unlink(g_lock_path);
  }
  std::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

void remember(char (&slot)[4096], const fs::path& path) {
  const std::string text = path.string();
  if (text.size() < sizeof slot) {
    std::memcpy(slot, text.c_str(), text.size() + 1);
  }
}

void restore_handlers();

// Forgets a path; with neither a lock nor a temporary file left to clean up, the handlers go too.
void forget(char (&slot)[4096]) {
  slot[0] = '\0';
  if (g_lock_path[0] == '\0' && g_temp_path[0] == '\0') {
    restore_handlers();
  }
}

void install_handlers() {
  if (g_handlers_installed) {
    return;
  }
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int i = 0; i < 3; ++i) {
    sigaction(k_signals[i], &action, &g_previous[i]);
  }
  g_handlers_installed = true;
}

void restore_handlers() {
  if (!g_handlers_installed) {
    return;
  }
  for (int i = 0; i < 3; ++i) {
    sigaction(k_signals[i], &g_previous[i], nullptr);
  }
  g_handlers_installed = false;
}

std::string errno_text(int error) { return std::error_code(error, std::generic_category()).message(); }

Failure io_failure(const fs::path& path, std::string_view what, int error) {
  return Failure{FailureKind::io, fmt::format("{}: {}: {}", path.string(), what, errno_text(error))};
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// The temporary file's name pattern: hidden, beside the target, naming it.
std::string temp_prefix(const fs::path& file) { return "." + file.filename().string() + ".wellbeing-"; }

// A temporary file beside `file`, open for writing, registered for removal by the signal handlers.
util::Expected<std::pair<int, fs::path>, Failure> make_temp(const fs::path& file) {
  std::string pattern = (file.parent_path() / (temp_prefix(file) + "XXXXXX")).string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    return util::unexpected(io_failure(file.parent_path().empty() ? fs::path(".") : file.parent_path(),
                                       "cannot create a temporary file in this folder", errno));
  }
  install_handlers();
  remember(g_temp_path, pattern);
  return std::pair<int, fs::path>{fd, fs::path(pattern)};
}

void drop_temp(int fd, const fs::path& temp) {
  if (fd >= 0) {
    ::close(fd);
  }
  ::unlink(temp.c_str());
  forget(g_temp_path);
}

std::optional<Failure> test_hooks(const fs::path& file) {
  if (const char* pause = std::getenv("WELLBEING_TEST_PAUSE_BEFORE_RENAME")) {
    std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<long>(std::atof(pause) * 1000)));
  }
  if (const char* fail = std::getenv("WELLBEING_TEST_FAIL_BEFORE_RENAME"); fail && std::string_view(fail) == "1") {
    return Failure{FailureKind::io, fmt::format("{}: failure injected before the rename "
                                                "(WELLBEING_TEST_FAIL_BEFORE_RENAME)",
                                                file.string())};
  }
  return std::nullopt;
}

// 0666 less the umask: the mode open(2) gives a new file, which mkostemp does not (it makes it private).
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Writes `text` to a new temporary file beside `target`, with `mode` and (where allowed) the owner of an
// existing `target`, fsync'd and closed. `what` names the write in a failure ("cannot write …").
util::Expected<fs::path, Failure> write_temp(const fs::path& target, mode_t mode, std::string_view text,
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
  if (::fchmod(fd, mode) != 0 || !write_all(fd, text) || ::fsync(fd) != 0) {
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
std::optional<Failure> rename_into_place(const fs::path& temp_path, const fs::path& target, Check may_replace) {
  if (auto injected = test_hooks(target)) {
    drop_temp(-1, temp_path);
    return injected;
  }
  if (auto refused = may_replace()) {
    drop_temp(-1, temp_path);
    return refused;
  }
  if (::rename(temp_path.c_str(), target.c_str()) != 0) {
    const int error = errno;
    drop_temp(-1, temp_path);
    return io_failure(target, "cannot replace the file", error);
  }
  forget(g_temp_path);
  sync_folder(target.parent_path());
  return std::nullopt;
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

util::Expected<Lock, Failure> Lock::acquire(const fs::path& file) {
  fs::path lock_path = file;
  lock_path += ".lock";
  install_handlers();
  int fd = ::open(lock_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0 && errno == EEXIST) {
    // A lock whose writer no longer exists (killed outright) is taken over.
    std::ifstream in(lock_path);
    long pid = 0;
    if (in >> pid && pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      ::unlink(lock_path.c_str());
      fd = ::open(lock_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    } else {
      errno = EEXIST;
    }
  }
  if (fd < 0) {
    const int error = errno;
    if (error == EEXIST) {
      std::ifstream in(lock_path);
      std::string holder;
      std::getline(in, holder);
      forget(g_lock_path);
      return util::unexpected(Failure{
          FailureKind::locked,
          fmt::format("{} is being changed by another writer{} (its lock file {} exists); try again when it has "
                      "finished, or remove the lock file if no one is writing",
                      file.string(), holder.empty() ? "" : fmt::format(" (process {})", holder), lock_path.string())});
    }
    forget(g_lock_path);
    return util::unexpected(io_failure(lock_path, "cannot create the lock file", error));
  }
  remember(g_lock_path, lock_path);
  const std::string pid = fmt::format("{}\n", ::getpid());
  write_all(fd, pid);
  ::close(fd);

  // We hold the lock, so no other writer is working on this file: temporary files of ours left beside it
  // are from a writer that was killed outright. Remove them.
  std::error_code ec;
  const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  const std::string prefix = temp_prefix(file);
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && name.size() == prefix.size() + 6) {
      fs::remove(entry.path(), ec);
    }
  }
  return Lock(std::move(lock_path));
}

Lock::Lock(Lock&& other) noexcept : m_path(std::move(other.m_path)) { other.m_path.clear(); }

Lock::~Lock() {
  if (!m_path.empty()) {
    ::unlink(m_path.c_str());
    forget(g_lock_path);
  }
}

util::Expected<fs::path, Failure> resolve(const fs::path& file) {
  std::error_code ec;
  fs::path real = fs::canonical(file, ec);
  if (ec) {
    return util::unexpected(Failure{FailureKind::io, fmt::format("{}: {}", file.string(), ec.message())});
  }
  if (!fs::is_regular_file(real, ec)) {
    return util::unexpected(Failure{FailureKind::io, fmt::format("{}: not a regular file", file.string())});
  }
  return real;
}

util::Expected<Snapshot, Failure> snapshot_of(const fs::path& real) {
  struct stat info {};
  if (::stat(real.c_str(), &info) != 0) {
    return util::unexpected(io_failure(real, "cannot read", errno));
  }
  std::ifstream in(real, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return util::unexpected(Failure{FailureKind::io, fmt::format("{}: cannot read", real.string())});
  }
  return Snapshot{static_cast<std::uintmax_t>(info.st_size),
                  static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                  content_hash(text)};
}

util::Expected<ReadFile, Failure> read_for_update(const fs::path& real, std::size_t max_bytes) {
  struct stat info {};
  if (::stat(real.c_str(), &info) != 0) {
    return util::unexpected(io_failure(real, "cannot read", errno));
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    return util::unexpected(Failure{FailureKind::io, fmt::format("{}: the file is {} bytes, more than the limit of {}",
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
    return util::unexpected(Failure{FailureKind::io, fmt::format("{}: cannot read", real.string())});
  }
  file.mode = info.st_mode & 07777;
  file.snapshot = Snapshot{static_cast<std::uintmax_t>(info.st_size),
                           static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                           content_hash(file.text)};
  return file;
}

std::optional<Failure> replace_file(const ReadFile& original, std::string_view text) {
  auto temp = write_temp(original.real, original.mode, text, "cannot write the new version");
  if (!temp) {
    return temp.error();
  }
  const auto unchanged = [&]() -> std::optional<Failure> {
    auto now = snapshot_of(original.real);
    if (!now || *now != original.snapshot) {
      return Failure{FailureKind::changed,
                     fmt::format("{} changed while this command was working on it; nothing was written (run it "
                                 "again to add to the new version)",
                                 original.real.string())};
    }
    return std::nullopt;
  };
  return rename_into_place(*temp, original.real, unchanged);
}

std::optional<Failure> write_file(const fs::path& file, std::string_view text) {
  std::error_code ec;
  fs::path target = file;
  if (fs::exists(file, ec)) {
    auto real = resolve(file);
    if (!real) {
      return real.error();
    }
    target = std::move(real).value();
  }
  struct stat info {};
  const mode_t mode = ::stat(target.c_str(), &info) == 0 ? (info.st_mode & 07777) : new_file_mode();
  auto temp = write_temp(target, mode, text, "cannot write");
  if (!temp) {
    return temp.error();
  }
  return rename_into_place(*temp, target, [] { return std::optional<Failure>(); });
}

std::optional<Failure> create_file(const fs::path& file, std::string_view text) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec))) {
    return Failure{FailureKind::exists, fmt::format("{} already exists", file.string())};
  }
  auto temp = write_temp(file, new_file_mode(), text, "cannot write");
  if (!temp) {
    return temp.error();
  }
  const fs::path& temp_path = *temp;
  if (::link(temp_path.c_str(), file.c_str()) != 0) {
    const int error = errno;
    drop_temp(-1, temp_path);
    if (error == EEXIST) {
      return Failure{FailureKind::exists, fmt::format("{} already exists", file.string())};
    }
    return io_failure(file, "cannot create", error);
  }
  drop_temp(-1, temp_path);
  sync_folder(file.parent_path());
  return std::nullopt;
}

}  // namespace wellbeing::write
