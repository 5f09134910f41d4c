// The periods side by side: one row per figure, one column per period, in every format.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "text_table.hpp"
#include "wellbeing/summary/combine.hpp"
#include "wellbeing/summary/period.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::summary {

namespace {

using Json = nlohmann::ordered_json;
using namespace detail;

struct Figure {
  std::string_view id;
  std::string_view words;
  std::size_t PeriodColumn::*value;
};

// The figures, in the order every format shows them.
constexpr Figure k_figures[] = {
    {"people", "People supported", &PeriodColumn::people},
    {"conversations", "Conversations held", &PeriodColumn::conversations},
    {"outcomes_opened", "Outcomes opened", &PeriodColumn::outcomes_opened},
    {"outcomes_met", "Outcomes met", &PeriodColumn::outcomes_met},
    {"outcomes_not_met", "Outcomes not met", &PeriodColumn::outcomes_not_met},
    {"reviews_on_time", "Reviews held on time", &PeriodColumn::reviews_on_time},
    {"reviews_late", "Reviews held late", &PeriodColumn::reviews_late},
    {"review_requests_outstanding", "Review requests outstanding", &PeriodColumn::review_requests_outstanding},
    {"safeguarding_open", "Open safeguarding flags", &PeriodColumn::safeguarding_open},
    {"areas_unexplored", "Areas still unexplored", &PeriodColumn::areas_unexplored},
    {"measured", "People with two ONS4 measures or more", &PeriodColumn::measured},
    {"rose", "  wellbeing rose", &PeriodColumn::rose},
    {"stayed", "  wellbeing stayed the same", &PeriodColumn::stayed},
    {"fell", "  wellbeing fell", &PeriodColumn::fell},
};

bool is_share(std::string_view id) { return id == "rose" || id == "stayed" || id == "fell"; }

// "3 (60%)" for a share of the people measured; the count alone otherwise.
std::string cell(const PeriodColumn& column, const Figure& figure) {
  const std::size_t value = column.*figure.value;
  if (is_share(figure.id) && column.measured > 0) {
    return fmt::format("{} ({}%)", value, (value * 200 + column.measured) / (2 * column.measured));
  }
  return std::to_string(value);
}

std::string heading(const PeriodSummary& s) {
  return fmt::format("{} wellbeing summary of {}, {} to {}", s.interval == Interval::monthly     ? "Monthly"
                                                             : s.interval == Interval::quarterly ? "Quarterly"
                                                                                                 : "Yearly",
                     s.folder, util::format_date(s.span.from), util::format_date(s.span.to));
}

constexpr std::string_view k_note =
    "Each column counts the records as they stood in git at the end of its period (the last commit on or before "
    "its last day); conversations, outcomes opened and met and reviews by the dates in the records, outcomes "
    "not met since the period before.";

std::string render_json(const PeriodSummary& s) {
  Json columns = Json::array();
  for (const PeriodColumn& c : s.columns) {
    Json figures = Json::object();
    for (const Figure& f : k_figures) {
      figures[std::string(f.id)] = c.*f.value;
    }
    columns.push_back({{"label", c.label},
                       {"from", util::format_date(c.period.from)},
                       {"to", util::format_date(c.period.to)},
                       {"commit", c.commit.empty() ? Json(nullptr) : Json(c.commit)},
                       {"left_out", c.left_out},
                       {"figures", std::move(figures)}});
  }
  Json root = {{"version", k_summary_json_version},
               {"kind", "periods"},
               {"folder", s.folder},
               {"interval", to_string(s.interval)},
               {"from", util::format_date(s.span.from)},
               {"to", util::format_date(s.span.to)},
               {"columns", std::move(columns)}};
  return util::json_text(root, 2) + "\n";
}

std::string render_table(const PeriodSummary& s) {
  std::vector<std::string> header{"Figure"};
  for (const PeriodColumn& c : s.columns) {
    header.push_back(c.label);
  }
  TextTable table(header);
  for (const Figure& f : k_figures) {
    std::vector<Cell> row{{std::string(f.words), {}}};
    for (const PeriodColumn& c : s.columns) {
      row.push_back({cell(c, f), {}});
    }
    table.add(std::move(row));
  }
  return util::terminal_safe(heading(s)) + "\n\n" + table.render(Paint{false}) + "\n" + std::string(k_note) + "\n";
}

std::string render_markdown(const PeriodSummary& s) {
  std::vector<std::string> header{"Figure"};
  for (const PeriodColumn& c : s.columns) {
    header.push_back(util::escape_markdown(c.label));
  }
  MdTable table(header);
  for (const Figure& f : k_figures) {
    std::string words(f.words);
    if (words.starts_with("  ")) {
      words = "… " + words.substr(2);  // a share of the people measured
    }
    std::vector<std::string> row{util::escape_markdown(words)};
    for (const PeriodColumn& c : s.columns) {
      row.push_back(util::escape_markdown(cell(c, f)));
    }
    table.add(std::move(row));
  }
  return "# " + util::escape_markdown(heading(s)) + "\n\n" + table.render() + "\n" +
         util::escape_markdown(k_note) + "\n";
}

std::string render_csv(const PeriodSummary& s) {
  std::vector<std::string> header{"figure", "words"};
  for (const PeriodColumn& c : s.columns) {
    header.push_back(c.label);
  }
  std::string out = csv_record(header);
  for (const Figure& f : k_figures) {
    std::string words(f.words);
    std::vector<std::string> fields{std::string(f.id), words.substr(words.find_first_not_of(' '))};
    for (const PeriodColumn& c : s.columns) {
      fields.push_back(std::to_string(c.*f.value));
    }
    out += csv_record(fields);
  }
  return out;
}

}  // namespace

std::string render_periods(const PeriodSummary& summary, Format format) {
  switch (format) {
    case Format::json:
      return render_json(summary);
    case Format::markdown:
      return render_markdown(summary);
    case Format::csv:
      return render_csv(summary);
    case Format::table:
      break;
  }
  return render_table(summary);
}

}  // namespace wellbeing::summary
