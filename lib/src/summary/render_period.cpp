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

// "3 (60%)" for a share of the people measured; the count alone otherwise.
std::string cell(const PeriodFigure& figure) {
  if (figure.of > 0) {
    return fmt::format("{} ({}%)", figure.value, (figure.value * 200 + figure.of) / (2 * figure.of));
  }
  return std::to_string(figure.value);
}

// Every column's figures, and their names (the same in every column, and there when there is none).
struct Grid {
  std::vector<PeriodFigure> names = period_figures(PeriodColumn{});
  std::vector<std::vector<PeriodFigure>> columns;

  explicit Grid(const PeriodSummary& s) {
    for (const PeriodColumn& c : s.columns) {
      columns.push_back(period_figures(c));
    }
  }
};

// A share of the people measured is shown indented under the count it divides.
bool is_share(const PeriodFigure& figure) { return figure.id.ends_with("_better") || figure.id.ends_with("_same") ||
                                                   figure.id.ends_with("_worse"); }

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
  const Grid grid(s);
  for (std::size_t j = 0; j < s.columns.size(); ++j) {
    const PeriodColumn& c = s.columns[j];
    Json figures = Json::object();
    for (const PeriodFigure& f : grid.columns[j]) {
      figures[f.id] = f.value;
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
  const Grid grid(s);
  for (std::size_t i = 0; i < grid.names.size(); ++i) {
    std::vector<Cell> row{{(is_share(grid.names[i]) ? "  " : "") + grid.names[i].words, {}}};
    for (const auto& column : grid.columns) {
      row.push_back({cell(column[i]), {}});
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
  const Grid grid(s);
  for (std::size_t i = 0; i < grid.names.size(); ++i) {
    std::vector<std::string> row{util::escape_markdown((is_share(grid.names[i]) ? "… " : "") + grid.names[i].words)};
    for (const auto& column : grid.columns) {
      row.push_back(util::escape_markdown(cell(column[i])));
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
  const Grid grid(s);
  for (std::size_t i = 0; i < grid.names.size(); ++i) {
    std::vector<std::string> fields{grid.names[i].id, grid.names[i].words};
    for (const auto& column : grid.columns) {
      fields.push_back(std::to_string(column[i].value));
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
