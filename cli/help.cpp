// Help text in words a person reads, and `wellbeing help [COMMAND]`.
#include "help.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app_tree.hpp"

namespace wellbeing::cli {

namespace {

// "ENUM:{github, json}" -> "github|json"; "UINT:UINT in [0 - 256]" or "INT" -> "N"; "TEXT" stays.
std::string value_word(const std::string& type_name) {
  if (const std::vector<std::string> words = choice_words(type_name); !words.empty()) {
    std::string joined;
    for (const std::string& word : words) {
      joined += joined.empty() ? word : "|" + word;
    }
    return joined;
  }
  const std::string base = type_name.substr(0, type_name.find(':'));
  if (base == "UINT" || base == "INT" || base == "NUMBER") {
    return "N";
  }
  if (base == "FLOAT") {
    return "NUMBER";
  }
  return base;
}

// The options whose "(required)" waits until help is shown (mark_required_later). The options belong to the
// one app the program builds, which lives until it ends.
std::map<const CLI::Option*, std::function<bool()>>& later_marks() {
  static std::map<const CLI::Option*, std::function<bool()>> marks;
  return marks;
}

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* option) const override {
    if (!option->get_option_text().empty()) {
      const auto mark = later_marks().find(option);
      return " " + option->get_option_text() + (mark != later_marks().end() && mark->second() ? " (required)" : "");
    }
    std::string out;
    if (option->get_type_size() != 0) {
      const std::string word = value_word(option->get_type_name());
      if (!word.empty() && !option->get_positional()) {
        out += " " + word;
      }
      if (option->get_expected_max() == CLI::detail::expected_max_vector_size) {
        out += " ...";
      }
      if (option->get_required()) {
        out += " (required)";
      }
    }
    return out;
  }
};

}  // namespace

void mark_required_later(const CLI::Option* option, std::function<bool()> required) {
  later_marks()[option] = std::move(required);
}

std::shared_ptr<CLI::Formatter> make_help_formatter() { return std::make_shared<HelpFormatter>(); }

Command register_help(CLI::App& app, const GlobalOptions& /*global*/) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* sub = app.add_subcommand("help", "Show the help of wellbeing, or of one command (help add outcome)");
  sub->add_option("command", *words, "The command, and for add the kind");
  CLI::App* root = &app;
  return Command{
      sub, [root, words] {
        const CLI::App* shown = root;
        std::string path = "wellbeing";
        for (const std::string& word : *words) {
          const CLI::App* found = nullptr;
          for (const CLI::App* candidate : shown->get_subcommands({})) {
            if (candidate->check_name(word)) {
              found = candidate;
            }
          }
          if (!found) {
            throw InputError(fmt::format("'{}' has no command '{}'{}", path, word, suggest_command(*shown, word)));
          }
          shown = found;
          path += " " + word;
        }
        // Through the formatter: App::help() would show the help of the command that ran, `help` itself.
        std::fputs(shown->get_formatter()->make_help(shown, path, CLI::AppFormatMode::Normal).c_str(), stdout);
        return k_exit_ok;
      }};
}

}  // namespace wellbeing::cli
