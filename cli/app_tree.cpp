#include "app_tree.hpp"

#include <fmt/format.h>

#include "wellbeing/util/text.hpp"

namespace wellbeing::cli {

namespace {

// The value an option takes, from its name (--area), its choices, or the word --help shows for it (FILE, DIR).
ValueKind value_of(const CLI::Option& option, std::vector<std::string>& words) {
  if (option.get_expected_max() == 0) {  // a flag
    return ValueKind::none;
  }
  if (option.check_lname("area")) {
    return ValueKind::area;
  }
  words = choice_words(option.get_type_name());
  if (!words.empty()) {
    return ValueKind::words;
  }
  const std::string shown = option.get_option_text() + " " + option.get_type_name();
  if (shown.find("DIR") != std::string::npos) {
    return ValueKind::dir;
  }
  if (shown.find("FILE") != std::string::npos || shown.find("PATH") != std::string::npos || !option.nonpositional()) {
    return ValueKind::file;  // a positional without a word of its own is a file: record, folder, git's %A …
  }
  return ValueKind::text;
}

void add_levels(const CLI::App& app, const std::string& key, std::vector<OutlineLevel>& nodes) {
  OutlineLevel node;
  node.key = key;
  for (const CLI::App* sub : visible_subcommands(app)) {
    node.commands.emplace_back(sub->get_name(), sub->get_description());
  }
  for (const CLI::Option* option : visible_options(app)) {
    OutlineArgument argument;
    argument.value = value_of(*option, argument.words);
    argument.help = option->get_description();
    if (!option->nonpositional()) {
      if (node.positional == ValueKind::none) {
        node.positional = argument.value;
        node.positional_words = argument.words;
      }
      continue;
    }
    for (const std::string& name : option->get_snames()) {
      argument.names.push_back("-" + name);
    }
    for (const std::string& name : option->get_lnames()) {
      argument.names.push_back("--" + name);
    }
    node.options.push_back(std::move(argument));
  }
  nodes.push_back(std::move(node));
  for (const CLI::App* sub : visible_subcommands(app)) {
    add_levels(*sub, key + "/" + sub->get_name(), nodes);
  }
}

}  // namespace

std::string suggest_command(const CLI::App& app, std::string_view word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names.push_back(sub->get_name());
  }
  const std::string best = util::closest_match(word, names);
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

std::string suggest_option(const CLI::App& app, std::string_view word) {
  std::vector<std::string> names;
  for (const CLI::App* level = &app; level; level = level->get_parent()) {
    for (const CLI::Option* option : level->get_options({})) {
      for (const std::string& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
    }
  }
  const std::string best = util::closest_match(word, names);
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

bool has_option(const CLI::App& app, const std::string& name) {
  for (const CLI::App* level = &app; level; level = level->get_parent()) {
    if (level->get_option_no_throw(name)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> choice_words(const std::string& type_name) {
  const std::size_t open = type_name.rfind('{');
  const std::size_t close = type_name.rfind('}');
  std::vector<std::string> words;
  if (open == std::string::npos || close == std::string::npos || close < open) {
    return words;
  }
  std::string word;
  for (const char c : type_name.substr(open + 1, close - open - 1)) {
    if (c == ',' || c == ' ') {
      if (!word.empty()) {
        words.push_back(word);
      }
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) {
    words.push_back(word);
  }
  return words;
}

std::vector<OutlineLevel> outline(const CLI::App& app, const std::string& key) {
  std::vector<OutlineLevel> nodes;
  add_levels(app, key, nodes);
  return nodes;
}

}  // namespace wellbeing::cli
