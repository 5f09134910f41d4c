#include "wellbeing/validation/render.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/text.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::validation {

namespace {

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
  nlohmann::ordered_json item;
  item["severity"] = to_string(d.severity);
  item["rule"] = d.rule;
  item["message"] = d.message;
  item["line"] = d.location.line;
  item["column"] = d.location.column;
  item["pointer"] = d.pointer;
  if (!d.keyword.empty()) {
    item["keyword"] = d.keyword;
  }
  return item;
}

// Workflow commands need %, CR and LF escaped everywhere, and : and , in properties too.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// "1 record", "3 records".
std::string counted(std::size_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

}  // namespace

bool fails(const Diagnostics& diagnostics, bool strict) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::error || (strict && d.severity == Severity::warning);
  });
}

namespace {

void tally(Counts& counts, const Diagnostic& d) {
  counts.errors += d.severity == Severity::error;
  counts.warnings += d.severity == Severity::warning;
  counts.infos += d.severity == Severity::info;
}

}  // namespace

void count_file(Counts& counts, const Diagnostics& diagnostics, bool strict) {
  ++counts.files;
  counts.invalid += fails(diagnostics, strict);
  for (const Diagnostic& d : diagnostics) {
    tally(counts, d);
  }
}

void count_problems(Counts& counts, const Diagnostics& problems) {
  for (const Diagnostic& d : problems) {
    tally(counts, d);
  }
}

Counts count(const std::vector<FileResult>& results, const Diagnostics& problems, bool strict) {
  Counts counts;
  for (const auto& result : results) {
    count_file(counts, result.diagnostics, strict);
  }
  count_problems(counts, problems);
  return counts;
}

std::string render_json(const std::vector<FileResult>& results, const Diagnostics& problems,
                        const Counts& counts, bool strict, const Diagnostics& notes) {
  nlohmann::ordered_json root;
  root["version"] = util::k_json_version;
  root["valid"] = counts.invalid == 0 && problems.empty();
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  auto add_file = [&](const std::string& path, const Diagnostics& diagnostics) {
    nlohmann::ordered_json file;
    file["path"] = path;
    file["valid"] = !fails(diagnostics, strict);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Diagnostic& d : diagnostics) {
      list.push_back(diagnostic_json(d));
    }
    file["diagnostics"] = std::move(list);
    files.push_back(std::move(file));
  };
  for (const Diagnostic& problem : problems) {
    add_file(problem.location.file, Diagnostics{problem});
  }
  for (const auto& result : results) {
    add_file(result.path, result.diagnostics);
  }
  root["files"] = std::move(files);
  if (!notes.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Diagnostic& note : notes) {
      nlohmann::ordered_json item;
      item["path"] = note.location.file;
      item.update(diagnostic_json(note));
      list.push_back(std::move(item));
    }
    root["settings"] = std::move(list);
  }
  root["summary"] = {{"files", counts.files + problems.size()},
                     {"invalid", counts.invalid + problems.size()},
                     {"errors", counts.errors},
                     {"warnings", counts.warnings},
                     {"infos", counts.infos}};
  if (counts.cached) {
    root["summary"]["cached"] = *counts.cached;
  }
  return util::json_text(root, 2) + "\n";
}

std::string render_github(const std::vector<FileResult>& results, const Diagnostics& problems) {
  std::string out;
  auto add = [&](const Diagnostic& d) {
    const std::string_view command = d.severity == Severity::error     ? "error"
                                     : d.severity == Severity::warning ? "warning"
                                                                       : "notice";
    out += fmt::format("::{} file={}", command, github_escape(d.location.file, true));
    if (d.location.line > 0) {
      out += fmt::format(",line={},col={}", d.location.line, d.location.column);
    }
    out += fmt::format(",title={}::{}\n", github_escape(d.rule, true), github_escape(d.message, false));
  };
  std::for_each(problems.begin(), problems.end(), add);
  for (const auto& result : results) {
    std::for_each(result.diagnostics.begin(), result.diagnostics.end(), add);
  }
  return out;
}


