#include "options.hpp"

#include "wellbeing/summary/options.hpp"

namespace wellbeing::cli {

std::optional<util::Date> parse_date_word(std::string_view text) {
  if (text == "today") {
    return util::today();
  }
  if (text == "yesterday") {
    return util::add_days(util::today(), -1);
  }
  return util::parse_date(text);
}

CLI::Validator date_value() {
  // No description: the option's text already says DATE in the help.
  return CLI::Validator(
      [](std::string& input) -> std::string {
        const auto date = parse_date_word(input);
        if (!date) {
          return fmt::format("'{}' is not a date: write it as YYYY-MM-DD, today or yesterday", input);
        }
        input = util::format_date(*date);
        return {};
      },
      "", "date");
}

CLI::Option* add_date_option(CLI::App& app, const std::string& name, std::string& text,
                             const std::string& description) {
  return app.add_option(name, text, description)->transform(date_value())->option_text("DATE");
}

util::Date date_or(const std::string& text, util::Date fallback) {
  if (text.empty()) {
    return fallback;
  }
  const auto date = util::parse_date(text);
  if (!date) {
    // date_value() rewrote every accepted date as YYYY-MM-DD: anything else is a date option not registered
    // through it.
    throw std::logic_error(fmt::format("the date '{}' was not checked when the options were parsed", text));
  }
  return *date;
}

CLI::Validator area_value() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        auto ids = summary::parse_areas({input});
        if (!ids) {
          return std::move(ids).error().message;
        }
        input = ids->front();
        return {};
      },
      "", "area");
}

CLI::Option* add_color_option(CLI::App& app, ColorChoice& color) {
  const std::map<std::string, ColorChoice> colors{
      {"auto", ColorChoice::automatic}, {"always", ColorChoice::always}, {"never", ColorChoice::never}};
  return app.add_option("--color", color, "Colour: auto (default: only on a terminal, unless NO_COLOR), always, never")
      ->transform(choice(colors))
      ->option_text("WHEN");
}

}  // namespace wellbeing::cli
