#include "regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <fmt/format.h>
#include <pcre2.h>

#include <algorithm>
#include <array>

#include "wellbeing/util/text.hpp"

namespace wellbeing::schema::detail {

namespace {

// Enough for any sensible pattern on a record field, small enough that a catastrophic one on a long
// value gives up within milliseconds.
constexpr std::uint32_t k_match_limit = 1'000'000;
constexpr std::uint32_t k_depth_limit = 100'000;
constexpr std::size_t k_heap_limit_kib = 64 * 1024;

// ECMA-262 semantics where PCRE2 differs and an option closes the gap: "$" only at the very end, "\u"
// followed by four hex digits, "[]" and "[^]", "." stopping at CR as well as LF. "\d" and "\w" stay ASCII
// as in ECMA-262. "\C" could split a UTF-8 sequence, so it is refused.
constexpr std::uint32_t k_compile_options =
    PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_NEVER_BACKSLASH_C;

struct MatchContextDeleter {
  void operator()(pcre2_match_context* context) const { pcre2_match_context_free(context); }
};

// Shared by every search; PCRE2 only reads it.
const pcre2_match_context* match_context() {
  static const std::unique_ptr<pcre2_match_context, MatchContextDeleter> context = [] {
    std::unique_ptr<pcre2_match_context, MatchContextDeleter> created(pcre2_match_context_create(nullptr));
    pcre2_set_match_limit(created.get(), k_match_limit);
    pcre2_set_depth_limit(created.get(), k_depth_limit);
    pcre2_set_heap_limit(created.get(), k_heap_limit_kib);
    return created;
  }();
  return context.get();
}

std::string error_text(int code) {
  std::array<PCRE2_UCHAR, 256> buffer{};
  const int length = pcre2_get_error_message(code, buffer.data(), buffer.size());
  if (length < 0) {
    return fmt::format("error {}", code);
  }
  return std::string(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(length));
}

struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

// The first construct PCRE2 accepts but ECMA-262 does not have (such as "\\Z" or "(?i)"), or empty.
// Editors run schema patterns as JavaScript regular expressions, so such a pattern would mean one
// thing there and another here.
std::string non_ecma_construct(std::string_view pattern) {
  // Letters that may follow a backslash in ECMA-262; a digit or punctuation may always follow.
  constexpr std::string_view k_escape_letters = "bBcdDfknpPrsStuvwWx";
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[i + 1];
      const bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
      if (letter && k_escape_letters.find(next) == std::string_view::npos) {
        return fmt::format("\\{}", next);
      }
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      // "[]" and "[^]" are complete classes in ECMA-262; step over the "^" so "]" closes them.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') {
        ++i;
      }
    } else if (c == '(' && i + 2 < pattern.size() && pattern[i + 1] == '?') {
      const char kind = pattern[i + 2];
      const bool lookbehind_or_name = kind == '<';
      if (kind != ':' && kind != '=' && kind != '!' && !lookbehind_or_name) {
        return fmt::format("(?{}", kind);
      }
    }
  }
  return {};
}

}  // namespace

struct Regex::Code {
  pcre2_code* code = nullptr;
  ~Code() { pcre2_code_free(code); }
};

util::Expected<Regex, util::Failure> Regex::compile(std::string_view pattern) {
  if (const std::string construct = non_ecma_construct(pattern); !construct.empty()) {
    return util::unexpected(
        fmt::format("`{}` is not part of JavaScript regular expressions, which editors use", construct));
  }
  struct CompileContextDeleter {
    void operator()(pcre2_compile_context* context) const { pcre2_compile_context_free(context); }
  };
  const std::unique_ptr<pcre2_compile_context, CompileContextDeleter> context(pcre2_compile_context_create(nullptr));
  pcre2_set_newline(context.get(), PCRE2_NEWLINE_ANYCRLF);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), k_compile_options,
                                   &error, &offset, context.get());
  if (!code) {
    // PCRE2 counts bytes; people count characters.
    const std::size_t character =
        util::utf8_length(pattern.substr(0, std::min<std::size_t>(offset, pattern.size()))) + 1;
    return util::unexpected(fmt::format("{} at character {}", error_text(error), character));
  }
  auto owned = std::make_shared<Code>();
  owned->code = code;
  return Regex(std::string(pattern), std::move(owned));
}

MatchResult Regex::search(std::string_view text) const {
  // One per thread, kept: PCRE2 keeps the frames a match needs in its match data, so a fresh one would
  // allocate them (20 KiB) again for every string a pattern is tried on.
  thread_local const std::unique_ptr<pcre2_match_data, MatchDataDeleter> data(pcre2_match_data_create(1, nullptr));
  if (!data) {
    return MatchResult::too_complex;
  }
  const int result = pcre2_match(m_code->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, data.get(),
                                 const_cast<pcre2_match_context*>(match_context()));
  if (result >= 0) {
    return MatchResult::match;
  }
  if (result == PCRE2_ERROR_NOMATCH) {
    return MatchResult::no_match;
  }
  // Match, depth or heap limit, or a text that is not UTF-8: the answer is unknown.
  return MatchResult::too_complex;
}

}  // namespace wellbeing::schema::detail
