// The redaction's promise, tested from outside: tests/data/redaction/p-0042.yaml holds a marker word
// (Zmk01, Zmk02, …) in every place of the record where text may name or identify someone, and every date
// falls on the 17th. No redacted report or summary, in any format, may show a marker or an exact date.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/redaction.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/validation/check.hpp"

using namespace wellbeing;

namespace {

const std::string k_fixture = std::string(WELLBEING_TEST_DATA) + "/redaction/p-0042.yaml";
const util::Date k_as_of = *util::parse_date("2026-11-22");

// The record's paths with list indexes as *, each area's key as * (the nine areas share one shape) and
// every suppression's reason as one place.
std::string shape(std::string path) {
  path = std::regex_replace(path, std::regex("/[0-9]+(/|$)"), "/*$1");
  path = std::regex_replace(path, std::regex("^/areas/[a-z_]+/"), "/areas/*/");
  return std::regex_replace(path, std::regex("^.*/suppress/\\*/reason$"), "*/suppress/*/reason");
}

// Each string of `node` that is a marker, by the shape of its path.
void markers(const document::Node& node, const std::string& path, std::set<std::string>& shapes,
             std::vector<std::string>& words) {
  if (node.is_string() && node.as_string().starts_with("Zmk")) {
    shapes.insert(shape(path));
    words.push_back(node.as_string().substr(0, 5));
  }
  for (std::size_t i = 0; node.is_sequence() && i < node.size(); ++i) {
    markers(node.items()[i], path + "/" + std::to_string(i), shapes, words);
  }
  for (const document::Entry& entry : node.is_mapping() ? node.entries() : std::span<const document::Entry>()) {
    markers(entry.value, path + "/" + entry.key, shapes, words);
  }
}

// Every redacted output the library makes of the fixture, keeping what `keep` lists.
std::vector<std::pair<std::string, std::string>> redacted_outputs(const std::vector<std::string>& keep) {
  auto parsed = document::parse_file(k_fixture, k_fixture);
  REQUIRE(parsed.has_value());
  records::Config config;
  config.redaction_keep = keep;
  const Diagnostics findings = validation::check_record(*parsed, {config, k_as_of});
  REQUIRE_FALSE(has_errors(findings));

  std::vector<std::pair<std::string, std::string>> out;
  report::ReportOptions options;
  options.as_of = k_as_of;
  options.redact = true;
  options.config = config;
  for (const report::Format format : {report::Format::html, report::Format::markdown}) {
    const auto data = report::build_report_data(parsed->root, findings, options, format);
    auto text = report::render(report::TemplateSet::built_in(), format, data);
    REQUIRE(text.has_value());
    out.emplace_back(format == report::Format::html ? "report html" : "report md", *text);
    out.emplace_back("report json", data.dump());
  }

  summary::Options summary_options = summary::default_options(config, k_as_of);
  summary_options.redaction = records::Redaction::keeping(keep);
  const auto files = summary::summarise_files({k_fixture}, summary_options, 1);
  REQUIRE(files.size() == 1);
  REQUIRE(files[0].person.has_value());
  const summary::FolderSummary folder = summary::summarise_folder(files, summary_options);
  for (const summary::Format format :
       {summary::Format::table, summary::Format::markdown, summary::Format::json, summary::Format::csv}) {
    const std::string name = std::string(format == summary::Format::table      ? "table"
                                         : format == summary::Format::markdown ? "md"
                                         : format == summary::Format::json     ? "json"
                                                                               : "csv");
    for (const summary::RowKind rows :
         {summary::RowKind::people, summary::RowKind::outcomes, summary::RowKind::actions, summary::RowKind::reviews}) {
      const summary::RenderOptions style{format, rows, false, "markers"};
      out.emplace_back("summary person " + name, summary::render_person(files[0], summary_options, style));
      out.emplace_back("summary folder " + name, summary::render_folder(folder, summary_options, style));
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("redaction markers") {
  TEST_CASE("the marker record holds a marker in every place the schema says a redaction may withhold") {
    auto parsed = document::parse_file(k_fixture, k_fixture);
    REQUIRE(parsed.has_value());
    std::set<std::string> covered;
    std::vector<std::string> words;
    markers(parsed->root, "", covered, words);
    for (const records::RedactionPlace& place : records::redaction_places(schema::record_schema().root)) {
      // A flag's type is an enumeration, so it holds no marker: the test below looks for its words.
      if (place.kind != "show" && place.kind != "date" && place.kind != "safeguarding") {
        CAPTURE(place.path);
        CHECK(covered.count(shape(place.path)) == 1);
      }
    }
    std::sort(words.begin(), words.end());
    CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());  // each marker once
  }

  TEST_CASE("no marker and no exact date survives in any redacted report or summary") {
    const std::regex exact_date("2026-[0-9]{2}-17|2027-[0-9]{2}-17|\\b17 (January|February|March|April|May|June|"
                                "July|August|September|October|November|December)");
    for (const auto& [what, text] : redacted_outputs({})) {
      CAPTURE(what);
      const auto marker = text.find("Zmk");
      CHECK_MESSAGE(marker == std::string::npos, text.substr(marker == std::string::npos ? 0 : marker, 40));
      CHECK(text.find("inancial") == std::string::npos);  // the open flag's type (financial_material)
      std::smatch date;
      CHECK_MESSAGE(!std::regex_search(text, date, exact_date), date.str());
    }
  }

  TEST_CASE("what redaction.keep lists is shown, so the test above can see a marker when one is let through") {
    bool name_shown = false;
    bool known_as_shown = false;
    for (const auto& [what, text] : redacted_outputs({"known_as", "names"})) {
      name_shown = name_shown || text.find("Zmk06 representative") != std::string::npos;
      known_as_shown = known_as_shown || text.find("Zmk01") != std::string::npos;
      CHECK(text.find("Zmk35") == std::string::npos);  // staff's free text, whatever is kept
    }
    CHECK(name_shown);
    CHECK(known_as_shown);
  }
}
