#include "command.hpp"

#include <fmt/format.h>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/validation/settings.hpp"

namespace wellbeing::cli {

namespace fs = std::filesystem;

void refuse_settings(const Diagnostics& problems, ColorChoice color) {
  const std::string& file = problems.front().location.file;
  const auto text = util::read_bounded(file, document::ParseOptions{}.max_bytes);
  write_out(stderr, format_diagnostics_text(problems, text ? std::string_view(*text) : std::string_view(),
                                            use_color(color, stderr)));
  throw InputError(fmt::format("the folder settings in {} are not valid: correct them first", file));
}

records::Config settings_for(const fs::path& path, ColorChoice color) {
  auto settings = validation::load_settings_for(path);
  if (!settings) {
    refuse_settings(settings.error(), color);
  }
  return std::move(settings).value();
}

records::CheckOptions check_options_for(const fs::path& path, util::Date as_of, ColorChoice color) {
  return records::CheckOptions{settings_for(path, color), as_of};
}

std::string read_input(const std::string& file) {
  auto text = util::read_bounded(file, document::ParseOptions{}.max_bytes);
  if (!text) {
    throw InputError(fmt::format("{}: {}", file == "-" ? "<stdin>" : file, text.error().message));
  }
  return std::move(text).value();
}

int report_failure(const util::Failure& failure) {
  write_out(stderr, fmt::format("wellbeing: error: {}\n", util::terminal_safe(failure.message)));
  switch (failure.kind) {
    case util::FailureKind::changed:
      return k_exit_changed;
    case util::FailureKind::locked:
      return k_exit_locked;
    case util::FailureKind::exists:
    case util::FailureKind::io:
      break;
  }
  return k_exit_usage;
}

}  // namespace wellbeing::cli
