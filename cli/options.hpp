#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "output.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::cli {

// A CLI11 transformer from a word to an enum value that fails with a message in plain words:
// "must be one of: text, json; got `xml`", naming the words in the order of `values` (a std::map, or a
// vector of pairs to keep an order of its own). Use as option->transform(choice(values)).
template <typename Pairs>
CLI::Validator choice(const Pairs& values) {
  std::string names;
  for (const auto& [name, value] : values) {
    names += names.empty() ? name : ", " + name;
  }
  CLI::Validator validator(
      [values, names](std::string& input) -> std::string {
        const auto found =
            std::find_if(values.begin(), values.end(), [&](const auto& pair) { return pair.first == input; });
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

// The date a date option names: YYYY-MM-DD, or `today` or `yesterday` by the clock; nullopt otherwise.
std::optional<util::Date> parse_date_word(std::string_view text);

// A CLI11 transformer for every date option: parse_date_word() of the text, which it leaves as YYYY-MM-DD;
// anything else fails in the one wording of a bad date: "'2026-02-30' is not a date: write it as YYYY-MM-DD,
// today or yesterday" (CLI11 puts the option's name in front).
CLI::Validator date_value();

// Registers a date option (`name`, shown as DATE) whose text lands in `text`, checked by date_value().
CLI::Option* add_date_option(CLI::App& app, const std::string& name, std::string& text,
                             const std::string& description);

// The date in a date option's text (checked by date_value() while parsing), or `fallback` when it was not given.
util::Date date_or(const std::string& text, util::Date fallback);

// A CLI11 transformer for an --area value: an area id, or its letter a to i, left as the id; anything else
// fails in summary::parse_areas's words: "unknown area 'helth' (did you mean 'health'?); the areas are …".
CLI::Validator area_value();

// Registers the colour option: --color=auto|always|never, into `color`.
CLI::Option* add_color_option(CLI::App& app, ColorChoice& color);

// Registers `--format` as one of `formats`, words for a command's enum in the order its errors and its
// help name them; a word that is not one fails as choice() does.
template <typename T>
CLI::Option* add_format_option(CLI::App& app, T& format, const std::vector<std::pair<std::string, T>>& formats,
                               const std::string& description) {
  return app.add_option("--format", format, description)->transform(choice(formats));
}

}  // namespace wellbeing::cli
