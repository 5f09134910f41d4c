// The `wellbeing` command: registers the subcommands and turns errors into exit codes.
#include <algorithm>
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "app_tree.hpp"
#include "command.hpp"
#include "help.hpp"
#include "options.hpp"
#include "wellbeing/util/escape.hpp"

namespace {

using wellbeing::cli::has_option;
using wellbeing::cli::suggest_command;
using wellbeing::cli::suggest_option;

// CLI11 reports a misspelt option as words it did not expect, and a misspelt command (`add conversaton`) as a
// missing one: name the word instead, with what was probably meant. `where` is the command that was parsed
// last ("wellbeing add"), `sub` its app; otherwise CLI11's own message.
std::string explain(const CLI::ParseError& e, const CLI::App& app, const CLI::App& sub, const std::string& where,
                    int argc, char** argv) {
  const bool extras = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
  const bool no_command = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && !sub.get_subcommands({}).empty() &&
                          sub.get_subcommands().empty();
  if (!extras && !no_command) {
    return e.what();
  }
  const CLI::App* level = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") {
      break;
    }
    if (word.starts_with("--")) {
      const std::string name = word.substr(0, word.find('='));
      if (!has_option(*level, name)) {
        return fmt::format("unknown option '{}'{}", name, suggest_option(*level, name));
      }
      continue;
    }
    if (word.starts_with("-")) {
      continue;
    }
    const CLI::App* next = nullptr;
    for (const CLI::App* candidate : level->get_subcommands({})) {
      next = candidate->check_name(word) ? candidate : next;
    }
    if (next) {
      level = next;
    } else if (no_command && level == &sub) {
      return fmt::format("'{}' has no command '{}'{}", where, word, suggest_command(sub, word));
    }
  }
  return e.what();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wellbeing::cli;

  CLI::App app{"wellbeing: person-centred wellbeing records, kept as YAML files in git", "wellbeing"};
  app.set_version_flag("-V,--version", fmt::format("wellbeing {}", WELLBEING_VERSION));
  app.formatter(make_help_formatter());
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  add_color_option(app, global.color);

  std::vector<Command> commands{
      register_validate(app, global),
      register_schema(app, global),
      register_rules(app, global),
      register_diff(app, global),
      register_show(app, global),
      register_log(app, global),
      register_merge(app, global),
      register_render(app, global),
      register_summary(app, global),
      register_init(app, global), register_setup_git(app, global), register_new(app, global), register_add(app, global),
      register_migrate(app, global),
      register_man(app, global), register_completion(app, global),
      register_help(app, global),
  };

  if (argc == 1) {
    std::fputs(app.help().c_str(), stderr);
    return k_exit_usage;
  }

  // An unknown first word would otherwise read as "a subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    const auto subs = app.get_subcommands({});
    if (std::none_of(subs.begin(), subs.end(), [&](const CLI::App* sub) { return sub->check_name(word); })) {
      std::fprintf(stderr, "wellbeing: error: unknown command '%s'%s\nRun 'wellbeing --help' for the commands.\n",
                   word.c_str(), suggest_command(app, word).c_str());
      return k_exit_usage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      return app.exit(e);
    }
    std::string where = "wellbeing";
    const CLI::App* sub = &app;
    while (!sub->get_subcommands().empty()) {
      sub = sub->get_subcommands().front();
      where += " " + sub->get_name();
    }
    std::fprintf(stderr, "wellbeing: error: %s\nRun '%s --help' for usage.\n",
                 explain(e, app, *sub, where, argc, argv).c_str(), where.c_str());
    return k_exit_usage;
  }

  try {
    for (const Command& command : commands) {
      if (command.app->parsed()) {
        return command.run();
      }
    }
    return k_exit_usage;
  } catch (const InputError& e) {
    // The message may quote a file name or a record's text: one line, with nothing a terminal acts on.
    std::fprintf(stderr, "wellbeing: error: %s\n", wellbeing::util::terminal_safe(e.what()).c_str());
    return k_exit_usage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wellbeing: internal error: %s\n", e.what());
    return k_exit_internal;
  }
}
