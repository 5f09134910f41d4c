// `wellbeing completion bash|zsh|fish` (hidden): prints a shell completion script made from the command line's
// own definition (commands, add kinds, options and their values, the areas of wellbeing from the library), so
// a new command or option completes without a second list to keep. The build installs one script per shell.
#include <fmt/format.h>

#include "app_tree.hpp"
#include "command.hpp"
#include "options.hpp"
#include "wellbeing/records/record.hpp"

namespace wellbeing::cli {

namespace {

enum class Shell { bash, zsh, fish };

// What completes an option's value or a positional argument.
enum class Value { none, text, words, file, dir, area };

struct Argument {
  std::vector<std::string> names;  // "-j", "--jobs"; empty for a positional
  Value value = Value::none;
  std::vector<std::string> words;  // for Value::words
  std::string help;
};

// One command path ("wellbeing/add/conversation") with what may follow it.
struct Level {
  std::string key;
  std::vector<std::pair<std::string, std::string>> commands;  // name, description
  std::vector<Argument> options;
  Value positional = Value::none;
  std::vector<std::string> positional_words;
};

// The words inside the last {…} of a type name such as "ENUM:{json, text}": the choices of choice()/one_of().
std::vector<std::string> choices(const std::string& type_name) {
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

// The value an option takes, from its name (--area), its choices, or the word --help shows for it (FILE, DIR).
Value value_of(const CLI::Option& option, std::vector<std::string>& words) {
  if (option.get_expected_max() == 0) {  // a flag
    return Value::none;
  }
  if (option.check_lname("area")) {
    return Value::area;
  }
  words = choices(option.get_type_name());
  if (!words.empty()) {
    return Value::words;
  }
  const std::string shown = option.get_option_text() + " " + option.get_type_name();
  if (shown.find("DIR") != std::string::npos) {
    return Value::dir;
  }
  if (shown.find("FILE") != std::string::npos || shown.find("PATH") != std::string::npos || !option.nonpositional()) {
    return Value::file;  // a positional without a word of its own is a file: record, folder, git's %A …
  }
  return Value::text;
}

void outline(const CLI::App& app, const std::string& key, std::vector<Level>& nodes) {
  Level node;
  node.key = key;
  for (const CLI::App* sub : visible_subcommands(app)) {
    node.commands.emplace_back(sub->get_name(), sub->get_description());
  }
  for (const CLI::Option* option : visible_options(app)) {
    Argument argument;
    argument.value = value_of(*option, argument.words);
    argument.help = option->get_description();
    if (!option->nonpositional()) {
      if (node.positional == Value::none) {
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
    outline(*sub, key + "/" + sub->get_name(), nodes);
  }
}

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

// Text inside single quotes in any of the three shells.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string all_keys(const std::vector<Level>& nodes, std::string_view separator) {
  std::vector<std::string> keys;
  for (const Level& node : nodes) {
    keys.push_back(node.key);
  }
  return joined(keys, separator);
}

// The shell code that completes a value, for bash or zsh.
std::string complete_value(Shell shell, Value value, const std::vector<std::string>& words) {
  const bool bash = shell == Shell::bash;
  switch (value) {
    case Value::area:
      return bash ? "_wellbeing_words \"$areas\"" : "compadd -- ${=areas}";
    case Value::words:
      return bash ? fmt::format("_wellbeing_words {}", single_quoted(joined(words))) : "compadd -- " + joined(words);
    case Value::file:
      return bash ? "_wellbeing_files -f" : "_files";
    case Value::dir:
      return bash ? "_wellbeing_files -d" : "_files -/";
    case Value::text:
    case Value::none:
      break;
  }
  return bash ? "COMPREPLY=()" : "_message value";
}

// bash and zsh share one plan: find the command path in the words before the cursor, complete the value of the
// option just before it, else an option, else a command, else the positional argument.
std::string bash_or_zsh(Shell shell, const std::vector<Level>& nodes) {
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
  for (const Level& node : nodes) {
    for (const Argument& option : node.options) {
      if (option.value == Value::none) {
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
  for (const Level& node : nodes) {
    out += fmt::format("    {}{})\n", bash ? "" : "(", node.key);
    std::vector<std::string> commands;
    std::vector<std::string> options;
    for (const auto& [name, help] : node.commands) {
      commands.push_back(bash ? name : single_quoted(name + ":" + help));
    }
    for (const Argument& option : node.options) {
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
        single_quoted(node.positional == Value::none ? std::string(bash ? "COMPREPLY=()" : ":")
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
std::string fish(const std::vector<Level>& nodes) {
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
  for (const Level& node : nodes) {
    const std::string at = single_quoted("__wellbeing_at " + node.key);
    for (const auto& [name, help] : node.commands) {
      out += fmt::format("complete -c wellbeing -n {} -f -a {} -d {}\n", at, name, single_quoted(help));
    }
    if (node.positional == Value::words) {
      out += fmt::format("complete -c wellbeing -n {} -f -a {}\n", at, single_quoted(joined(node.positional_words)));
    } else if (node.positional == Value::none || node.positional == Value::text) {
      out += fmt::format("complete -c wellbeing -n {} -f\n", at);
    }
    for (const Argument& option : node.options) {
      std::string flags;
      for (const std::string& name : option.names) {
        flags += fmt::format(" -{} {}", name.starts_with("--") ? 'l' : 's', name.substr(name.find_first_not_of('-')));
      }
      switch (option.value) {
        case Value::none:
          break;
        case Value::area:
          flags += " -x -a " + single_quoted(areas);
          break;
        case Value::words:
          flags += " -x -a " + single_quoted(joined(option.words));
          break;
        case Value::file:
          flags += " -r -F";
          break;
        case Value::dir:
          flags += " -x -a '(__fish_complete_directories)'";
          break;
        case Value::text:
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
                   std::vector<Level> nodes;
                   outline(app, "wellbeing", nodes);
                   write_out(stdout, *shell == Shell::fish ? fish(nodes) : bash_or_zsh(*shell, nodes));
                   return k_exit_ok;
                 }};
}

}  // namespace wellbeing::cli
