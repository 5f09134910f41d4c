// The `wellbeing` command: registers the subcommands and turns errors into exit codes.
#include <algorithm>
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "command.hpp"
#include "help.hpp"
#include "options.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/text.hpp"

namespace {

// CLI11 reports an unknown subcommand as an extra positional; say what was probably meant instead.
std::string suggest_subcommand(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names.push_back(sub->get_name());
  }
  const std::string best = wellbeing::util::closest_match(word, names);
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
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
                   word.c_str(), suggest_subcommand(app, word).c_str());
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
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      where += " " + sub->get_name();
    }
    std::fprintf(stderr, "wellbeing: error: %s\nRun '%s --help' for usage.\n", e.what(), where.c_str());
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
