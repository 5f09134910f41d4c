// `wellbeing show --canonical FILE`: the canonical text view of a record (git's textconv filter).
#include <fmt/format.h>

#include "command.hpp"
#include "wellbeing/diff/canonical.hpp"
#include "wellbeing/document/parser.hpp"

namespace wellbeing::cli {

namespace {

struct Options {
  std::string file;
  bool canonical = true;
};

int run(const Options& options) {
  const std::string name = options.file == "-" ? "<stdin>" : options.file;
  const std::string text = read_input(options.file);
  auto parsed = document::parse(text, name);
  if (!parsed) {
    // As a textconv filter this must not fail: git would show nothing. The file is shown as it is.
    const Diagnostic& first = parsed.error().front();
    write_out(stderr, fmt::format("wellbeing: warning: {}:{}:{}: {}; shown as it is\n", name, first.location.line,
                                  first.location.column, first.message));
    write_out(stdout, text);
    return k_exit_ok;
  }
  write_out(stdout, diff::canonical_text(parsed->root));
  return k_exit_ok;
}

}  // namespace

Command register_show(CLI::App& app, const GlobalOptions& /*global*/) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("show", "Print a record's canonical text view (git's textconv filter)");
  sub->add_option("file", options->file, "The record (- for standard input)")->required();
  sub->add_flag("--canonical", options->canonical,
                "One value per line as path: value, keys in the schema's order, items sorted by id (the default "
                "and only view)");
  sub->footer(
      "Layout, comments, quoting and the order of identified items do not change the view, so `git log -p` and\n"
      "`git diff --word-diff` through it show only changes of content. A file that is not readable YAML is\n"
      "printed as it is, with a warning. Exit status: 0, or 2 when the file cannot be read.");
  return Command{sub, [options] { return run(*options); }};
}

}  // namespace wellbeing::cli
