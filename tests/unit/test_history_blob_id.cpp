// The id git gives content, computed without a repository.
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/history/blob_id.hpp"

using wellbeing::history::blob_id;

TEST_SUITE("history::blob_id") {
  TEST_CASE("is what git hash-object prints for the same bytes") {
    CHECK(blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    CHECK(blob_id("hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
    CHECK(blob_id(std::string("a\0b", 3)) != blob_id("a"));
    CHECK(blob_id("hello\n").size() == 40);
    // Past one SHA-1 block (64 bytes) and with every byte value, as a record in UTF-8 can hold.
    std::string bytes;
    for (int i = 0; i < 256; ++i) {
      bytes += static_cast<char>(i);
    }
    CHECK(blob_id(bytes) == "c86626638e0bc8cf47ca49bb1525b40e9737ee64");
  }
}
