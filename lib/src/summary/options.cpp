#include "wellbeing/summary/options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "wellbeing/records/record.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::summary {

namespace {

template <std::size_t N>
std::optional<std::size_t> index_of(const std::array<std::string_view, N>& values, std::string_view value) {
  const auto it = std::find(values.begin(), values.end(), value);
  return it == values.end() ? std::nullopt : std::optional<std::size_t>(static_cast<std::size_t>(it - values.begin()));
}

bool chosen(const std::vector<std::string>& choices, std::string_view value) {
  return choices.empty() || std::find(choices.begin(), choices.end(), value) != choices.end();
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

template <typename Range>
std::string comma_list(const Range& values) {
  std::string out;
  for (std::string_view value : values) {
    out += out.empty() ? "" : ", ";
    out += value;
  }
  return out;
}

std::string did_you_mean(const std::string& best) {
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

}  // namespace

std::optional<std::size_t> status_index(std::string_view status) { return index_of(k_outcome_statuses, status); }

std::optional<std::size_t> actor_index(std::string_view actor) { return index_of(k_actors, actor); }

util::Expected<std::vector<std::string>, util::Failure> parse_areas(const std::vector<std::string>& given) {
  std::vector<std::string> ids;
  for (const std::string& text : given) {
    const records::AreaInfo* area = records::find_area(text);
    if (!area) {
      std::vector<std::string_view> names;
      for (const records::AreaInfo& info : records::k_areas) {
        names.push_back(info.id);
      }
      return util::unexpected(fmt::format("unknown area '{}'{}; the areas are {} (or the letters a to i)", text,
                                          did_you_mean(util::closest_match(text, names)), comma_list(names)));
    }
    if (std::find(ids.begin(), ids.end(), area->id) == ids.end()) {
      ids.emplace_back(area->id);
    }
  }
  return ids;
}

util::Expected<std::vector<std::string>, util::Failure> parse_statuses(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const std::string& text : given) {
    if (!status_index(text)) {
      return util::unexpected(fmt::format("unknown outcome status '{}'{}; the statuses are {}", text,
                                          did_you_mean(util::closest_match(text, k_outcome_statuses)),
                                          comma_list(k_outcome_statuses)));
    }
    if (std::find(out.begin(), out.end(), text) == out.end()) {
      out.push_back(text);
    }
  }
  return out;
}

bool Filter::wants_area(std::string_view area) const { return chosen(areas, area); }

bool Filter::wants_status(std::string_view status) const { return chosen(statuses, status); }

bool Filter::wants_person(std::string_view person) const { return chosen(people, person); }

bool Filter::wants_outcome(std::string_view status, const std::vector<std::string_view>& outcome_areas) const {
  if (!wants_status(status)) {
    return false;
  }
  return areas.empty() || std::any_of(outcome_areas.begin(), outcome_areas.end(),
                                      [&](std::string_view area) { return wants_area(area); });
}

Options default_options(const records::Config& config, util::Date as_of) {
  Options options;
  options.config = config;
  options.as_of = as_of;
  options.within_days = config.due_soon_days;
  options.period = Period{util::add_days(util::add_months(as_of, -12), 1), as_of};
  return options;
}

std::string show_date(const std::optional<util::Date>& date, const Redaction& redaction) {
  return date ? records::format_date(redaction.date(*date)) : std::string();
}

std::string shorten(std::string_view text, std::size_t width) {
  // One line, single spaces: a summary cell must not break a table or a terminal line.
  std::string flat;
  flat.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !flat.empty();
      continue;
    }
    if (space) {
      flat += ' ';
      space = false;
    }
    flat += c;
  }
  if (width == 0 || util::utf8_length(flat) <= width) {
    return flat;
  }
  // Keep width - 1 characters, leaving room for the ellipsis.
  std::size_t keep_bytes = 0;
  std::size_t characters = 0;
  while (keep_bytes < flat.size()) {
    std::size_t next = keep_bytes + 1;
    while (next < flat.size() && is_continuation(static_cast<unsigned char>(flat[next]))) {
      ++next;
    }
    if (characters + 1 > width - 1) {
      break;
    }
    keep_bytes = next;
    ++characters;
  }
  std::string_view kept(flat.data(), keep_bytes);
  // Prefer to cut between words (unless that would throw away most of the text); the cut may already be one.
  const bool at_boundary = flat[keep_bytes] == ' ';
  if (const std::size_t space_at = kept.rfind(' ');
      !at_boundary && space_at != std::string_view::npos && space_at >= kept.size() / 2) {
    kept = kept.substr(0, space_at);
  }
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',' || kept.back() == ';' || kept.back() == ':')) {
    kept.remove_suffix(1);
  }
  return std::string(kept) + "…";
}

}  // namespace wellbeing::summary
