#pragma once

#include <string>
#include <string_view>

namespace wellbeing::report {

// Escapes text for HTML element content and for quoted attribute values: & < > " ' become character
// references. Nothing else changes (line breaks are kept; the stylesheet shows them).
std::string escape_html(std::string_view text);

// Escapes text so that it is plain text anywhere in a GitHub-flavoured or pandoc Markdown document: a
// paragraph, a list item, a heading or a pipe-table cell. Line breaks and tabs become spaces (a table row
// cannot hold a line break), leading and trailing spaces are dropped (they could start a code block), every
// ASCII character that can start markup is backslash-escaped (\ ` * _ [ ] < > | # ~ $ @ & ^ { } and !), and
// a leading - + = : or "1." cannot start a list, heading or definition.
std::string escape_markdown(std::string_view text);

// Whether `url` may be a live link: http:// or https:// with a host, or mailto: with an address; no spaces,
// control characters, quotes or angle brackets. Schemes are matched without regard to case.
bool is_safe_link(std::string_view url);

// Turns every http, https and mailto URL in text that escape_html already escaped into a link
// (<a href="…">…</a>). Anything else, javascript: included, stays text.
std::string linkify_html(std::string_view escaped);

// Turns every http, https and mailto URL in text that escape_markdown already escaped into an autolink
// (<…>). Anything else stays text.
std::string linkify_markdown(std::string_view escaped);

// `text` as a YAML double-quoted scalar ("…", with \" \\ and control characters escaped), for front matter.
std::string yaml_quote(std::string_view text);

}  // namespace wellbeing::report
