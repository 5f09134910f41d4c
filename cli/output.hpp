#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "wellbeing/diagnostic.hpp"

namespace wellbeing::cli {

enum class ColorChoice { automatic, always, never };

// Whether the environment variable `name` turns something on: set, not empty and not "0"
// (CLICOLOR_FORCE=1, WELLBEING_NO_CACHE=1).
bool env_flag(const char* name);

// Whether to colour what goes to `stream`: --color, then NO_COLOR, then CLICOLOR_FORCE, then whether the
// stream is a terminal whose TERM is not "dumb".
bool use_color(ColorChoice choice, std::FILE* stream);

// Renders diagnostics in compiler form: "path:line:col: severity: message [rule]", then the source line
// and a caret under the column. `sources` maps a path to its text, for the source lines.
std::string format_diagnostic_text(const Diagnostic& diagnostic, std::string_view source, bool color);

// format_diagnostic_text of each of `diagnostics` in turn, every one against the same `source`.
std::string format_diagnostics_text(const Diagnostics& diagnostics, std::string_view source, bool color);

// Writes all of `text` to `stream` (to stderr only after flushing stdout, so the two keep their order in one
// file); throws InputError when the write fails (a closed pipe, a full disk).
void write_out(std::FILE* stream, std::string_view text);

}  // namespace wellbeing::cli
