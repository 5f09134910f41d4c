// `wellbeing merge BASE OURS THEIRS [PATH]`: git's merge driver (%O %A %B %P) for records.
#include "wellbeing/merge/merge.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::cli {

namespace {

struct Options {
  std::string base;
  std::string ours;
  std::string theirs;
  std::string path;  // the file's path in the repository (%P), for messages and the folder's settings
  std::string as_of;
};

bool is_record(const document::Node& root) { return root.find("schema") || root.find("person"); }

// The errors `check_record` finds in a text, as "rule: message" (positions left out, as they move).
std::map<std::string, int> error_counts(const std::string& text, const std::string& name,
                                        const records::CheckOptions& check) {
  std::map<std::string, int> out;
  auto parsed = document::parse(text, name);
  if (!parsed) {
    return out;
  }
  for (const Diagnostic& d : validation::check_record(*parsed, check)) {
    if (d.severity == Severity::error) {
      ++out[d.rule + ": " + d.message];
    }
  }
  return out;
}

int run(const Options& options, const GlobalOptions& global) {
  // Settings that are not valid refuse the merge before anything is written: git keeps the conflict, and
  // the folder's rules are never silently replaced by the defaults.
  const records::CheckOptions check = check_options_for(options.path.empty() ? options.ours : options.path,
                                                        date_or(options.as_of, util::today()), global.color);
  const std::string base = read_input(options.base);
  const std::string ours = read_input(options.ours);
  const std::string theirs = read_input(options.theirs);
  const std::string name = options.path.empty() ? options.ours : options.path;

  merge::Result result = merge::merge_records(base, ours, theirs);
  std::string report;
  for (const std::string& note : result.notes) {
    report += fmt::format("wellbeing merge: {}: {}\n", name, note);
  }
  bool clean = result.semantic && result.conflicts.empty() && !result.line_conflicts;

  // A clean merge must leave a valid record. An error ours or theirs already had is still an error: git
  // would otherwise commit an invalid record that no one was asked to look at. The file is written all the
  // same (a person corrects it there) and the exit status marks it conflicted.
  if (clean) {
    auto merged = document::parse(result.text, name);
    if (merged && is_record(merged->root)) {
      auto before = error_counts(ours, name, check);
      for (const auto& [message, count] : error_counts(theirs, name, check)) {
        before[message] = std::max(before[message], count);
      }
      const bool color = use_color(global.color, stderr);
      std::string errors;
      std::size_t count = 0;
      std::size_t inherited = 0;
      for (const Diagnostic& d : validation::check_record(*merged, check)) {
        if (d.severity == Severity::error) {
          ++count;
          inherited += before[d.rule + ": " + d.message]-- > 0 ? 1 : 0;
          errors += format_diagnostic_text(d, *merged->source, color);
        }
      }
      if (count > 0) {
        clean = false;
        std::string already;  // why a merge of two sides with an error is not clean either
        if (inherited == count) {
          already = count == 1 ? ", which ours or theirs already had" : ", all of which ours or theirs already had";
        } else if (inherited > 0) {
          already = fmt::format(", {} of which ours or theirs already had", inherited);
        }
        report += fmt::format("wellbeing merge: {}: the merged record is not valid ({} error{}{}); correct it, then "
                              "git add it:\n",
                              name, count, count == 1 ? "" : "s", already);
        report += errors;
      }
    }
  }
  if (!result.conflicts.empty()) {
    report += fmt::format("wellbeing merge: {}: {} conflict(s), marked in the file:\n", name, result.conflicts.size());
    for (const merge::Conflict& conflict : result.conflicts) {
      report += fmt::format("  {}\n", conflict.label);
    }
  } else if (result.line_conflicts) {
    report += fmt::format("wellbeing merge: {}: conflicting lines are marked in the file\n", name);
  }
  if (auto written = write::write_file(options.ours, result.text); !written) {
    throw InputError(written.error().message);
  }
  write_out(stderr, report);
  return clean ? k_exit_ok : k_exit_findings;
}

}  // namespace

Command register_merge(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("merge", "Three-way merge of a record, as git's merge driver (%O %A %B %P)");
  sub->add_option("base", options->base, "The common ancestor (git's %O)")->required();
  sub->add_option("ours", options->ours, "Ours (git's %A): the merge is written here")->required();
  sub->add_option("theirs", options->theirs, "Theirs (git's %B)")->required();
  sub->add_option("path", options->path, "The record's path in the repository (git's %P), for messages and settings");
  add_date_option(*sub, "--as-of", options->as_of, "The date the merged record is checked as of (default: today)");
  sub->footer(
      "Items added on both sides are both kept (in date order); a field changed on one side takes that change;\n"
      "the same value changed differently on both sides is a conflict, marked with <<<<<<< ours / ======= /\n"
      ">>>>>>> theirs around only the lines that hold it. Every byte of ours that neither side changed is kept.\n"
      "Exit status: 0 for a clean merge that leaves a valid record; 1 for conflicts, or a merged record with any\n"
      "error, even one ours already had (it is written with its errors shown, so git marks it conflicted); 2 when\n"
      "a file cannot be read or the folder settings are not valid (nothing is merged).");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
