// `wellbeing man [COMMAND]` (hidden): prints the manual page of wellbeing or of one command, in roff, made
// from the same descriptions, options and footers as --help, so the manual cannot drift from the program.
// The build writes every page with `wellbeing man --dir DIR` and installs them under share/man/man1.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "app_tree.hpp"
#include "command.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::cli {

namespace {

std::string_view trim(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\n");
  if (start == std::string_view::npos) {
    return {};
  }
  return text.substr(start, text.find_last_not_of(" \t\n") - start + 1);
}

// Text made safe for roff: a backslash is written \e, and a line may not start with a control character.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    if (c == '\\') {
      out += "\\e";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// A name with every hyphen a real minus, so that an option copied from the page works.
std::string minus(std::string_view name) {
  std::string out;
  for (const char c : name) {
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  }
  return out;
}

std::string bold_name(std::string_view name) { return "\\fB" + minus(name) + "\\fR"; }

// The formatter --help uses, so the option texts are those of --help.
std::shared_ptr<CLI::Formatter> formatter_of(const CLI::App& app) {
  auto formatter = std::dynamic_pointer_cast<CLI::Formatter>(app.get_formatter());
  return formatter ? formatter : std::make_shared<CLI::Formatter>();
}

// A footer's "Exit status: …" sentence, taken out of it; empty when it has none.
std::string take_exit_status(std::string& footer) {
  static constexpr std::string_view k_label = "Exit status:";
  const std::size_t start = footer.find(k_label);
  if (start == std::string::npos) {
    return {};
  }
  std::size_t end = start;
  while (end < footer.size() && !(footer[end] == '.' && (end + 1 == footer.size() || std::isspace(footer[end + 1])))) {
    ++end;
  }
  std::string sentence = footer.substr(start + k_label.size(), end - start - k_label.size());
  footer.erase(start, std::min(end + 2, footer.size()) - start);
  std::replace(sentence.begin(), sentence.end(), '\n', ' ');
  return std::string(trim(sentence));
}

// "0 added, 1 refused; 2 usage error" as one tagged paragraph per exit status.
std::string exit_status_list(std::string_view sentence) {
  std::string out;
  std::size_t start = 0;
  while (start < sentence.size()) {
    std::size_t next = start + 1;
    while (next + 2 < sentence.size() &&
           !((sentence[next] == ',' || sentence[next] == ';') && sentence[next + 1] == ' ' &&
             std::isdigit(static_cast<unsigned char>(sentence[next + 2])))) {
      ++next;
    }
    if (next + 2 >= sentence.size()) {
      next = sentence.size();
    }
    const std::string_view item = trim(sentence.substr(start, next - start));
    const std::size_t space = item.find(' ');
    if (!item.empty() && std::isdigit(static_cast<unsigned char>(item.front())) && space != std::string_view::npos) {
      out += fmt::format(".TP\n.B {}\n{}\n", item.substr(0, space), roff(item.substr(space + 1)));
    } else {
      out += fmt::format(".PP\n{}\n", roff(item));
    }
    start = next + 1;
  }
  return out;
}

std::string synopsis(const CLI::App& app, const std::string& name) {
  std::string usage = formatter_of(app)->make_usage(&app, name);
  const std::string_view rest = trim(std::string_view(usage).substr(usage.find(':') + 1 + 1 + name.size()));
  return fmt::format("{} {}", bold_name(name), roff(rest));
}

std::string options_list(const CLI::App& app) {
  const auto formatter = formatter_of(app);
  std::string out;
  for (const CLI::Option* option : visible_options(app)) {
    std::string names;
    if (!option->nonpositional()) {
      names = fmt::format("\\fI{}\\fR", option->get_name(true, false));
    } else {
      for (const std::string& name : option->get_snames()) {
        names += (names.empty() ? "" : ", ") + bold_name("-" + name);
      }
      for (const std::string& name : option->get_lnames()) {
        names += (names.empty() ? "" : ", ") + bold_name("--" + name);
      }
    }
    const std::string value = std::string(trim(formatter->make_option_opts(option)));
    out += fmt::format(".TP\n{}{}\n{}\n", names, value.empty() ? "" : " \\fI" + roff(value) + "\\fR",
                       roff(option->get_description()));
  }
  return out;
}

// Footer text as roff paragraphs: a blank line starts a new one, and roff fills the lines of each.
std::string paragraphs(std::string_view text) {
  text = trim(text);
  if (text.empty()) {
    return {};
  }
  std::string out = ".PP\n";
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = trim(text.substr(start, end - start));
    out += line.empty() ? std::string(".PP\n") : roff(line) + "\n";
    start = end + 1;
  }
  return out;
}

constexpr std::string_view k_general_exit_status =
    "0 success, 1 findings (invalid records, differences, refusals), 2 a usage error or unreadable input, "
    "3 an internal error";

