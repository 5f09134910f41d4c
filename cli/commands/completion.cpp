// `wellbeing completion bash|zsh|fish` (hidden): prints a shell completion script made from the command line's
// own definition (commands, add kinds, options and their values, the areas of wellbeing from the library), so
// a new command or option completes without a second list to keep. The build installs one script per shell.
#include <fmt/format.h>

#include "app_tree.hpp"
#include "command.hpp"
#include "options.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::cli {

namespace {

using util::single_quoted;

enum class Shell { bash, zsh, fish };

std::string area_ids() {
  std::string ids;
  for (const records::AreaInfo& area : records::k_areas) {
    ids += (ids.empty() ? "" : " ") + std::string(area.id);
  }
  return ids;
}

std::string joined(const std::vector<std::string>& words, std::string_view separator = " ") {
  std::string out;
  for (const std::string& word : words) {
    out += (out.empty() ? "" : std::string(separator)) + word;
  }
  return out;
}

std::string all_keys(const std::vector<OutlineLevel>& nodes, std::string_view separator) {
  std::vector<std::string> keys;
  for (const OutlineLevel& node : nodes) {
    keys.push_back(node.key);
  }
  return joined(keys, separator);
}

// The shell code that completes a value, for bash or zsh.
std::string complete_value(Shell shell, ValueKind value, const std::vector<std::string>& words) {
  const bool bash = shell == Shell::bash;
  switch (value) {
    case ValueKind::area:
      return bash ? "_wellbeing_words \"$areas\"" : "compadd -- ${=areas}";
    case ValueKind::words:
      return bash ? fmt::format("_wellbeing_words {}", single_quoted(joined(words))) : "compadd -- " + joined(words);
    case ValueKind::file:
      return bash ? "_wellbeing_files -f" : "_files";
    case ValueKind::dir:
      return bash ? "_wellbeing_files -d" : "_files -/";
    case ValueKind::text:
    case ValueKind::none:
      break;
  }
  return bash ? "COMPREPLY=()" : "_message value";
}

// bash and zsh share one plan: find the command path in the words before the cursor, complete the value of the
// option just before it, else an option, else a command, else the positional argument.
std::string bash_or_zsh(Shell shell, const std::vector<OutlineLevel>& nodes) {
  const bool bash = shell == Shell::bash;
  std::string out;
  if (bash) {
    out +=
        "# bash completion for wellbeing, made by `wellbeing completion bash`\n"
        "_wellbeing_words() { local IFS=$' \\t\\n'; mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }\n"
        "_wellbeing_files() {\n"
        "  compopt -o filenames 2>/dev/null\n"
        "  local IFS=$'\\n'\n"
        "  mapfile -t COMPREPLY < <(compgen \"$1\" -- \"$cur\")\n"
        "}\n"
        "_wellbeing() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} key=wellbeing word i\n"
        "  local cmds opts positional\n"
        "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "    word=${COMP_WORDS[i]}\n";
  } else {
    out +=
        "#compdef wellbeing\n"
        "# zsh completion for wellbeing, made by `wellbeing completion zsh`\n"
        "_wellbeing() {\n"
        "  local prev=${words[CURRENT-1]} key=wellbeing word i positional=\n"
        "  local -a cmds opts\n"
        "  for ((i = 2; i < CURRENT; i++)); do\n"
        "    word=${words[i]}\n";
  }
  out += fmt::format("    case \"$key/$word\" in\n      {}{}) key+=\"/$word\" ;;\n    esac\n  done\n", bash ? "" : "(",
                     all_keys(nodes, "|"));
  out += fmt::format("  local areas={}\n", single_quoted(area_ids()));
  out += "  case \"$key $prev\" in\n";
  for (const OutlineLevel& node : nodes) {
    for (const OutlineArgument& option : node.options) {
      if (option.value == ValueKind::none) {
        continue;
      }
      std::vector<std::string> cases;
      for (const std::string& name : option.names) {
        cases.push_back(fmt::format("\"{} {}\"", node.key, name));
      }
      out += fmt::format("    {}{}) {}; return ;;\n", bash ? "" : "(", joined(cases, "|"),
                         complete_value(shell, option.value, option.words));
    }
  }
  out += "  esac\n  case $key in\n";
  for (const OutlineLevel& node : nodes) {
    out += fmt::format("    {}{})\n", bash ? "" : "(", node.key);
    std::vector<std::string> commands;
    std::vector<std::string> options;
    for (const auto& [name, help] : node.commands) {
      commands.push_back(bash ? name : single_quoted(name + ":" + help));
    }
    for (const OutlineArgument& option : node.options) {
      for (const std::string& name : option.names) {
        options.push_back(bash ? name : single_quoted(name + ":" + option.help));
      }
    }
    if (bash) {
      out += fmt::format("      cmds={} opts={}\n", single_quoted(joined(commands)), single_quoted(joined(options)));
    } else {
      out += fmt::format("      cmds=({})\n      opts=({})\n", joined(commands), joined(options));
    }
    out += fmt::format(
        "      positional={} ;;\n",
        single_quoted(node.positional == ValueKind::none ? std::string(bash ? "COMPREPLY=()" : ":")
                                                     : complete_value(shell, node.positional, node.positional_words)));
  }
  out += "  esac\n";
  if (bash) {
    out +=
        "  if [[ $cur == -* ]]; then _wellbeing_words \"$opts\"\n"
        "  elif [[ -n $cmds ]]; then _wellbeing_words \"$cmds\"\n"
        "  else eval \"$positional\"\n"
        "  fi\n"
        "}\n"
        "complete -F _wellbeing wellbeing\n";
  } else {
    out +=
        "  if [[ $PREFIX == -* ]]; then _describe -t options option opts\n"
        "  elif (( ${#cmds} )); then _describe -t commands command cmds\n"
        "  else eval \"$positional\"\n"
        "  fi\n"
        "}\n"
        "_wellbeing \"$@\"\n";
  }
  return out;
}

// fish asks a condition of every completion: here, the command path of the words before the cursor.
std::string fish(const std::vector<OutlineLevel>& nodes) {
  std::string out = fmt::format(
      "# fish completion for wellbeing, made by `wellbeing completion fish`\n"
      "function __wellbeing_at\n"
      "    set -l key wellbeing\n"
      "    set -l words (commandline -opc)\n"
      "    set -e words[1]\n"
      "    for word in $words\n"
      "        switch \"$key/$word\"\n"
      "            case {}\n"
      "                set key \"$key/$word\"\n"
      "        end\n"
      "    end\n"
      "    test \"$key\" = $argv[1]\n"
      "end\n",
      all_keys(nodes, " "));
  const std::string areas = area_ids();
  for (const OutlineLevel& node : nodes) {
    const std::string at = single_quoted("__wellbeing_at " + node.key);
    for (const auto& [name, help] : node.commands) {
      out += fmt::format("complete -c wellbeing -n {} -f -a {} -d {}\n", at, name, single_quoted(help));
    }
    if (node.positional == ValueKind::words) {
      out += fmt::format("complete -c wellbeing -n {} -f -a {}\n", at, single_quoted(joined(node.positional_words)));
    } else if (node.positional == ValueKind::none || node.positional == ValueKind::text) {
      out += fmt::format("complete -c wellbeing -n {} -f\n", at);
    }
    for (const OutlineArgument& option : node.options) {
      std::string flags;
      for (const std::string& name : option.names) {
        flags += fmt::format(" -{} {}", name.starts_with("--") ? 'l' : 's', name.substr(name.find_first_not_of('-')));
      }
      switch (option.value) {
        case ValueKind::none:
          break;
        case ValueKind::area:
          flags += " -x -a " + single_quoted(areas);
          break;
        case ValueKind::words:
          flags += " -x -a " + single_quoted(joined(option.words));
          break;
        case ValueKind::file:
          flags += " -r -F";
          break;
        case ValueKind::dir:
          flags += " -x -a '(__fish_complete_directories)'";
          break;
        case ValueKind::text:
          flags += " -x";
          break;
      }
      out += fmt::format("complete -c wellbeing -n {}{} -d {}\n", at, flags, single_quoted(option.help));
    }
  }
  return out;
}

}  // namespace

Command register_completion(CLI::App& app, const GlobalOptions& /*global*/) {
  auto shell = std::make_shared<Shell>(Shell::bash);
  CLI::App* sub = app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  sub->group("");  // for the build and for packagers, not in the list of commands
  const std::map<std::string, Shell> shells{{"bash", Shell::bash}, {"zsh", Shell::zsh}, {"fish", Shell::fish}};
  sub->add_option("shell", *shell, "bash, zsh or fish")->required()->transform(choice(shells));
  return Command{sub, [&app, shell] {
                   const std::vector<OutlineLevel> nodes = outline(app, "wellbeing");
                   write_out(stdout, *shell == Shell::fish ? fish(nodes) : bash_or_zsh(*shell, nodes));
                   return k_exit_ok;
                 }};
}

}  // namespace wellbeing::cli
