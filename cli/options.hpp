#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace wellbeing::cli {

// A CLI11 transformer from a word to an enum value that fails with a message in plain words:
// "must be one of: text, json; got `xml`". Use as option->transform(choice(map)).
template <typename T>
CLI::Validator choice(const std::map<std::string, T>& values) {
  std::string names;
  for (const auto& [name, value] : values) {
    names += names.empty() ? name : ", " + name;
  }
  CLI::Validator validator(
      [values, names](std::string& input) -> std::string {
        const auto found = values.find(input);
        if (found == values.end()) {
          return fmt::format("must be one of: {}; got `{}`", names, input);
        }
        input = std::to_string(static_cast<int>(found->second));
        return {};
      },
      fmt::format("{{{}}}", names));
  return validator;
}

// A CLI11 check that a word is one of `words`, failing with the same plain words as choice().
inline CLI::Validator one_of(std::vector<std::string> words) {
  std::string names;
  for (const std::string& word : words) {
    names += names.empty() ? word : ", " + word;
  }
  return CLI::Validator(
      [words, names](std::string& input) -> std::string {
        if (std::find(words.begin(), words.end(), input) == words.end()) {
          return fmt::format("must be one of: {}; got `{}`", names, input);
        }
        return {};
      },
      fmt::format("{{{}}}", names));
}

}  // namespace wellbeing::cli
