// The record files under tests/data/write/, read as bytes, for the tests of adding to records.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

namespace wellbeing::test {

// The bytes of tests/data/write/NAME; fails the test when it cannot be read.
inline std::string read_write_data(const std::string& name) {
  std::ifstream in(std::string(WELLBEING_TEST_DATA) + "/write/" + name, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace wellbeing::test
