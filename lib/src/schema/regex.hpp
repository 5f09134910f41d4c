#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "wellbeing/util/expected.hpp"

namespace wellbeing::schema::detail {

// The outcome of one search: the match and backtracking limits turn a pathological pattern into
// `too_complex` instead of a hang.
enum class MatchResult { match, no_match, too_complex };

// An ECMA-262 regular expression (as JSON Schema's "pattern" means it) compiled once with PCRE2 in UTF
// mode. Searching is const and thread-safe: each search uses its own match data.
class Regex {
 public:
  // Compiles `pattern`; fails with PCRE2's message and the character offset of the problem, or when the
  // pattern uses PCRE syntax that ECMA-262 lacks (\Z, (?i)).
  static util::Expected<Regex, util::Failure> compile(std::string_view pattern);

  // Searches anywhere in `text` (JSON Schema patterns are not anchored).
  MatchResult search(std::string_view text) const;

  const std::string& source() const { return m_source; }

 private:
  struct Code;
  Regex(std::string source, std::shared_ptr<const Code> code) : m_source(std::move(source)), m_code(std::move(code)) {}

  std::string m_source;
  std::shared_ptr<const Code> m_code;
};

}  // namespace wellbeing::schema::detail
