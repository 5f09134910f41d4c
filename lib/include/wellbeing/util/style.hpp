#pragma once

#include <string>
#include <string_view>

// The ANSI codes every coloured output uses (diagnostics, diffs, summaries), and one way to apply them.
// Whether to colour at all is the caller's choice (--color, NO_COLOR, a terminal): lib never decides it.
namespace wellbeing::util::style {

inline constexpr std::string_view k_reset = "\x1b[0m";
inline constexpr std::string_view k_bold = "\x1b[1m";
inline constexpr std::string_view k_red = "\x1b[31m";
inline constexpr std::string_view k_green = "\x1b[32m";
inline constexpr std::string_view k_yellow = "\x1b[33m";
inline constexpr std::string_view k_bold_red = "\x1b[1;31m";
inline constexpr std::string_view k_bold_green = "\x1b[1;32m";
inline constexpr std::string_view k_bold_yellow = "\x1b[1;33m";
inline constexpr std::string_view k_bold_cyan = "\x1b[1;36m";

// `text` between `code` and k_reset when `on` and `code` is not empty; otherwise `text` as it is.
std::string paint(std::string_view code, std::string_view text, bool on);

}  // namespace wellbeing::util::style