std::string render_junit(const std::vector<FileResult>& results, const Diagnostics& problems,
                         const Counts& counts, bool strict, const Diagnostics& settings_notes) {
  std::string cases;
  auto add_case = [&](const std::string& path, const Diagnostics& diagnostics) {
    cases += fmt::format("    <testcase classname=\"wellbeing.validate\" name=\"{}\">\n", util::escape_markup(path));
    std::string failures;
    std::string notes;
    for (const Diagnostic& d : diagnostics) {
      const std::string line = fmt::format("{}:{}:{}: {}: {} [{}]", d.location.file, d.location.line, d.location.column,
                                           to_string(d.severity), d.message, d.rule);
      const bool failure = d.severity == Severity::error || (strict && d.severity == Severity::warning);
      (failure ? failures : notes) += line + "\n";
    }
    if (!failures.empty()) {
      cases += fmt::format("      <failure message=\"{}\">{}</failure>\n",
                           util::escape_markup(fmt::format("{} problem(s)", std::count(failures.begin(), failures.end(), '\n'))),
                           util::escape_markup(failures));
    }
    if (!notes.empty()) {
      cases += fmt::format("      <system-out>{}</system-out>\n", util::escape_markup(notes));
    }
    cases += "    </testcase>\n";
  };
  for (const Diagnostic& problem : problems) {
    add_case(problem.location.file, Diagnostics{problem});
  }
  for (const auto& result : results) {
    add_case(result.path, result.diagnostics);
  }
  if (!settings_notes.empty()) {
    std::string lines;
    for (const Diagnostic& d : settings_notes) {
      lines += fmt::format("{}:{}:{}: {}: {} [{}]\n", d.location.file, d.location.line, d.location.column,
                           to_string(d.severity), d.message, d.rule);
    }
    cases += fmt::format("    <system-out>{}</system-out>\n", util::escape_markup(lines));
  }
  const std::size_t tests = results.size() + problems.size();
  const std::size_t failures = counts.invalid + problems.size();
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites tests=\"{0}\" failures=\"{1}\">\n"
      "  <testsuite name=\"wellbeing validate\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n{2}"
      "  </testsuite>\n</testsuites>\n",
      tests, failures, cases);
}

std::string summary_line(const Counts& counts, std::size_t unreadable, bool records, bool strict) {
  if (counts.errors + counts.warnings + counts.infos == 0) {
    return {};
  }
  // Paths that could not be read were not checked: say so apart from the records.
  const std::size_t files = counts.files;
  const std::size_t failing = counts.invalid;
  std::vector<std::string> parts;
  if (files > 0) {
    std::string checked =
        fmt::format("{} checked, ", records ? counted(files, "record", "records") : counted(files, "file", "files"));
    if (failing == 0) {
      checked += files == 1 ? "valid" : "all valid";
    } else if (strict) {
      checked += fmt::format("{} passed and {} failed (with --strict, warnings fail too)", files - failing, failing);
    } else {
      checked += fmt::format("{} valid and {} with errors", files - failing, failing);
    }
    parts.push_back(std::move(checked));
  }
  std::vector<std::string> found;
  if (counts.errors > unreadable) {
    found.push_back(counted(counts.errors - unreadable, "error", "errors") + " to correct");
  }
  if (counts.warnings > 0) {
    found.push_back(counted(counts.warnings, "warning", "warnings") + " to look at");
  }
  if (counts.infos > 0) {
    found.push_back(counted(counts.infos, "note", "notes"));
  }
  if (unreadable > 0) {
    found.push_back(counted(unreadable, "path", "paths") + " that could not be read");
  }
  if (!found.empty()) {
    parts.push_back(fmt::format("{}", fmt::join(found, ", ")));
  }
  return fmt::format("wellbeing: {}\n", fmt::join(parts, "; "));
}

}  // namespace wellbeing::validation
