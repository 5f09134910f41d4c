#include "wellbeing/util/file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace wellbeing::util {

namespace {

std::string system_reason(int error) { return std::error_code(error, std::generic_category()).message(); }

// Closes a descriptor this module opened (never standard input).
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (m_fd > STDERR_FILENO) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

Expected<std::string, util::Failure> read_all(int fd, std::size_t max_bytes, std::string_view what) {
  std::string text;
  char buffer[64 * 1024];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      return unexpected(fmt::format("cannot read {}: {}", what, system_reason(errno)));
    }
    if (got == 0) {
      return text;
    }
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) {
      return unexpected(fmt::format("{} is more than the limit of {} bytes", what, max_bytes));
    }
    text.append(buffer, static_cast<std::size_t>(got));
  }
}

}  // namespace

Expected<std::string, util::Failure> read_bounded(const std::filesystem::path& file, std::size_t max_bytes) {
  if (file == "-") {
    return read_all(STDIN_FILENO, max_bytes, "standard input");
  }
  // Non-blocking, so that opening a FIFO nobody writes to does not wait for a writer.
  int fd = -1;
  do {
    fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    return unexpected(fmt::format("cannot open: {}", system_reason(errno)));
  }
  const Descriptor descriptor(fd);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    return unexpected(fmt::format("cannot open: {}", system_reason(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    return unexpected(std::string("is a folder, not a file"));
  }
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) {
    return unexpected(std::string("is a device, not a file"));
  }
  if (S_ISSOCK(info.st_mode)) {
    return unexpected(std::string("is a socket, not a file"));
  }
  if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    return unexpected(fmt::format("the file is {} bytes, more than the limit of {} bytes", info.st_size, max_bytes));
  }
  // Back to blocking reads: a pipe with a writer is waited for, one without reads as its end.
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) {
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
  return read_all(fd, max_bytes, "the file");
}

std::optional<std::filesystem::path> path_within(const std::filesystem::path& file,
                                                 const std::filesystem::path& folder) {
  std::error_code error;
  const std::filesystem::path top = std::filesystem::weakly_canonical(std::filesystem::absolute(folder, error), error);
  if (error || top.empty()) {
    return std::nullopt;
  }
  const std::filesystem::path full = std::filesystem::weakly_canonical(std::filesystem::absolute(file, error), error);
  if (error) {
    return std::nullopt;
  }
  const std::filesystem::path relative = full.lexically_relative(top);
  if (relative.empty() || *relative.begin() == "..") {
    return std::nullopt;
  }
  return relative;
}

}  // namespace wellbeing::util
