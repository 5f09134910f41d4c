#include "wellbeing/history/blob_id.hpp"

#include <array>
#include <memory>
#include <iterator>
#include <new>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace wellbeing::history {

// git's blob id is the SHA-1 of "blob SIZE\0" and the content. It is computed with OpenSSL's libcrypto
// rather than libgit2: starting libgit2 loads every CA certificate on the machine (about 15 ms), which a
// check that only needs a digest should not pay.
std::string blob_id(std::string_view content) {
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  const std::string header = fmt::format("blob {}", content.size());
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  // Hashing bytes in memory fails only when memory runs out.
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), header.c_str(), header.size() + 1) != 1 ||  // the NUL too
      EVP_DigestUpdate(context.get(), content.data(), content.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1) {
    throw std::bad_alloc();
  }
  std::string hex;
  hex.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    fmt::format_to(std::back_inserter(hex), "{:02x}", digest[i]);
  }
  return hex;
}

}  // namespace wellbeing::history
