#pragma once
// What the fuzz targets share: a property check that stops the run, and the splitting of one input into
// the several texts a target needs.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace wellbeing::fuzz {

// Stops the run (libFuzzer then saves the input as a crash) when a property does not hold.
inline void require(bool holds, const char* property) {
  if (!holds) {
    std::fprintf(stderr, "fuzz: property broken: %s\n", property);
    std::abort();
  }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input cut at NUL bytes (which no YAML text may hold) into exactly `count` parts, the last taking the
// rest; missing parts are empty.
inline std::vector<std::string> split_parts(std::string_view input, std::size_t count) {
  std::vector<std::string> parts;
  while (parts.size() + 1 < count) {
    const std::size_t nul = input.find('\0');
    if (nul == std::string_view::npos) {
      break;
    }
    parts.emplace_back(input.substr(0, nul));
    input.remove_prefix(nul + 1);
  }
  parts.emplace_back(input);
  parts.resize(count);
  return parts;
}

}  // namespace wellbeing::fuzz
