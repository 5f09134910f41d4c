#pragma once

#include <string>

namespace wellbeing::write {

// Why a write did not happen. Nothing was changed in any of these cases.
enum class FailureKind {
  io,       // the file could not be read or written (permissions, a full disk, …)
  locked,   // another writer holds FILE.lock
  changed,  // the file changed between reading and writing
  exists,   // a file to create already exists
};

struct Failure {
  FailureKind kind = FailureKind::io;
  std::string message;  // plain words, naming the file
};

}  // namespace wellbeing::write
