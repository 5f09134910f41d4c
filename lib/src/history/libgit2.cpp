#include "libgit2.hpp"

#include <fmt/format.h>

namespace wellbeing::history::git {

void ensure_initialised() {
  // A function-local static: thread-safe, once per process, whichever caller comes first.
  static const int initialised = git_libgit2_init();
  (void)initialised;
}

std::string last_error(std::string_view what) {
  const git_error* error = git_error_last();
  return error && error->message ? fmt::format("{}: {}", what, error->message) : std::string(what);
}

std::string take(git_buf& buffer) {
  std::string out = buffer.ptr ? std::string(buffer.ptr, buffer.size) : std::string();
  git_buf_dispose(&buffer);
  return out;
}

RepositoryPtr open_containing(const char* folder) {
  ensure_initialised();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, folder, 0, nullptr) != 0) {
    git_error_clear();
    return nullptr;
  }
  return RepositoryPtr(raw);
}

}  // namespace wellbeing::history::git
