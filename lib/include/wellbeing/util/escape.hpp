#pragma once

#include <string>
#include <string_view>

namespace wellbeing::util {

// Escapes text so that it is plain text anywhere in a GitHub-flavoured or pandoc Markdown document: a
// paragraph, a list item, a heading or a pipe-table cell. Line breaks, tabs and other control characters
// become spaces (a table row cannot hold a line break), leading and trailing spaces are dropped (they could
// start a code block), every ASCII character that can start markup is backslash-escaped (\ ` * _ [ ] < > |
// # ~ $ @ & ^ { } and !), and a leading - + = : or "1." cannot start a list, heading or definition. The one
// Markdown escaper: reports, summaries, diffs and logs all use it.
std::string escape_markdown(std::string_view text);

// Escapes text for HTML and XML element content and quoted attribute values: & < > " ' become character
// references. Nothing else changes (line breaks are kept; the report's stylesheet shows them). The one
// HTML and XML escaper: reports and JUnit output use it.
std::string escape_markup(std::string_view text);

// `text` as a YAML double-quoted scalar: "…" with \" \\ \n \t \r, and \xHH for other control characters.
std::string yaml_double_quoted(std::string_view text);

// Text a terminal shows as it is, on one line, so that quoted text cannot forge output: a line break becomes
// \n (a carriage return \r, a tab \t), other control characters (C0, DEL) \xHH, and the C1 controls, the line
// and paragraph separators and the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069), which could move the cursor or make text read in another order, \uXXXX. The rest is kept.
std::string terminal_safe(std::string_view text);

}  // namespace wellbeing::util