std::string page_header(const std::string& page, std::string_view description) {
  std::string upper = page;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  return fmt::format(".TH {} 1 \"\" \"wellbeing {}\" \"wellbeing manual\"\n.SH NAME\n{} \\- {}\n", upper,
                     WELLBEING_VERSION, minus(page),
                     roff(description.substr(description.starts_with(page + ": ") ? page.size() + 2 : 0)));
}

// The page of the program itself: its options and the list of commands, each with its own page.
std::string root_page(const CLI::App& app) {
  std::string out = page_header("wellbeing", app.get_description());
  out += fmt::format(".SH SYNOPSIS\n{}\n", synopsis(app, "wellbeing"));
  out += ".SH DESCRIPTION\n" + roff(app.get_description()) + ".\n" + paragraphs(app.get_footer());
  out += ".SH COMMANDS\n";
  for (const CLI::App* sub : visible_subcommands(app)) {
    out += fmt::format(".TP\n.BR wellbeing\\-{} (1)\n{}\n", sub->get_name(), roff(sub->get_description()));
  }
  out += ".SH OPTIONS\n" + options_list(app);
  out += ".SH EXIT STATUS\n" + exit_status_list(k_general_exit_status);
  out += ".SH SEE ALSO\n";
  const auto subs = visible_subcommands(app);
  for (std::size_t i = 0; i < subs.size(); ++i) {
    out += fmt::format(".BR wellbeing\\-{} (1){}\n", subs[i]->get_name(), i + 1 < subs.size() ? "," : "");
  }
  return out;
}

// The page of one command; its own subcommands (the kinds of `add`) are sections of it.
std::string command_page(const CLI::App& app, const CLI::App& command) {
  const std::string name = "wellbeing " + command.get_name();
  std::string footer = command.get_footer();
  std::string exit_status = take_exit_status(footer);
  std::string out = page_header("wellbeing-" + command.get_name(), command.get_description());
  out += fmt::format(".SH SYNOPSIS\n{}\n", synopsis(command, name));
  out += ".SH DESCRIPTION\n" + roff(command.get_description()) + ".\n" + paragraphs(footer);
  const auto subs = visible_subcommands(command);
  std::vector<std::string> shared_footers;
  for (const CLI::App* sub : subs) {
    std::string sub_footer = sub->get_footer();
    const std::string sub_exit = take_exit_status(sub_footer);
    if (sub_exit.size() > exit_status.size()) {
      exit_status = sub_exit;
    }
    if (std::find(shared_footers.begin(), shared_footers.end(), sub_footer) == shared_footers.end()) {
      shared_footers.push_back(sub_footer);
      out += paragraphs(sub_footer);
    }
  }
  if (!command.get_options({}).empty()) {
    out += ".SH OPTIONS\n" + options_list(command);
  }
  if (!subs.empty()) {
    out += ".SH COMMANDS\n";
  }
  for (const CLI::App* sub : subs) {
    out += fmt::format(".SS {} {}\n", roff(name), roff(sub->get_name()));
    out += fmt::format("{}.\n.PP\n{}\n", roff(sub->get_description()), synopsis(*sub, name + " " + sub->get_name()));
    out += options_list(*sub);
  }
  out += ".SH EXIT STATUS\n" + exit_status_list(exit_status.empty() ? k_general_exit_status : exit_status);
  out += ".SH SEE ALSO\n.BR wellbeing (1)\n";
  (void)app;
  return out;
}

struct Options {
  std::string command;
  std::string dir;
};

const CLI::App* find_command(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : visible_subcommands(app)) {
    if (sub->get_name() == word) {
      return sub;
    }
    names.push_back(sub->get_name());
  }
  const std::string best = util::closest_match(word, names);
  throw InputError(fmt::format("no manual page for '{}'{}", word,
                               best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best)));
}

void write_page(const std::string& dir, const std::string& page, const std::string& text) {
  const std::string path = fmt::format("{}/{}.1", dir, page);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file.flush()) {
    throw InputError(fmt::format("{}: cannot write the manual page", path));
  }
}

int run(const CLI::App& app, const Options& options) {
  if (!options.dir.empty()) {
    write_page(options.dir, "wellbeing", root_page(app));
    for (const CLI::App* sub : visible_subcommands(app)) {
      write_page(options.dir, "wellbeing-" + sub->get_name(), command_page(app, *sub));
    }
    return k_exit_ok;
  }
  write_out(stdout, options.command.empty() ? root_page(app) : command_page(app, *find_command(app, options.command)));
  return k_exit_ok;
}

}  // namespace

Command register_man(CLI::App& app, const GlobalOptions& /*global*/) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("man", "Print the manual page of wellbeing or of one command (roff)");
  sub->group("");  // for the build and for packagers, not in the list of commands
  sub->add_option("command", options->command, "The command (default: wellbeing itself)");
  sub->add_option("-d,--dir", options->dir, "Write every page (wellbeing.1, wellbeing-COMMAND.1, …) into DIR")
      ->option_text("DIR")
      ->check(CLI::ExistingDirectory)
      ->excludes("command");
  return Command{sub, [&app, options] { return run(app, *options); }};
}

}  // namespace wellbeing::cli
