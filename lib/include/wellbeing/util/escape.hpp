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

// `text` as a YAML double-quoted scalar: "…" with \" \\ \n \t \r, and \xHH for other control characters.
std::string yaml_double_quoted(std::string_view text);

}  // namespace wellbeing::util
