#include "output.hpp"

#include <cstdlib>

#include <unistd.h>

#include <fmt/format.h>

#include "command.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/style.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::cli {

namespace {

namespace style = util::style;

// The most characters of a source line a diagnostic shows: a window around the column on a longer line.
constexpr std::size_t k_excerpt_width = 160;

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::error:
      return style::k_bold_red;
    case Severity::warning:
      return style::k_bold_yellow;
    case Severity::info:
      return style::k_bold_cyan;
  }
  return style::k_bold_red;
}

}  // namespace

bool env_flag(const char* name) {
  const char* value = std::getenv(name);
  return value && *value && std::string_view(value) != "0";
}

bool use_color(ColorChoice choice, std::FILE* stream) {
  if (choice != ColorChoice::automatic) {
    return choice == ColorChoice::always;
  }
  if (env_set("NO_COLOR")) {
    return false;
  }
  if (env_flag("CLICOLOR_FORCE")) {
    return true;
  }
  const char* term = std::getenv("TERM");
  return isatty(fileno(stream)) && !(term && std::string_view(term) == "dumb");
}

std::string format_diagnostic_text(const Diagnostic& diagnostic, std::string_view source, bool color) {
  auto paint = [color](std::string_view code, std::string_view text) { return style::paint(code, text, color); };
  // The file name, the message and the source line may quote a record's text: escaped, so that it can
  // neither drive the terminal nor forge a line of output.
  std::string where = util::terminal_safe(diagnostic.location.file);
  if (diagnostic.location.line > 0) {
    where += fmt::format(":{}:{}", diagnostic.location.line, diagnostic.location.column);
  }
  std::string out = fmt::format("{}: {}: {} [{}]\n", paint(style::k_bold, where),
                                paint(severity_color(diagnostic.severity), to_string(diagnostic.severity)),
                                util::terminal_safe(diagnostic.message), diagnostic.rule);
  if (diagnostic.location.line == 0 || source.empty()) {
    return out;
  }
  const std::string_view line = util::source_line(source, diagnostic.location.line);
  if (line.empty() && diagnostic.location.column <= 1) {
    return out;
  }
  const util::LineWindow window = util::line_window(line, diagnostic.location.column, k_excerpt_width);
  // "…" marks where the line was cut; the caret line gets one space for it.
  out += fmt::format("  {}{}{}\n  {}", window.cut_before ? "\u2026" : "", util::terminal_safe(window.text),
                     window.cut_after ? "\u2026" : "", window.cut_before ? " " : "");
  // The caret goes under the column's character as shown, escapes included.
  std::size_t at = 0;
  std::uint32_t column = 1;
  for (; at < window.text.size() && column < window.column; ++column) {
    for (++at; at < window.text.size() && (static_cast<unsigned char>(window.text[at]) & 0xC0) == 0x80; ++at) {
    }
  }
  out += std::string(util::utf8_length(util::terminal_safe(window.text.substr(0, at))) + (window.column - column), ' ');
  out += paint(style::k_bold_green, "^");
  out += '\n';
  return out;
}

std::string format_diagnostics_text(const Diagnostics& diagnostics, std::string_view source, bool color) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) {
    out += format_diagnostic_text(diagnostic, source, color);
  }
  return out;
}

void write_out(std::FILE* stream, std::string_view text) {
  // What went to standard output comes first when both streams go to one file or pipe (stderr is unbuffered).
  if (stream == stderr) {
    std::fflush(stdout);
  }
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stream) != text.size()) {
    throw InputError("cannot write the output");
  }
}

}  // namespace wellbeing::cli
