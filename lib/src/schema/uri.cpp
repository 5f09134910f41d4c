#include "uri.hpp"

#include <algorithm>
#include <cctype>

namespace wellbeing::schema::detail {

namespace {

bool is_scheme(std::string_view text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text.front()))) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.remove_prefix(3);
    } else if (input.starts_with("./")) {
      input.remove_prefix(2);
    } else if (input.starts_with("/./")) {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      const std::size_t slash = output.rfind('/');
      output.erase(slash == std::string::npos ? 0 : slash);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      const std::size_t next = input.find('/', input.front() == '/' ? 1 : 0);
      const std::string_view segment = input.substr(0, next);
      output += segment;
      input.remove_prefix(segment.size());
    }
  }
  return output;
}

std::string merge_paths(const UriParts& base, std::string_view reference_path) {
  if (base.authority && base.path.empty()) {
    return "/" + std::string(reference_path);
  }
  const std::size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) {
    return std::string(reference_path);
  }
  return base.path.substr(0, slash + 1) + std::string(reference_path);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

UriParts split_uri(std::string_view reference) {
  UriParts parts;
  const std::size_t hash = reference.find('#');
  if (hash != std::string_view::npos) {
    parts.fragment = std::string(reference.substr(hash + 1));
    reference = reference.substr(0, hash);
  }
  const std::size_t question = reference.find('?');
  if (question != std::string_view::npos) {
    parts.query = std::string(reference.substr(question + 1));
    reference = reference.substr(0, question);
  }
  const std::size_t colon = reference.find(':');
  if (colon != std::string_view::npos && reference.substr(0, colon).find('/') == std::string_view::npos &&
      is_scheme(reference.substr(0, colon))) {
    std::string scheme(reference.substr(0, colon));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    parts.scheme = std::move(scheme);
    reference.remove_prefix(colon + 1);
  }
  if (reference.starts_with("//")) {
    reference.remove_prefix(2);
    const std::size_t slash = reference.find('/');
    parts.authority = std::string(reference.substr(0, slash));
    reference = slash == std::string_view::npos ? std::string_view() : reference.substr(slash);
  }
  parts.path = std::string(reference);
  return parts;
}

std::string join_uri(const UriParts& parts) {
  std::string out;
  if (parts.scheme) {
    out += *parts.scheme;
    out += ':';
  }
  if (parts.authority) {
    out += "//";
    out += *parts.authority;
  }
  out += parts.path;
  if (parts.query) {
    out += '?';
    out += *parts.query;
  }
  if (parts.fragment) {
    out += '#';
    out += *parts.fragment;
  }
  return out;
}

std::string resolve_uri(std::string_view base_text, std::string_view reference_text) {
  const UriParts base = split_uri(base_text);
  const UriParts reference = split_uri(reference_text);
  UriParts target;
  if (reference.scheme) {
    target = reference;
    target.path = remove_dot_segments(reference.path);
  } else {
    if (reference.authority) {
      target.authority = reference.authority;
      target.path = remove_dot_segments(reference.path);
      target.query = reference.query;
    } else {
      if (reference.path.empty()) {
        target.path = base.path;
        target.query = reference.query ? reference.query : base.query;
      } else {
        target.path =
            remove_dot_segments(reference.path.front() == '/' ? reference.path : merge_paths(base, reference.path));
        target.query = reference.query;
      }
      target.authority = base.authority;
    }
    target.scheme = base.scheme;
  }
  target.fragment = reference.fragment;
  return join_uri(target);
}

std::string strip_fragment(std::string_view uri) { return std::string(uri.substr(0, uri.find('#'))); }

std::string fragment_of(std::string_view uri) {
  const std::size_t hash = uri.find('#');
  return hash == std::string_view::npos ? std::string() : std::string(uri.substr(hash + 1));
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string file_uri(const std::filesystem::path& path) {
  const std::string text = std::filesystem::absolute(path).lexically_normal().generic_string();
  std::string out = "file://";
  constexpr std::string_view k_hex = "0123456789ABCDEF";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("/-._~!$&'()*+,;=:@").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
  return out;
}

std::optional<std::filesystem::path> file_path(std::string_view uri) {
  const UriParts parts = split_uri(strip_fragment(uri));
  if (!parts.scheme || *parts.scheme != "file" ||
      (parts.authority && !parts.authority->empty() && *parts.authority != "localhost")) {
    return std::nullopt;
  }
  return std::filesystem::path(percent_decode(parts.path));
}

}  // namespace wellbeing::schema::detail
