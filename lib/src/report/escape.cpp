#include "wellbeing/report/escape.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace wellbeing::report {

namespace {

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

// The length of the scheme prefix of a link that may start at `at` ("https://" → 8), or 0.
std::size_t link_scheme_at(std::string_view text, std::size_t at) {
  // A link starts a word: "xhttp://" is not one.
  if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) {
    return 0;
  }
  for (std::string_view scheme : {"http://", "https://", "mailto:"}) {
    if (starts_with_nocase(text, at, scheme)) {
      return scheme.size();
    }
  }
  return 0;
}

bool is_trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

}  // namespace

bool is_safe_link(std::string_view url) {
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return false;
    }
  }
  if (starts_with_nocase(url, 0, "http://") || starts_with_nocase(url, 0, "https://")) {
    const std::string_view rest = url.substr(url.find("//") + 2);
    const std::size_t host_end = rest.find_first_of("/?#");
    const std::string_view host = rest.substr(0, host_end);
    return !host.empty() && host.find('@') == std::string_view::npos;
  }
  if (starts_with_nocase(url, 0, "mailto:")) {
    const std::string_view address = url.substr(7);
    const std::size_t at = address.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size();
  }
  return false;
}

namespace {

// A URL as it stands in escaped text: each character unescaped, with how many bytes of the text it took.
using UrlChars = std::vector<std::pair<char, std::size_t>>;

// Turns each safe http(s) or mailto URL in `escaped` into a link. `read(escaped, at)` reads the URL that
// starts at `at` (scheme included) up to where the format says it ends; `link(url, written)` makes the link
// from the URL and its escaped form. A full stop or a closing bracket after a URL usually belongs to the
// sentence, so it is left out; a URL that is not safe (or is a bare scheme) stays text.
template <typename Read, typename Link>
std::string linkify(std::string_view escaped, Read read, Link link) {
  std::string out;
  out.reserve(escaped.size());
  std::size_t i = 0;
  while (i < escaped.size()) {
    const std::size_t scheme = link_scheme_at(escaped, i);
    if (scheme == 0) {
      out += escaped[i++];
      continue;
    }
    UrlChars chars = read(escaped, i);
    std::size_t end = i;
    for (const auto& [c, length] : chars) {
      end += length;
    }
    while (chars.size() > scheme) {
      const char last = chars.back().first;
      const auto opens = std::count_if(chars.begin(), chars.end(), [](const auto& p) { return p.first == '('; });
      const auto closes = std::count_if(chars.begin(), chars.end(), [](const auto& p) { return p.first == ')'; });
      if (!is_trailing_punctuation(last) && !(last == ')' && closes > opens)) {
        break;
      }
      end -= chars.back().second;
      chars.pop_back();
    }
    std::string url;
    for (const auto& [c, length] : chars) {
      url += c;
    }
    if (chars.size() > scheme && is_safe_link(url)) {
      out += link(url, escaped.substr(i, end - i));
      i = end;
    } else {
      out.append(escaped.substr(i, scheme));
      i += scheme;
    }
  }
  return out;
}

}  // namespace

std::string linkify_html(std::string_view escaped) {
  // The URL runs to a space, a quote or an angle bracket (escaped or not); &amp; stands for &.
  const auto read = [](std::string_view text, std::size_t at) {
    UrlChars chars;
    while (at < text.size()) {
      const char c = text[at];
      const std::string_view rest = text.substr(at);
      if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == '"' || c == '\'' ||
          rest.starts_with("&lt;") || rest.starts_with("&gt;") || rest.starts_with("&quot;") ||
          rest.starts_with("&#39;")) {
        break;
      }
      const std::size_t length = rest.starts_with("&amp;") ? 5 : 1;
      chars.emplace_back(c, length);
      at += length;
    }
    return chars;
  };
  return linkify(escaped, read, [](const std::string&, std::string_view written) {
    return fmt::format("<a href=\"{0}\">{0}</a>", written);
  });
}

std::string linkify_markdown(std::string_view escaped) {
  // The URL runs to a space or a quote. Punctuation that escape_markdown escapes but that may stand inside a
  // URL is read unescaped; any other escape (\| \< \> \` \[ …) ends it, as it would break the autolink or
  // the table.
  constexpr std::string_view k_url_punctuation = "_&~$@!*#^";
  const auto read = [&](std::string_view text, std::size_t at) {
    UrlChars chars;
    while (at < text.size()) {
      const char c = text[at];
      if (c == ' ' || c == '"' || c == '\'') {
        break;
      }
      if (c == '\\') {
        if (at + 1 < text.size() && k_url_punctuation.find(text[at + 1]) != std::string_view::npos) {
          chars.emplace_back(text[at + 1], 2);
          at += 2;
          continue;
        }
        break;
      }
      chars.emplace_back(c, 1);
      ++at;
    }
    return chars;
  };
  return linkify(escaped, read, [](const std::string& url, std::string_view) { return "<" + url + ">"; });
}

}  // namespace wellbeing::report
