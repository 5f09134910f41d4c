#include "wellbeing/cache/results.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "wellbeing/history/blob_id.hpp"
#include "wellbeing/schema/embedded.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/util/json.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::cache {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_entry_limit = 16 * 1024 * 1024;
constexpr int k_format = 2;  // 2: keyed by git blob ids

// This build: a rebuilt binary of the same version may check differently, so its size and time count too.
std::string tool_identity() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::string identity = WELLBEING_VERSION;
  if (!ec) {
    const auto size = fs::file_size(exe, ec);
    const auto time = fs::last_write_time(exe, ec);
    if (!ec) {
      identity += fmt::format(" {} {}", size, time.time_since_epoch().count());
    }
  }
  return identity;
}

// The whole key of a file's results: the entry repeats it, so two keys with one file name never mix. Content
// is named by its git blob id, a digest no one can make two records share by accident or by design.
std::string key_of(const Scope& scope, const std::string& path, std::string_view text) {
  return fmt::format("{}\n{}\n{} {}", scope.fingerprint, path, text.size(), history::blob_id(text));
}

fs::path entry_file(const Scope& scope, const std::string& key) {
  const std::string name = history::blob_id(key);
  return scope.folder / name.substr(0, 2) / name.substr(2);
}

std::optional<Severity> severity_of(std::string_view word) {
  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    if (to_string(severity) == word) {
      return severity;
    }
  }
  return std::nullopt;
}

// The diagnostics of an entry, or nullopt when it is damaged or for another key.
std::optional<Diagnostics> read_entry(const std::string& text, const std::string& key, const std::string& path) {
  const nlohmann::json entry = nlohmann::json::parse(text, nullptr, false);
  if (entry.is_discarded() || !entry.is_object() || entry.value("format", 0) != k_format ||
      entry.value("key", std::string()) != key || !entry.contains("diagnostics") || !entry["diagnostics"].is_array()) {
    return std::nullopt;
  }
  Diagnostics out;
  for (const nlohmann::json& item : entry["diagnostics"]) {
    if (!item.is_array() || item.size() != 7 || !item[0].is_string() || !item[1].is_string() ||
        !item[2].is_string() || !item[3].is_number_unsigned() || !item[4].is_number_unsigned() ||
        !item[5].is_string() || !item[6].is_string()) {
      return std::nullopt;
    }
    const auto severity = severity_of(item[0].get<std::string>());
    if (!severity) {
      return std::nullopt;
    }
    out.push_back(Diagnostic{*severity, item[1].get<std::string>(), item[2].get<std::string>(),
                             Location{path, item[3].get<std::uint32_t>(), item[4].get<std::uint32_t>()},
                             item[5].get<std::string>(), item[6].get<std::string>()});
  }
  return out;
}

}  // namespace

Scope scope_for(const std::optional<fs::path>& settings, std::string_view context) {
  Scope scope;
  std::string settings_text;
  if (settings) {
    auto text = util::read_bounded(*settings, k_entry_limit);
    if (!text) {
      return scope;  // unreadable settings: nothing kept
    }
    settings_text = std::move(text).value();
    scope.folder = settings->parent_path() / ".wellbeing" / "cache";
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') {
    scope.folder = fs::path(xdg) / "wellbeing";
  } else if (const char* home = std::getenv("HOME"); home && *home == '/') {
    scope.folder = fs::path(home) / ".cache" / "wellbeing";
  }
  static const std::string tool = tool_identity();
  static const std::string schema = history::blob_id(schema::embedded_schema(schema::k_record_schema));
  scope.fingerprint = fmt::format("wellbeing-cache {} | {} | schema {} | settings {} {} | {}", k_format, tool, schema,
                                  settings_text.size(), history::blob_id(settings_text), context);
  return scope;
}

std::optional<Diagnostics> ResultCache::find(const std::string& path, std::string_view text) const {
  const Scope* scope = m_scope_of(path);
  if (!scope || scope->folder.empty()) {
    return std::nullopt;
  }
  const std::string key = key_of(*scope, path, text);
  auto entry = util::read_bounded(entry_file(*scope, key), k_entry_limit);
  if (!entry) {
    return std::nullopt;
  }
  auto diagnostics = read_entry(*entry, key, path);
  if (diagnostics) {
    ++m_hits;
  }
  return diagnostics;
}

void ResultCache::keep(const std::string& path, std::string_view text, const Diagnostics& diagnostics) const {
  const Scope* scope = m_scope_of(path);
  if (!scope || scope->folder.empty()) {
    return;
  }
  const std::string key = key_of(*scope, path, text);
  nlohmann::json list = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) {
    if (d.location.file != path) {
      return;  // a finding about another file (none today) would not come back right
    }
    list.push_back({std::string(to_string(d.severity)), d.rule, d.message, d.location.line, d.location.column,
                    d.pointer, d.keyword});
  }
  const nlohmann::json entry = {{"format", k_format}, {"key", key}, {"diagnostics", std::move(list)}};
  const fs::path file = entry_file(*scope, key);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  // The entries quote what records say, so a folder's cache keeps itself out of git whatever the folder's
  // own .gitignore says (one written before `init` wrote `.wellbeing/` into it, or none at all).
  if (const fs::path top = scope->folder.parent_path(); !ec && top.filename() == ".wellbeing" &&
                                                         !fs::exists(top / ".gitignore", ec)) {
    (void)write::create_file(top / ".gitignore", "# wellbeing's cache of check results: never committed.\n*\n");
  }
  if (!ec) {
    (void)write::write_file(file, util::json_text(entry) + "\n");
  }
}

std::string gitignore_text() {
  return "# wellbeing's cache of check results (validate): safe to delete, never committed.\n"
         ".wellbeing/\n";
}

}  // namespace wellbeing::cache
