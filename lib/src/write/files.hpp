#pragma once
// Shared by the atomic writer and the lock: failures in plain words, and the temporary files' names.

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "wellbeing/util/failure.hpp"

namespace wellbeing::write::detail {

inline util::Failure io_failure(const std::filesystem::path& path, std::string_view what, int error) {
  return util::Failure{util::FailureKind::io, fmt::format("{}: {}: {}", path.string(), what,
                                              std::error_code(error, std::generic_category()).message())};
}

// Writes all of `text` to `fd`; false (errno set) on failure.
inline bool write_all(int fd, std::string_view text) {
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

// The temporary files' name pattern: hidden, beside the target, naming it. The writer's are this and six
// random characters; the lock's are this, "lock.", the writer's process id, "." and six random characters.
inline std::string temp_prefix(const std::filesystem::path& file) {
  return "." + file.filename().string() + ".wellbeing-";
}

// The folder holding `file`, "." for a bare name.
inline std::filesystem::path folder_of(const std::filesystem::path& file) {
  return file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
}

}  // namespace wellbeing::write::detail
