#include "wellbeing/history/render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "wellbeing/diff/canonical.hpp"
#include "wellbeing/diff/render.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/json.hpp"
#include "wellbeing/util/style.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::history {

namespace {

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

nlohmann::ordered_json commit_json(const CommitInfo& commit) {
  nlohmann::ordered_json out;
  out["commit"] = commit.id;
  out["author"] = {{"name", commit.author.name}, {"email", commit.author.email}};
  out["date"] = format_time_iso(commit.author);
  out["message"] = commit.message;
  return out;
}

nlohmann::ordered_json node_json(const std::optional<document::Node>& node) {
  if (!node) {
    return nullptr;
  }
  return document::to_json_value(*node);
}

// A value as the trail shows it, or "(not there)".
std::string brief(const std::optional<document::Node>& node, std::string_view identity_path) {
  return node ? diff::brief_value(*node, diff::schema_at(identity_path)) : std::string("(not there)");
}

}  // namespace

Entry trail_entry(const FileVersion& version) {
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

std::string render_trail_text(const std::vector<Entry>& entries, bool color) {
  std::string out;
  for (const Entry& entry : entries) {
    const FileVersion& v = *entry.version;
    if (!out.empty()) {
      out += '\n';
    }
    out += util::style::paint(util::style::k_yellow, "commit " + v.commit.short_id, color) + "\n";
    out += fmt::format("Author: {} <{}>\nDate:   {}\nFile:   {}\n", v.commit.author.name, v.commit.author.email,
                       format_time(v.commit.author), v.path);
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

std::string render_trail_markdown(const std::vector<Entry>& entries, const std::string& file) {
  std::string out = fmt::format("# Changes to {}\n", util::escape_markdown(file));
  for (const Entry& entry : entries) {
    const FileVersion& v = *entry.version;
    out += fmt::format("\n## {}: {}\n\n", format_time(v.commit.author).substr(0, 10),
                       util::escape_markdown(v.commit.summary));
    out += fmt::format("By {} on {}, commit `{}`", util::escape_markdown(v.commit.author.name),
                       format_time(v.commit.author), v.commit.short_id);
    if (v.old_path && *v.old_path != v.path) {
      out += fmt::format(", renamed from {} to {}", util::escape_markdown(*v.old_path), util::escape_markdown(v.path));
    }
    out += ".\n";
    const std::size_t body = v.commit.message.find_first_not_of("\r\n", v.commit.message.find('\n'));
    if (v.commit.message.find('\n') != std::string::npos && body != std::string::npos) {
      out += "\n" + indent_lines(v.commit.message.substr(body), "> ");
    }
    if (!entry.error.empty()) {
      out += fmt::format("\n{}.\n", util::escape_markdown(entry.error));
    } else if (!entry.changes.empty()) {
      out += "\n" + diff::render_markdown(entry.changes, 3);
    }
  }
  return out;
}

std::string render_trail_json(const std::vector<Entry>& entries, const std::string& file, const std::string& person) {
  nlohmann::ordered_json root;
  root["version"] = util::k_json_version;
  root["file"] = file;
  root["person"] = person;
  nlohmann::ordered_json commits = nlohmann::ordered_json::array();
  for (const Entry& entry : entries) {
    const FileVersion& v = *entry.version;
    nlohmann::ordered_json item = commit_json(v.commit);
    item["path"] = v.path;
    item["renamed_from"] = v.old_path && *v.old_path != v.path ? nlohmann::ordered_json(*v.old_path) : nullptr;
    item["changes"] = diff::changes_json(entry.changes);
    if (!entry.error.empty()) {
      item["error"] = entry.error;
    }
    commits.push_back(std::move(item));
  }
  root["commits"] = std::move(commits);
  return util::json_text(root, 2) + "\n";
}

std::string render_blame_json(const Blame& blame, std::string_view file, std::string_view identity_path) {
  nlohmann::ordered_json root;
  root["version"] = util::k_json_version;
  root["file"] = file;
  root["path"] = identity_path;
  root["value"] = node_json(blame.value);
  root["present"] = blame.value.has_value();
  root["previous"] = node_json(blame.previous);
  root["change"] = blame.version ? commit_json(blame.version->commit) : nlohmann::ordered_json();
  return util::json_text(root, 2) + "\n";
}

std::string render_blame_text(const Blame& blame, std::string_view file, std::string_view identity_path, bool color) {
  const std::string where = fmt::format("{} {}", file, identity_path);
  std::string out = blame.value ? fmt::format("{}: {}\n", where, brief(blame.value, identity_path))
                                : fmt::format("{}: not in the record now\n", where);
  if (!blame.version) {
    return out + "  no commit in the history changed it (its versions could not all be read)\n";
  }
  const CommitInfo& c = blame.version->commit;
  const std::string_view what = !blame.value ? "removed" : !blame.previous ? "set" : "changed";
  out += fmt::format("  {} by {} <{}> on {} in {}: {}\n", what, c.author.name, c.author.email, format_time(c.author),
                     util::style::paint(util::style::k_yellow, c.short_id, color), c.summary);
  if (blame.previous || !blame.value) {
    out += fmt::format("  before: {}\n", brief(blame.previous, identity_path));
  }
  return out;
}

std::string render_blame_markdown(const Blame& blame, std::string_view file, std::string_view identity_path) {
  if (!blame.version) {
    return render_blame_text(blame, file, identity_path, false);
  }
  const CommitInfo& c = blame.version->commit;
  const std::string_view what = !blame.value ? "Removed" : !blame.previous ? "Set" : "Changed";
  return fmt::format("- **{}**: {}. {} by {} on {}, commit `{}`: {}\n", util::escape_markdown(identity_path),
                     util::escape_markdown(blame.value ? brief(blame.value, identity_path) : "not in the record now"),
                     what, util::escape_markdown(c.author.name), format_time(c.author), c.short_id,
                     util::escape_markdown(c.summary));
}

std::string nearest_value_path(const std::string& text, const std::string& wanted) {
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
  return util::closest_match(wanted, paths);
}

}  // namespace wellbeing::history
