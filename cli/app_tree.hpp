#pragma once
// The command line's own definition read back from CLI11: what --help lists, the words an option takes, and
// an outline of every command for the shell completions and manual pages made from it.

#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

namespace wellbeing::cli {

// The subcommands of `app` that --help lists: hidden ones (group "") such as `man` are left out.
inline std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty() && !sub->get_name().empty()) {
      subs.push_back(sub);
    }
  }
  return subs;
}

// The options of `app` that --help lists, positionals first, in the order they were added.
inline std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  std::vector<const CLI::Option*> options;
  for (const bool positional : {true, false}) {
    for (const CLI::Option* option : app.get_options({})) {
      if (!option->get_group().empty() && option->nonpositional() != positional) {
        options.push_back(option);
      }
    }
  }
  return options;
}

// " (did you mean 'validate'?)" for the command of `app` nearest `word`; empty when none is near enough.
std::string suggest_command(const CLI::App& app, std::string_view word);

// " (did you mean '--approach'?)" for the long option nearest `word` ("--aproach") among those of `app` and
// of the commands above it; empty when none is near enough.
std::string suggest_option(const CLI::App& app, std::string_view word);

// Whether `app` or a command above it has the option `name` ("--approach", "-n").
bool has_option(const CLI::App& app, const std::string& name);

// The words inside the last {…} of an option's type name ("ENUM:{json, text}" -> json, text): the words
// choice() and one_of() take; empty when it names none.
std::vector<std::string> choice_words(const std::string& type_name);

// What completes an option's value or a positional argument.
enum class ValueKind { none, text, words, file, dir, area };

// One option of a command (or its first positional), as the completions need it.
struct OutlineArgument {
  std::vector<std::string> names;  // "-j", "--jobs"; empty for a positional
  ValueKind value = ValueKind::none;
  std::vector<std::string> words;  // for ValueKind::words
  std::string help;
};

// One command path ("wellbeing/add/conversation") with what may follow it.
struct OutlineLevel {
  std::string key;
  std::vector<std::pair<std::string, std::string>> commands;  // name, description
  std::vector<OutlineArgument> options;
  ValueKind positional = ValueKind::none;
  std::vector<std::string> positional_words;
};

// `app` and every visible command under it, depth first, `app` first with the path `key`.
std::vector<OutlineLevel> outline(const CLI::App& app, const std::string& key);

}  // namespace wellbeing::cli
