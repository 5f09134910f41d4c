// The combined summary of several providers, in each format: a row per figure, a column per provider.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render_words.hpp"
#include "text_table.hpp"
#include "wellbeing/summary/combine.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::summary {

using namespace detail;

namespace {

using Json = nlohmann::ordered_json;

std::string period_words(const SharedSummary& s) {
  return fmt::format("as of {}, period {} to {}", dash(s.as_of), dash(s.from), dash(s.to));
}

// One row of words per figure, then the ONS4 rows: the figure's words, then each column's value.
std::vector<std::vector<std::string>> rows(const CombinedSummary& c) {
  std::vector<const SharedSummary*> columns;
  for (const SharedSummary& p : c.providers) {
    columns.push_back(&p);
  }
  columns.push_back(&c.total);
  std::vector<std::vector<std::string>> out;
  const std::vector<Figure>& figures = combined_figures();
  for (std::size_t i = 0; i < figures.size(); ++i) {
    std::vector<std::string> row{figures[i].label};
    for (const SharedSummary* column : columns) {
      row.push_back(std::to_string(column->figures.at(i)));
    }
    out.push_back(std::move(row));
  }
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    std::vector<std::string> people{fmt::format("ONS4 {}: people with two measures", question_words(q))};
    std::vector<std::string> average{fmt::format("ONS4 {}: average change", question_words(q))};
    for (const SharedSummary* column : columns) {
      people.push_back(std::to_string(column->ons4[q].people));
      average.push_back(column->ons4[q].people > 0 ? average_words(column->ons4[q].average) : std::string("-"));
    }
    out.push_back(std::move(people));
    out.push_back(std::move(average));
  }
  return out;
}

std::vector<std::string> ids() {
  std::vector<std::string> out;
  for (const Figure& figure : combined_figures()) {
    out.push_back(figure.id);
  }
  for (std::string_view question : k_ons4_questions) {
    out.push_back(fmt::format("ons4.{}.people", question));
    out.push_back(fmt::format("ons4.{}.average_change", question));
  }
  return out;
}

Json column_json(const SharedSummary& s) {
  Json figures = Json::object();
  const std::vector<Figure>& all = combined_figures();
  for (std::size_t i = 0; i < all.size(); ++i) {
    figures[all[i].id] = s.figures.at(i);
  }
  Json ons4 = Json::object();
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    const Ons4Change& change = s.ons4[q];
    ons4[std::string(k_ons4_questions[q])] = {
        {"people", change.people},
        {"average_change", change.people > 0 ? Json(std::round(change.average * 100.0) / 100.0) : Json(nullptr)}};
  }
  auto text_or_null = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); };
  return {{"provider", s.provider}, {"file", text_or_null(s.file)}, {"as_of", text_or_null(s.as_of)},
          {"period", {{"from", text_or_null(s.from)}, {"to", text_or_null(s.to)}}}, {"figures", std::move(figures)},
          {"ons4", std::move(ons4)}};
}

std::string render_json(const CombinedSummary& c) {
  Json providers = Json::array();
  for (const SharedSummary& p : c.providers) {
    providers.push_back(column_json(p));
  }
  Json root = {{"version", k_summary_json_version}, {"kind", "combined"}, {"redacted", true},
               {"same_period", c.same_period}, {"providers", std::move(providers)}, {"total", column_json(c.total)}};
  return util::json_text(root, 2) + "\n";
}

std::string render_table(const CombinedSummary& c) {
  std::string out = fmt::format("Combined wellbeing summary: {} providers\n",
                                c.providers.size());
  for (const SharedSummary& p : c.providers) {
    out += fmt::format("  {}: {} ({})\n", util::terminal_safe(p.provider), util::terminal_safe(p.file),
                       util::terminal_safe(period_words(p)));
  }
  out += "\n";
  std::vector<std::string> header{"Figure"};
  for (const SharedSummary& p : c.providers) {
    header.push_back(p.provider);
  }
  header.push_back("Total");
  TextTable table(header);
  for (const auto& row : rows(c)) {
    std::vector<Cell> cells;
    for (const std::string& text : row) {
      cells.push_back({text, {}});
    }
    table.add(std::move(cells));
  }
  return out + table.render(Paint{false});
}

std::string render_markdown(const CombinedSummary& c) {
  std::string out = fmt::format("# Combined wellbeing summary: {} providers\n\n", c.providers.size());
  for (const SharedSummary& p : c.providers) {
    out += fmt::format("- **{}**: {} ({})\n", util::escape_markdown(p.provider), util::escape_markdown(p.file),
                       util::escape_markdown(period_words(p)));
  }
  out += "\n";
  std::vector<std::string> header{"Figure"};
  for (const SharedSummary& p : c.providers) {
    header.push_back(util::escape_markdown(p.provider));
  }
  header.push_back("Total");
  MdTable table(header);
  for (auto row : rows(c)) {
    row.front() = util::escape_markdown(row.front());
    table.add(std::move(row));
  }
  return out + table.render();
}

std::string render_csv(const CombinedSummary& c) {
  std::vector<std::string> header{"figure", "words"};
  for (const SharedSummary& p : c.providers) {
    header.push_back(p.provider);
  }
  header.push_back("total");
  std::string out = csv_record(header);
  const std::vector<std::string> figure_ids = ids();
  const auto all = rows(c);
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<std::string> fields{figure_ids.at(i)};
    fields.insert(fields.end(), all[i].begin(), all[i].end());
    out += csv_record(fields);
  }
  return out;
}

}  // namespace

std::string render_combined(const CombinedSummary& combined, Format format) {
  switch (format) {
    case Format::json:
      return render_json(combined);
    case Format::markdown:
      return render_markdown(combined);
    case Format::csv:
      return render_csv(combined);
    case Format::table:
      break;
  }
  return render_table(combined);
}

}  // namespace wellbeing::summary
