#include <doctest/doctest.h>

#include "wellbeing/records/config.hpp"
#include "wellbeing/report/provider.hpp"
#include "wellbeing/util/json.hpp"

using namespace wellbeing;
using report::compared_periods;
using summary::Interval;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

std::string span(const summary::Period& period) {
  return util::format_date(period.from) + ".." + util::format_date(period.to);
}

}  // namespace

TEST_SUITE("ComparedPeriods") {
  TEST_CASE("the quarter holding the date, to that date, against the whole quarter before") {
    const auto periods = compared_periods(Interval::quarterly, date("2026-11-22"));
    CHECK(span(periods.current) == "2026-10-01..2026-11-22");
    CHECK(span(periods.previous) == "2026-07-01..2026-09-30");
  }
  TEST_CASE("a month at the start of a year is compared with December") {
    const auto periods = compared_periods(Interval::monthly, date("2026-01-01"));
    CHECK(span(periods.current) == "2026-01-01..2026-01-01");
    CHECK(span(periods.previous) == "2025-12-01..2025-12-31");
  }
  TEST_CASE("a year against the year before") {
    const auto periods = compared_periods(Interval::yearly, date("2026-03-31"));
    CHECK(span(periods.current) == "2026-01-01..2026-03-31");
    CHECK(span(periods.previous) == "2025-01-01..2025-12-31");
  }
}

namespace {

// The provider data of the examples folder's records named, as of 22 November 2026, the quarter holding it.
nlohmann::ordered_json provider_data(const std::vector<std::string>& ids, bool redact) {
  auto config = records::load_config(std::string(WELLBEING_SOURCE_DIR) + "/examples/wellbeing.yaml");
  REQUIRE(config);
  report::ProviderOptions options;
  options.summary = summary::default_options(*config, date("2026-11-22"));
  options.summary.period = compared_periods(Interval::quarterly, date("2026-11-22")).current;
  if (redact) {
    options.summary.redaction = summary::Redaction::keeping({});
  }
  options.folder = "records";
  options.periods_missing = "No comparison: records is not in a git repository.";
  std::vector<std::string> files;
  for (const std::string& id : ids) {
    files.push_back(std::string(WELLBEING_SOURCE_DIR) + "/examples/records/" + id + ".yaml");
  }
  const summary::FolderSummary folder =
      summary::summarise_folder(summary::summarise_files(files, options.summary, 1), options.summary);
  REQUIRE(folder.people.size() == ids.size());
  return report::build_provider_data(folder, options, report::Format::markdown);
}

const nlohmann::ordered_json* figure_of(const nlohmann::ordered_json& list, std::string_view token) {
  for (const auto& item : list) {
    if (item["token"] == token) {
      return &item;
    }
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("ProviderData") {
  TEST_CASE("how the views of someone who cannot take part were established comes from each view's source") {
    const auto data = provider_data({"p-0001", "p-0008"}, false);
    const auto& understood = data["understood"];
    CHECK(understood["cannot_take_part"]["count"] == 1);
    CHECK(understood["cannot_take_part"]["people"][0]["id"] == "p-0008");
    // Maureen speaks for herself: none of her views is counted among the ways.
    for (const auto& way : understood["ways"]) {
      for (const auto& person : way["people"]) {
        CHECK(person["id"] == "p-0008");
      }
    }
    REQUIRE(figure_of(understood["ways"], "observation") != nullptr);
    CHECK((*figure_of(understood["ways"], "observation"))["count"] == 1);
    REQUIRE(figure_of(understood["importance"], "judgement") != nullptr);
    CHECK((*figure_of(understood["importance"], "judgement"))["people_text"] == "p-0008 (Kofi): 4 areas");
  }
  TEST_CASE("redacted, every figure names people by id only and free text is counted, not shown") {
    const auto data = provider_data({"p-0001", "p-0004", "p-0008"}, true);
    const std::string text = util::json_text(data);
    for (const char* name : {"Maureen", "Bev", "Kofi", "Lunch club"}) {
      CHECK_MESSAGE(text.find(name) == std::string::npos, name);
    }
    CHECK(data["people"][0]["label"] == "p-0001");
    CHECK(data["people"][0]["name"] == "");
    // Bev's flags are counted and said to have their reference, their types withheld.
    CHECK(data["safeguarding"]["count"] == 2);
    CHECK(data["safeguarding"]["flags"][0]["type"] == "");
    CHECK(data["safeguarding"]["all_accounted"] == true);
  }
  TEST_CASE("without git the comparison says why, and the rest is still there") {
    const auto data = provider_data({"p-0001"}, false);
    CHECK(data["comparison"]["available"] == false);
    CHECK(data["comparison"]["missing"] == "No comparison: records is not in a git repository.");
    CHECK(data["sections"].size() == 9);
    CHECK(data["people_count"] == 1);
  }
}
