#pragma once
// `summary --combine`: several providers' redacted folder summaries (the JSON of `summary --format json
// --redact`, README.md "The JSON of a summary") put side by side, one column per provider and a total,
// from their counts alone: no record, and nothing about any one person, is read or shown.

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::summary {

// The version of the summary JSON this build writes and reads (its "version"); README.md says what bumps it.
inline constexpr int k_summary_json_version = 1;

// One figure a combined summary shows: a stable id ("outcomes.met", "areas.health", "ons4.worthwhile.people"),
// its words, and where a folder summary's JSON holds it.
struct Figure {
  std::string id;
  std::string label;
  std::string pointer;        // a JSON pointer into the folder summary
  bool length = false;        // the figure is the length of the list there, not the number
  std::string area;           // for outcomes by area: the entry of /outcomes/by_area whose "area" this is
};

// Every figure, in the order shown. ONS4 averages are not figures: see SharedSummary::ons4.
const std::vector<Figure>& combined_figures();

// One provider's shared summary, as read.
struct SharedSummary {
  std::string file;      // as named on the command line
  std::string provider;  // its "provider", or the file name when it has none
  std::string as_of;     // as written ("2026-11" when redacted)
  std::string from, to;  // the period
  std::vector<std::size_t> figures;  // combined_figures() order
  std::array<Ons4Change, 4> ons4{};  // k_ons4_questions order; averages as written (two decimals)
};

// Reads one file written by `summary --format json --redact` for a whole folder. Fails, naming the file,
// when it cannot be read or is not JSON ("FILE:LINE:COLUMN: …"), is not a summary, has another "version",
// is one person's summary, is filtered (--area, --status, --person), is not redacted, or lacks a figure
// ("FILE:LINE:COLUMN: expected a count at /outcomes/total").
util::Expected<SharedSummary, util::Failure> read_shared_summary(const std::filesystem::path& file);

// The providers side by side and their total: each figure summed; each ONS4 average weighted by the people
// it covers.
struct CombinedSummary {
  std::vector<SharedSummary> providers;
  SharedSummary total;  // provider "Total", file empty
  bool same_period = true;  // every provider's as_of and period are the same
};
CombinedSummary combine(std::vector<SharedSummary> providers);

// The combined summary in `format`: a terminal table or Markdown (a row per figure, a column per provider,
// then the total), JSON (README.md "Combined summaries"), or CSV (figure id, words, one column per provider,
// total). Provider names are escaped for each format; CSV cells are formula-guarded.
std::string render_combined(const CombinedSummary& combined, Format format);

}  // namespace wellbeing::summary
