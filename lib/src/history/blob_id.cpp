#include "wellbeing/history/blob_id.hpp"

#include <new>

#include "libgit2.hpp"

namespace wellbeing::history {

std::string blob_id(std::string_view content) {
  git::ensure_initialised();
  git_oid oid;
  if (git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) != 0) {
    throw std::bad_alloc();  // the only way hashing bytes in memory fails
  }
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

}  // namespace wellbeing::history
