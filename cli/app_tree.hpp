#pragma once

#include <CLI/CLI.hpp>
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

}  // namespace wellbeing::cli
