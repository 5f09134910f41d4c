#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace wellbeing::schema::detail {

// The five parts of a URI reference (RFC 3986, appendix B). Each optional part says whether it was
// present, since "x?" and "x" differ.
struct UriParts {
  std::optional<std::string> scheme;
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;
};

// Splits a URI reference; every string splits (an invalid scheme is taken as part of the path).
UriParts split_uri(std::string_view reference);
std::string join_uri(const UriParts& parts);

// Resolves `reference` against the absolute `base` (RFC 3986 section 5.2), removing dot segments.
std::string resolve_uri(std::string_view base, std::string_view reference);

// The URI without its fragment, and the fragment (without '#', still percent-encoded).
std::string strip_fragment(std::string_view uri);
std::string fragment_of(std::string_view uri);

// Decodes %XX escapes; a malformed escape is kept as written.
std::string percent_decode(std::string_view text);

// "file:///abs/path" for a path (made absolute), and back. file_path returns nullopt for other URIs.
std::string file_uri(const std::filesystem::path& path);
std::optional<std::filesystem::path> file_path(std::string_view uri);

}  // namespace wellbeing::schema::detail
