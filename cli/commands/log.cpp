// `wellbeing log FILE`: a record's audit trail from git history, commit by commit, in the record's words.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/diff/canonical.hpp"
#include "wellbeing/diff/diff.hpp"
#include "wellbeing/diff/render.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/style.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::cli {

namespace {

enum class Format { text, md, json };

struct Options {
  std::string file;
  std::string since;
  std::string until;
  std::string blame;
  Format format = Format::text;
};

// One commit of the trail, with its semantic changes (or why they could not be worked out).
struct Entry {
  const history::FileVersion* version = nullptr;
  std::vector<diff::Change> changes;
  std::string error;
};

// Seconds since the epoch at the start of the day a date option names (checked by date_value()).
std::int64_t day_start(const std::string& text) {
  return std::chrono::sys_days(date_or(text, util::Date{})).time_since_epoch().count() * 86400;
}

Entry entry_for(const history::FileVersion& version) {
  Entry entry;
  entry.version = &version;
  auto now = document::parse(version.text, version.path);
  if (!now) {
    entry.error = fmt::format("this version is not readable YAML ({}:{}: {})", now.error().front().location.line,
                              now.error().front().location.column, now.error().front().message);
    return entry;
  }
  document::Node before;
  if (version.old_text) {
    auto old = document::parse(*version.old_text, version.old_path.value_or(version.path));
    if (!old) {
      entry.error = "the version before is not readable YAML, so the changes cannot be listed";
      return entry;
    }
    before = old->root;
  }
  entry.changes = diff::diff_documents(before, now->root);
  return entry;
}

std::string indent_lines(std::string_view text, std::string_view indent) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    out += line.empty() ? std::string() : fmt::format("{}{}", indent, line);
    out += '\n';
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

std::string render_text(const std::vector<Entry>& entries, bool color) {
  std::string out;
  for (const Entry& entry : entries) {
    const history::FileVersion& v = *entry.version;
    if (!out.empty()) {
      out += '\n';
    }
    out += util::style::paint(util::style::k_yellow, "commit " + v.commit.short_id, color) + "\n";
    out += fmt::format("Author: {} <{}>\nDate:   {}\nFile:   {}\n", v.commit.author.name, v.commit.author.email,
                       history::format_time(v.commit.author), v.path);
    if (v.old_path && *v.old_path != v.path) {
      out += fmt::format("Renamed from {}\n", *v.old_path);
    }
    out += '\n' + indent_lines(v.commit.message, "    ") + '\n';
    if (!entry.error.empty()) {
      out += fmt::format("    ({})\n", entry.error);
    } else if (entry.changes.empty()) {
      out += v.old_path && *v.old_path != v.path ? "    (renamed; no change to the content)\n"
                                                 : "    (no change to the content: only layout or comments)\n";
    } else {
      out += diff::render_text(entry.changes, {color, false, "    "});
    }
  }
  return out;
}

std::string render_markdown(const std::vector<Entry>& entries, const std::string& file) {
  std::string out = fmt::format("# Changes to {}\n", diff::markdown_escape(file));
  for (const Entry& entry : entries) {
    const history::FileVersion& v = *entry.version;
    out += fmt::format("\n## {}: {}\n\n", history::format_time(v.commit.author).substr(0, 10),
                       diff::markdown_escape(v.commit.summary));
    out += fmt::format("By {} on {}, commit `{}`", diff::markdown_escape(v.commit.author.name),
                       history::format_time(v.commit.author), v.commit.short_id);
    if (v.old_path && *v.old_path != v.path) {
      out += fmt::format(", renamed from {} to {}", diff::markdown_escape(*v.old_path), diff::markdown_escape(v.path));
    }
    out += ".\n";
    const std::size_t body = v.commit.message.find_first_not_of("\r\n", v.commit.message.find('\n'));
    if (v.commit.message.find('\n') != std::string::npos && body != std::string::npos) {
      out += "\n" + indent_lines(v.commit.message.substr(body), "> ");
    }
    if (!entry.error.empty()) {
      out += fmt::format("\n{}.\n", diff::markdown_escape(entry.error));
    } else if (!entry.changes.empty()) {
      out += "\n" + diff::render_markdown(entry.changes, 3);
    }
  }
  return out;
}

nlohmann::ordered_json commit_json(const history::CommitInfo& commit) {
  nlohmann::ordered_json out;
  out["commit"] = commit.id;
  out["author"] = {{"name", commit.author.name}, {"email", commit.author.email}};
  out["date"] = history::format_time_iso(commit.author);
  out["message"] = commit.message;
  return out;
}

std::string render_json(const std::vector<Entry>& entries, const std::string& file, const std::string& person) {
  nlohmann::ordered_json root;
  root["version"] = 1;
  root["file"] = file;
  root["person"] = person;
  nlohmann::ordered_json commits = nlohmann::ordered_json::array();
  for (const Entry& entry : entries) {
    const history::FileVersion& v = *entry.version;
    nlohmann::ordered_json item = commit_json(v.commit);
    item["path"] = v.path;
    item["renamed_from"] = v.old_path && *v.old_path != v.path ? nlohmann::ordered_json(*v.old_path) : nullptr;
    item["changes"] = nlohmann::ordered_json::parse(diff::render_json(entry.changes));
    if (!entry.error.empty()) {
      item["error"] = entry.error;
    }
    commits.push_back(std::move(item));
  }
  root["commits"] = std::move(commits);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

nlohmann::ordered_json node_json(const std::optional<document::Node>& node) {
  if (!node) {
    return nullptr;
  }
  diff::Change change;
  change.new_value = *node;
  return nlohmann::ordered_json::parse(diff::render_json({change}))[0]["new"];
}

// " (did you mean `P`?)" for the path in the record `text` nearest to `wanted`, or empty.
std::string suggest_path(const std::string& text, const std::string& wanted) {
  auto parsed = document::parse(text, "record");
  if (!parsed) {
    return {};
  }
  std::set<std::string> paths;
  std::istringstream lines(diff::canonical_text(parsed->root));
  for (std::string line; std::getline(lines, line);) {
    std::string path = line.substr(0, line.find(": "));
    if (path.ends_with("[]")) {
      path.resize(path.size() - 2);
    }
    // The path and every path above it ("outcomes/o-1/status", "outcomes/o-1", "outcomes").
    for (std::size_t slash = path.size(); slash != std::string::npos && slash > 0; slash = path.rfind('/', slash - 1)) {
      paths.insert(path.substr(0, slash));
    }
  }
  const std::string best = util::closest_match(wanted, paths);
  return best.empty() ? std::string() : fmt::format(" (did you mean `{}`?)", best);
}

int run_blame(const Options& options, const history::Repository& repository, const std::string& path,
              const std::vector<history::FileVersion>& versions, bool color) {
  const auto head = repository.resolve("HEAD");
  const std::string current = repository.read_file(*head, path).value_or("");
  const history::Blame blame = history::blame_value(current, versions, options.blame);
  const diff::SchemaNode* schema = diff::schema_at(options.blame);
  const auto brief = [&](const std::optional<document::Node>& node) {
    return node ? diff::brief_value(*node, schema) : std::string("(not there)");
  };
  if (!blame.version && !blame.value) {
    // Never there: say so rather than name anyone, and suggest the path probably meant.
    write_out(stderr, fmt::format("wellbeing: {} has never had a value at {}{}\n", path, options.blame,
                                  suggest_path(current, options.blame)));
    return k_exit_findings;
  }
  if (options.format == Format::json) {
    nlohmann::ordered_json root;
    root["version"] = 1;
    root["file"] = path;
    root["path"] = options.blame;
    root["value"] = node_json(blame.value);
    root["present"] = blame.value.has_value();
    root["previous"] = node_json(blame.previous);
    root["change"] = blame.version ? commit_json(blame.version->commit) : nlohmann::ordered_json();
    write_out(stdout, root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  std::string out;
  const std::string where = fmt::format("{} {}", path, options.blame);
  out += blame.value ? fmt::format("{}: {}\n", where, brief(blame.value))
                     : fmt::format("{}: not in the record now\n", where);
  if (blame.version) {
    const history::CommitInfo& c = blame.version->commit;
    const std::string what = !blame.value ? "removed" : !blame.previous ? "set" : "changed";
    const std::string commit = util::style::paint(util::style::k_yellow, c.short_id, color);
    if (options.format == Format::md) {
      out = fmt::format("- **{}**: {}. {} by {} on {}, commit `{}`: {}\n", diff::markdown_escape(options.blame),
                        diff::markdown_escape(blame.value ? brief(blame.value) : "not in the record now"),
                        what == "set"       ? "Set"
                        : what == "removed" ? "Removed"
                                            : "Changed",
                        diff::markdown_escape(c.author.name), history::format_time(c.author), c.short_id,
                        diff::markdown_escape(c.summary));
    } else {
      out += fmt::format("  {} by {} <{}> on {} in {}: {}\n", what, c.author.name, c.author.email,
                         history::format_time(c.author), commit, c.summary);
      if (blame.previous || !blame.value) {
        out += fmt::format("  before: {}\n", brief(blame.previous));
      }
    }
  } else {
    out += "  no commit in the history changed it (its versions could not all be read)\n";
  }
  write_out(stdout, out);
  return k_exit_ok;
}

int run(const Options& options, const GlobalOptions& global) {
  auto repository = history::Repository::discover(std::filesystem::path(options.file).parent_path().empty()
                                                      ? std::filesystem::path(".")
                                                      : std::filesystem::path(options.file).parent_path());
  if (!repository) {
    throw InputError(repository.error());
  }
  auto path = repository->relative_path(options.file);
  if (!path) {
    throw InputError(path.error());
  }
  history::HistoryOptions history_options;
  if (!options.since.empty()) {
    history_options.since = day_start(options.since);
  }
  if (!options.until.empty()) {
    history_options.until = day_start(options.until) + 86400;  // the whole of that day
  }
  const bool color = options.format == Format::text && use_color(global.color, stdout);
  if (!options.blame.empty()) {
    auto all = history::record_history(*repository, *path);
    if (!all) {
      throw InputError(all.error());
    }
    return run_blame(options, *repository, *path, *all, color);
  }
  auto versions = history::record_history(*repository, *path, history_options);
  if (!versions) {
    throw InputError(versions.error());
  }
  std::vector<Entry> entries;
  for (const history::FileVersion& version : *versions) {
    entries.push_back(entry_for(version));
  }
  switch (options.format) {
    case Format::text:
      write_out(stdout, render_text(entries, color));
      break;
    case Format::md:
      write_out(stdout, render_markdown(entries, *path));
      break;
    case Format::json: {
      const auto head = repository->resolve("HEAD");
      write_out(stdout,
                render_json(entries, *path, history::person_id_of(repository->read_file(*head, *path).value_or(""))));
      break;
    }
  }
  return k_exit_ok;
}

}  // namespace

Command register_log(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("log", "A record's audit trail from git: who changed what, when and why");
  sub->add_option("file", options->file, "The record (a file in a git working tree)")->required();
  add_date_option(*sub, "--since", options->since, "Only commits made on or after this date (YYYY-MM-DD, author date)");
  add_date_option(*sub, "--until", options->until, "Only commits made on or before this date (YYYY-MM-DD, author date)");
  sub->add_option("--blame", options->blame,
                  "Who last changed one value: a path naming list items by id, e.g. outcomes/o-3/status")
      ->option_text("PATH");
  add_format_option(*sub, options->format, {{"text", Format::text}, {"md", Format::md}, {"json", Format::json}},
                    "Output format: text (default), md, json")
      ->option_text("FORMAT");
  sub->footer(
      "Commits newest first, from HEAD; the record is followed across renames by its person id.\n"
      "JSON: {version, file, person, commits: [{commit, author: {name, email}, date, message, path, renamed_from,\n"
      "changes: [{path, kind, old, new, label}]}]}. With --blame: {version, file, path, value, present, previous,\n"
      "change: {commit, author, date, message}}.\n"
      "Exit status: 0, or 2 when the file is not in a git repository's last commit or an option is wrong.");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
