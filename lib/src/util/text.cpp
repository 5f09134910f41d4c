#include "wellbeing/util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace wellbeing::util {

namespace {

constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;
constexpr std::uint64_t k_low_bits = 0x0101010101010101ULL;

// The eight bytes at `at`, in any byte order (every use looks at each byte alike).
std::uint64_t word_at(const char* at) {
  std::uint64_t word = 0;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// The high bit of each byte of `word` that equals `byte`, and of no other.
std::uint64_t bytes_equal(std::uint64_t word, unsigned char byte) {
  const std::uint64_t x = word ^ (k_low_bits * byte);
  // (x & 0x7F) + 0x7F sets a byte's high bit unless its low seven bits are 0; x sets it for the rest.
  return ~(((x & ~k_high_bits) + ~k_high_bits) | x) & k_high_bits;
}

}  // namespace

std::size_t find_control(std::string_view text, std::size_t from) {
  auto is_control = [](unsigned char c) { return (c < 0x20 && c != '\n') || c == 0x7F; };
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t word = word_at(text.data() + i);
    // Bytes below 0x20: (x & 0x7F) + 0x60 has its high bit set from 0x20 on, and x has it from 0x80 on.
    const std::uint64_t below_space = ~(((word & ~k_high_bits) + k_low_bits * 0x60) | word) & k_high_bits;
    if (((below_space & ~bytes_equal(word, '\n')) | bytes_equal(word, 0x7F)) != 0) {
      break;  // the byte is in this word: found below, one at a time
    }
  }
  for (; i < text.size(); ++i) {
    if (is_control(static_cast<unsigned char>(text[i]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string_view source_line(std::string_view source, std::uint32_t line) {
  if (line == 0) {
    return {};
  }
  std::size_t start = 0;
  for (std::uint32_t current = 1; current < line; ++current) {
    const std::size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) {
      return {};
    }
    start = newline + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) {
    end = source.size();
  }
  std::string_view text = source.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') {
    text.remove_suffix(1);
  }
  return text;
}

std::size_t utf8_length(std::string_view text) {
  // Every byte but the continuation bytes (10xxxxxx) starts a character. Eight bytes at a time: a byte's
  // high bit, where the bit below it is clear, marks a continuation byte.
  std::size_t continuations = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t word = word_at(text.data() + i);
    // Each marked byte becomes 1; the multiplication sums the eight bytes into the top one.
    continuations += static_cast<std::size_t>((((word & ~(word << 1) & k_high_bits) >> 7) * k_low_bits) >> 56);
  }
  for (; i < text.size(); ++i) {
    continuations += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 ? 1 : 0;
  }
  return text.size() - continuations;
}

bool is_ascii(std::string_view text) {
  std::uint64_t high = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    high |= word_at(text.data() + i);
  }
  for (; i < text.size(); ++i) {
    high |= static_cast<unsigned char>(text[i]);
  }
  return (high & k_high_bits) == 0;
}

namespace {

// The byte offset of character `chars` (0-based) in `text`, or its size when it has fewer characters.
std::size_t utf8_offset(std::string_view text, std::size_t chars) {
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars-- == 0) {
      return i;
    }
  }
  return i;
}

}  // namespace

LineWindow line_window(std::string_view line, std::uint32_t column, std::size_t width) {
  const std::size_t length = utf8_length(line);
  if (length <= width || width == 0) {
    return {line, column, false, false};
  }
  // The column's character a third of the way in: what led to it usually matters more than what follows.
  const std::size_t at = column == 0 ? 0 : column - 1;
  std::size_t first = at > width / 3 ? at - width / 3 : 0;
  first = std::min(first, length - width);
  const std::size_t begin = utf8_offset(line, first);
  const std::size_t end = begin + utf8_offset(line.substr(begin), width);
  return {line.substr(begin, end - begin), static_cast<std::uint32_t>(at - first + 1), first > 0, end < line.size()};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // ASCII, the common case, eight bytes at a time.
    if (i + 8 <= size && (word_at(text.data() + i) & k_high_bits) == 0) {
      i += 8;
      continue;
    }
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t minimum = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1F;
      minimum = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0F;
      minimum = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07;
      minimum = 0x10000;
    } else {
      return i;
    }
    if (i + length > size) {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) {
        return i;
      }
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

std::size_t quoted_scalar_end(std::string_view text, std::size_t start) {
  const char quote = text[start];
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::size_t flow_collection_end(std::string_view text, std::size_t open) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t depth = 0;
  // Whether the next character that is not a space starts a scalar, and whether the last token was a
  // quoted scalar or a closed collection (after which ':' is a value indicator even without a space).
  bool scalar_start = true;
  bool after_json_like = false;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (is_space(c)) {
      continue;
    }
    if (c == '#' && (i == 0 || is_space(text[i - 1]))) {
      const std::size_t newline = text.find('\n', i);
      if (newline == std::string_view::npos) {
        return std::string_view::npos;
      }
      i = newline;
      continue;
    }
    const bool json_like = after_json_like;
    after_json_like = false;
    if (c == '[' || c == '{') {
      ++depth;
      scalar_start = true;
    } else if (c == ']' || c == '}') {
      if (depth == 0) {
        return std::string_view::npos;
      }
      if (--depth == 0) {
        return i + 1;
      }
      scalar_start = false;
      after_json_like = true;
    } else if (c == ',') {
      scalar_start = true;
    } else if ((c == '"' || c == '\'') && scalar_start) {
      const std::size_t end = quoted_scalar_end(text, i);
      if (end == std::string_view::npos) {
        return end;
      }
      i = end - 1;
      scalar_start = false;
      after_json_like = true;
    } else if (c == ':' && (json_like || i + 1 == text.size() || is_space(text[i + 1]) ||
                            std::string_view(",[]{}").find(text[i + 1]) != std::string_view::npos)) {
      scalar_start = true;  // a value follows
    } else if (scalar_start && ((c == '?' && i + 1 < text.size() && is_space(text[i + 1])) || c == '!' || c == '&')) {
      // An explicit key's '?', a tag or an anchor: the scalar, perhaps quoted, comes after it.
      while (i + 1 < text.size() && !is_space(text[i + 1]) &&
             std::string_view(",[]{}").find(text[i + 1]) == std::string_view::npos) {
        ++i;
      }
    } else {
      scalar_start = false;  // inside plain text, where quotes are characters like any other
    }
  }
  return std::string_view::npos;
}

std::string wrap_words(std::string_view text, std::string_view indent, std::string_view first, std::size_t width) {
  std::string out;
  std::string line(first.empty() ? indent : first);
  bool has_words = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    if (has_words && utf8_length(line) + 1 + utf8_length(word) > width) {
      out += line + "\n";
      line = indent;
      has_words = false;
    }
    if (has_words) {
      line += ' ';
    }
    line += word;
    has_words = true;
    start = end + 1;
  }
  if (has_words) {
    out += line + "\n";
  }
  return out;
}

std::string shell_quote(std::string_view text) {
  const bool plain = !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789/._+-=") == std::string_view::npos;
  return plain ? std::string(text) : single_quoted(text);
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace wellbeing::util
