#pragma once

#include <string>
#include <utility>

namespace wellbeing::util {

// What kind of failure a `Failure` is; the command line turns each into its exit code.
enum class FailureKind {
  io,       // a file could not be read or written (missing, permissions, a full disk, …), or git could not
            // read the repository
  locked,   // another writer holds FILE.lock
  changed,  // the file changed between reading and writing
  exists,   // a file to create already exists
};

// A problem that has no place in a file: plain words naming what failed, and its kind. Problems with a
// place (a line and column in a record or the settings) are `Diagnostics` instead.
struct Failure {
  FailureKind kind = FailureKind::io;
  std::string message;

  Failure() = default;
  Failure(FailureKind failure_kind, std::string words) : kind(failure_kind), message(std::move(words)) {}
  // Plain words alone are an I/O failure, the usual kind: `return util::unexpected(fmt::format(…))`.
  Failure(std::string words) : message(std::move(words)) {}  // NOLINT(google-explicit-constructor)
  Failure(const char* words) : message(words) {}              // NOLINT(google-explicit-constructor)
};

}  // namespace wellbeing::util
