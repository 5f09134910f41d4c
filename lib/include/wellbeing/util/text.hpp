#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wellbeing::util {

// The text of 1-based line `line` of `source`, without its line ending; empty when out of range.
std::string_view source_line(std::string_view source, std::uint32_t line);

// The UTF-8 byte order mark, and `text` without it when it starts with one. The parser reads past it; every
// command that writes a file keeps it where it was.
inline constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
inline std::string_view without_bom(std::string_view text) {
  return text.starts_with(k_utf8_bom) ? text.substr(k_utf8_bom.size()) : text;
}

// Number of characters (UTF-8 code points) in `text`.
std::size_t utf8_length(std::string_view text);

// Whether every byte of `text` is below 0x80, so that bytes and characters are the same. Eight bytes at a time.
bool is_ascii(std::string_view text);

// At most `width` characters of a source line around 1-based character `column`, cut at character
// boundaries, so that a diagnostic on a very long line shows only what is near its column. `column` in
// the result is that character's place in `text`; cut_before and cut_after say whether the line goes on.
struct LineWindow {
  std::string_view text;
  std::uint32_t column = 1;
  bool cut_before = false;
  bool cut_after = false;
};
LineWindow line_window(std::string_view line, std::uint32_t column, std::size_t width);

// The byte offset of the first invalid UTF-8 sequence in `text`, or nullopt when it is all valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// The offset of the first byte at or after `from` that is a C0 control character other than a line feed
// (tab and carriage return included), or DEL; npos when there is none. Eight bytes at a time.
std::size_t find_control(std::string_view text, std::size_t from = 0);

// The end (just past the closing quote) of the YAML quoted scalar whose opening quote is at `start`, or
// npos when it is never closed. Handles backslash escapes in double quotes and '' in single quotes.
std::size_t quoted_scalar_end(std::string_view text, std::size_t start);

// The end (just past the closing bracket) of the YAML flow collection ('[' or '{') at `open`, nested
// collections included, or npos when it is never closed. A quote starts a quoted scalar only where a
// scalar starts (after [ { , or a ': ', spaces between); inside plain text (won't) it is a character.
// Comments (a '#' after a space or at a line's start) are skipped.
std::size_t flow_collection_end(std::string_view text, std::size_t open);


// `text` as one word for a POSIX shell: as it is when it holds only characters no shell treats specially,
// otherwise in single quotes (a ' inside written '\'').
std::string shell_quote(std::string_view text);

// `text` always in single quotes (a ' inside written '\''), as bash, zsh and fish all read it.
std::string single_quoted(std::string_view text);

// `text` broken between words into lines of at most `width` characters (UTF-8 code points), each ending
// with a newline: the first line starts with `first` (default: `indent`), the others with `indent`.
std::string wrap_words(std::string_view text, std::string_view indent, std::string_view first = {},
                       std::size_t width = 100);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest of `candidates` to `word` if it is close enough to be a likely typo, else empty.
template <typename Range>
std::string closest_match(std::string_view word, const Range& candidates) {
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (best.empty() || distance < best_distance) {
      best = std::string(candidate);
      best_distance = distance;
    }
  }
  // Allow roughly one edit in three characters, and at least one.
  const std::size_t allowed = std::max<std::size_t>(1, (word.size() + 2) / 3);
  return !best.empty() && best_distance <= allowed ? best : std::string();
}

}  // namespace wellbeing::util
