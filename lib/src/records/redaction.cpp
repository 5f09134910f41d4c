#include "wellbeing/records/redaction.hpp"

#include <algorithm>

namespace wellbeing::records {

namespace {

std::optional<std::string> shown_if(bool shown, const std::string& value) {
  return shown || value.empty() ? std::optional<std::string>(value) : std::nullopt;
}

}  // namespace

std::string format_date(const ShownDate& date) {
  const std::string text = util::format_date(date.date);
  return date.month_only ? text.substr(0, 7) : text;
}

Redaction Redaction::keeping(const std::vector<std::string>& keep) {
  const auto kept = [&](std::string_view what) { return std::find(keep.begin(), keep.end(), what) != keep.end(); };
  Redaction redaction;
  redaction.on = true;
  redaction.known_as = kept("known_as");
  redaction.names = kept("names");
  redaction.quotes = kept("quotes");
  redaction.dates = kept("dates");
  redaction.references = kept("references");
  redaction.safeguarding = kept("safeguarding");
  redaction.sharing = kept("sharing");
  return redaction;
}

std::optional<std::string> Redaction::name(const std::string& value) const { return shown_if(shows(names), value); }

std::optional<std::string> Redaction::quote(const std::string& value) const { return shown_if(shows(quotes), value); }

std::optional<std::string> Redaction::reference(const std::string& value) const {
  return shown_if(shows(references), value);
}

std::optional<std::string> Redaction::text(const std::string& value) const { return shown_if(!on, value); }

ShownDate Redaction::date(util::Date date) const {
  if (shows(dates)) {
    return {date, false};
  }
  return {util::Date{date.year(), date.month(), std::chrono::day{1}}, true};
}

std::optional<ShownDate> Redaction::date(const std::optional<util::Date>& date) const {
  return date ? std::optional<ShownDate>(this->date(*date)) : std::nullopt;
}

}  // namespace wellbeing::records
