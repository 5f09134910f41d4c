#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "wellbeing/validation/batch.hpp"

namespace wellbeing::cache {

// Where the results of some files are kept, and what besides each file's path and text they depend on.
struct Scope {
  std::filesystem::path folder;  // empty: these files' results are not kept
  std::string fingerprint;       // the tool, the schema, the folder's settings, the date
};

// The scope of the files that the settings file `settings` governs (nullopt: none): its folder's
// .wellbeing/cache, or, without settings, $XDG_CACHE_HOME/wellbeing (else ~/.cache/wellbeing; neither set:
// not kept). The fingerprint is made of this build of the tool (its version and its executable's size and
// time), the built-in record schema, the settings file's text and `context` (what else the check depends
// on, such as the date it takes as today).
Scope scope_for(const std::optional<std::filesystem::path>& settings, std::string_view context);

// A folder of check results, one small file per file checked (named by a hash of its path, text and scope
// fingerprint, which the entry repeats in full), each written whole by write::write_file, so runs that share
// it never see half an entry. An entry that cannot be read, or is for another key, counts as none and is
// written again. Safe to use from several threads.
class ResultCache final : public validation::Memo {
 public:
  // `scope_of` gives each display path's scope (or nullptr: not kept); it is called from several threads.
  using ScopeOf = std::function<const Scope*(const std::string& path)>;
  explicit ResultCache(ScopeOf scope_of) : m_scope_of(std::move(scope_of)) {}

  std::optional<Diagnostics> find(const std::string& path, std::string_view text) const override;
  void keep(const std::string& path, std::string_view text, const Diagnostics& diagnostics) const override;

  // How many results find() has returned.
  std::size_t hits() const { return m_hits.load(); }

 private:
  ScopeOf m_scope_of;
  mutable std::atomic<std::size_t> m_hits{0};
};

// The text of the .gitignore a new records folder gets, which keeps the cache out of git.
std::string gitignore_text();

}  // namespace wellbeing::cache
