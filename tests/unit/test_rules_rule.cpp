// The rules of practice, each against its fixtures in tests/data/rules/:
//   WBnnn-triggers*.yaml  records the rule must find something in; WBnnn-triggers*.expected lists exactly
//                         what, one finding a line: "line:column<TAB>pointer<TAB>message"
//   WBnnn-passes*.yaml    near misses the rule must find nothing in
// A fixture's first line may be "# file: records/p-0042.yaml" to set the path the record is checked under.
// Records are checked as of 2026-11-22 with the default folder settings. WELLBEING_UPDATE_GOLDEN=1
// rewrites the .expected files from what the rules find (read them before committing).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/rules/rule.hpp"

namespace fs = std::filesystem;
using namespace wellbeing;

namespace {

const fs::path k_fixtures = fs::path(WELLBEING_TEST_DATA) / "rules";

util::Date as_of() { return *util::parse_date("2026-11-22"); }

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The findings of `rule` in the fixture, one "line:column<TAB>pointer<TAB>message" line each.
std::string findings_of(const rules::Rule& rule, const fs::path& fixture) {
  const std::string text = read_text(fixture);
  std::string display = fixture.filename().string();
  if (text.starts_with("# file: ")) {
    display = text.substr(8, text.find('\n') - 8);
  }
  auto parsed = document::parse(text, display);
  REQUIRE_MESSAGE(parsed.has_value(), fixture.string() << " does not parse");
  const records::Record record = records::read_record(parsed->root);
  records::CheckOptions options;
  options.as_of = as_of();
  const rules::Context context{record, parsed->root, options, display};
  std::string out;
  for (const rules::Finding& finding : rule.check(context)) {
    out += fmt::format("{}:{}\t{}\t{}\n", finding.mark.line, finding.mark.column, finding.pointer, finding.message);
  }
  return out;
}

struct Fixtures {
  std::vector<fs::path> triggers;
  std::vector<fs::path> passes;
};

// The fixtures, by rule id (from the file names), sorted.
std::map<std::string, Fixtures> all_fixtures() {
  std::map<std::string, Fixtures> out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(k_fixtures)) {
    if (entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    const std::string id = name.substr(0, name.find('-'));
    if (name.find("-triggers") != std::string::npos) {
      out[id].triggers.push_back(file);
    } else if (name.find("-passes") != std::string::npos) {
      out[id].passes.push_back(file);
    } else {
      out[id];  // a stray file, reported below
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("rules::Rule") {
  TEST_CASE("every rule has a fixture that triggers it and one that does not") {
    const auto fixtures = all_fixtures();
    for (const rules::Rule& rule : rules::all_rules()) {
      CAPTURE(rule.id);
      const auto it = fixtures.find(std::string(rule.id));
      REQUIRE_MESSAGE(it != fixtures.end(), rule.id << " has no fixtures in tests/data/rules");
      CHECK_MESSAGE(!it->second.triggers.empty(), rule.id << " has no fixture that triggers it");
      CHECK_MESSAGE(!it->second.passes.empty(), rule.id << " has no fixture that passes it");
      for (const fs::path& trigger : it->second.triggers) {
        fs::path expected = trigger;
        expected.replace_extension(".expected");
        CHECK_MESSAGE(fs::exists(expected), trigger.filename().string() << " has no .expected file");
      }
    }
    for (const auto& [id, files] : fixtures) {
      CHECK_MESSAGE(rules::find_rule(id) != nullptr, "fixtures for " << id << ", which is not a rule");
      CHECK_MESSAGE(files.triggers.size() + files.passes.size() > 0, "a fixture for " << id << " is misnamed");
    }
  }

  TEST_CASE("each rule finds exactly what its fixtures expect, and nothing in the near misses") {
    const bool update =
        std::getenv("WELLBEING_UPDATE_GOLDEN") && std::string(std::getenv("WELLBEING_UPDATE_GOLDEN")) == "1";
    for (const auto& [id, files] : all_fixtures()) {
      const rules::Rule* rule = rules::find_rule(id);
      if (!rule) {
        continue;  // reported by the test above
      }
      for (const fs::path& trigger : files.triggers) {
        CAPTURE(trigger.filename().string());
        const std::string actual = findings_of(*rule, trigger);
        fs::path expected_file = trigger;
        expected_file.replace_extension(".expected");
        if (update) {
          std::ofstream(expected_file, std::ios::binary) << actual;
        }
        CHECK_MESSAGE(!actual.empty(), id << " finds nothing in " << trigger.filename().string());
        CHECK(actual == read_text(expected_file));
      }
      for (const fs::path& pass : files.passes) {
        CAPTURE(pass.filename().string());
        CHECK(findings_of(*rule, pass) == "");
      }
    }
  }

  TEST_CASE("rule ids are unique, in order, and every rule says what, why and where") {
    std::string previous;
    for (const rules::Rule& rule : rules::all_rules()) {
      CAPTURE(rule.id);
      CHECK(rule.id.size() == 5);
      CHECK(rule.id.starts_with("WB"));
      CHECK(std::string(rule.id) > previous);
      previous = rule.id;
      CHECK(!rule.title.empty());
      CHECK(!rule.message.empty());
      CHECK(rule.reason.size() > 80);
      CHECK(static_cast<bool>(rule.check));
      CHECK(rules::find_rule(rule.id) == &rule);
    }
    CHECK(rules::all_rules().size() >= 15);
    CHECK(rules::find_rule("WB999") == nullptr);
    CHECK(rules::find_rule("wb001") == nullptr);
  }
}
