#include "wellbeing/report/escape.hpp"

#include "wellbeing/util/text.hpp"

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

std::string escape_html(std::string_view text) {
  return util::escape_markup(text);
}

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

std::string linkify_html(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  std::size_t i = 0;
  while (i < escaped.size()) {
    const std::size_t scheme = link_scheme_at(escaped, i);
    if (scheme == 0) {
      out += escaped[i++];
      continue;
    }
    // The URL runs to a space, a quote or an angle bracket (escaped or not).
    std::size_t end = i + scheme;
    while (end < escaped.size()) {
      const char c = escaped[end];
      if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == '"' || c == '\'') {
        break;
      }
      const std::string_view rest = escaped.substr(end);
      if (rest.starts_with("&lt;") || rest.starts_with("&gt;") || rest.starts_with("&quot;") ||
          rest.starts_with("&#39;")) {
        break;
      }
      ++end;
    }
    // A full stop or a closing bracket after a URL usually belongs to the sentence.
    while (end > i + scheme) {
      const char last = escaped[end - 1];
      const std::string_view token = escaped.substr(i, end - i);
      const auto opens = std::count(token.begin(), token.end(), '(');
      const auto closes = std::count(token.begin(), token.end(), ')');
      if (is_trailing_punctuation(last) || (last == ')' && closes > opens)) {
        --end;
      } else {
        break;
      }
    }
    const std::string_view token = escaped.substr(i, end - i);
    std::string url;
    for (std::size_t k = 0; k < token.size(); ++k) {
      if (token.substr(k).starts_with("&amp;")) {
        url += '&';
        k += 4;
      } else {
        url += token[k];
      }
    }
    if (end > i + scheme && is_safe_link(url)) {
      out += fmt::format("<a href=\"{0}\">{0}</a>", token);
      i = end;
    } else {
      out.append(escaped.substr(i, scheme));
      i += scheme;
    }
  }
  return out;
}

std::string linkify_markdown(std::string_view escaped) {
  // Punctuation that escape_markdown escapes but that may stand inside a URL.
  constexpr std::string_view k_url_punctuation = "_&~$@!*#^";
  std::string out;
  out.reserve(escaped.size());
  std::size_t i = 0;
  while (i < escaped.size()) {
    const std::size_t scheme = link_scheme_at(escaped, i);
    if (scheme == 0) {
      out += escaped[i++];
      continue;
    }
    // Each character of the URL as written (unescaped) and how many bytes of `escaped` it took.
    std::vector<std::pair<char, std::size_t>> chars;
    std::size_t end = i;
    while (end < escaped.size()) {
      const char c = escaped[end];
      if (c == ' ' || c == '"' || c == '\'') {
        break;
      }
      if (c == '\\') {
        if (end + 1 < escaped.size() && k_url_punctuation.find(escaped[end + 1]) != std::string_view::npos) {
          chars.emplace_back(escaped[end + 1], 2);
          end += 2;
          continue;
        }
        break;  // \| \< \> \` \[ … end the URL: they would break the autolink or the table
      }
      chars.emplace_back(c, 1);
      ++end;
    }
    while (chars.size() > scheme) {
      const char last = chars.back().first;
      const auto opens = std::count_if(chars.begin(), chars.end(), [](const auto& p) { return p.first == '('; });
      const auto closes = std::count_if(chars.begin(), chars.end(), [](const auto& p) { return p.first == ')'; });
      if (is_trailing_punctuation(last) || (last == ')' && closes > opens)) {
        end -= chars.back().second;
        chars.pop_back();
      } else {
        break;
      }
    }
    std::string url;
    for (const auto& [c, length] : chars) {
      url += c;
    }
    if (chars.size() > scheme && is_safe_link(url)) {
      out += '<';
      out += url;
      out += '>';
      i = end;
    } else {
      out.append(escaped.substr(i, scheme));
      i += scheme;
    }
  }
  return out;
}

}  // namespace wellbeing::report
