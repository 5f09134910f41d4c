// Add's guarantee: an entry is accepted when it brings no new error, whatever errors the record had.
#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "write_data.hpp"
#include "wellbeing/edit/accept.hpp"

using namespace wellbeing;
using document::Node;
using edit::ItemKind;

namespace {

std::string read_data(const std::string& name) { return test::read_write_data(name); }

document::Document parse(const std::string& text) {
  auto parsed = document::parse(text, "p-0103.yaml");
  REQUIRE(parsed.has_value());
  return std::move(parsed).value();
}

Node yaml(const std::string& text) { return parse(text).root; }

records::CheckOptions check_options() {
  records::CheckOptions options;
  options.as_of = *util::parse_date("2026-10-01");
  return options;
}

edit::Addition measure(const char* fields) { return {ItemKind::measure, yaml(fields), "", ""}; }

edit::Addition strength() {
  return {ItemKind::strength, yaml("level: self\ntext: Knits\nareas: [participation]\n"), "", ""};
}

// compact.yaml with its second measure's anxious_yesterday out of range: one schema error.
std::string with_an_error() {
  std::string text = read_data("compact.yaml");
  const std::size_t at = text.rfind("anxious_yesterday: 5}");
  REQUIRE(at != std::string::npos);
  return text.replace(at, 21, "anxious_yesterday: 15}");
}

}  // namespace

TEST_SUITE("edit::Acceptance") {
  TEST_CASE("an entry that adds an error is refused, with the error where it would go") {
    const document::Document record = parse(read_data("compact.yaml"));
    const Diagnostics old = validation::check_record(record, check_options());
    REQUIRE_FALSE(has_errors(old));
    const auto verdict = edit::accept_addition(
        record, old,
        measure("date: 2026-09-30\ninstrument: ONS4\n"
                "ons4: {life_satisfaction: 11, worthwhile: 5, happy_yesterday: 5, anxious_yesterday: 5}\n"),
        check_options());
    CHECK_FALSE(verdict.accepted());
    CHECK(verdict.refusal.empty());
    CHECK(verdict.old_errors == 0);
    REQUIRE(verdict.new_errors.size() == 1);
    CHECK(verdict.new_errors[0].message == "`life_satisfaction` must be at most 10; got 11");
    CHECK(verdict.new_errors[0].pointer == "/measures/2/ons4/life_satisfaction");
    CHECK(verdict.new_errors[0].location.line == 41);
  }

  TEST_CASE("a record with an error takes an entry that adds none, and counts the error it had") {
    const document::Document record = parse(with_an_error());
    const Diagnostics old = validation::check_record(record, check_options());
    REQUIRE(has_errors(old));
    const auto verdict = edit::accept_addition(record, old, strength(), check_options());
    CHECK(verdict.accepted());
    CHECK(verdict.new_errors.empty());
    CHECK(verdict.old_errors == 1);
    REQUIRE(verdict.change.has_value());
    CHECK(verdict.change->id == "s-1");
  }

  TEST_CASE("an error moved by the insertion is still known as the old one") {
    // A measure dated before m-2 goes in front of it, so m-2's error moves from /measures/1 to /measures/2.
    const document::Document record = parse(with_an_error());
    const Diagnostics old = validation::check_record(record, check_options());
    const auto verdict = edit::accept_addition(
        record, old,
        measure("date: 2026-06-01\ninstrument: ONS4\n"
                "ons4: {life_satisfaction: 5, worthwhile: 5, happy_yesterday: 5, anxious_yesterday: 5}\n"),
        check_options());
    REQUIRE(verdict.change.has_value());
    CHECK(verdict.change->pointer == "/measures/1");
    CHECK(verdict.accepted());
    CHECK(verdict.old_errors == 1);
  }

  TEST_CASE("an entry that cannot be placed is refused with the reason") {
    const document::Document record = parse(read_data("compact.yaml"));
    const edit::Addition action{ItemKind::action, yaml("who: self\nwhat: Ring Sam\n"), "o-9", ""};
    const auto verdict = edit::accept_addition(record, {}, action, check_options());
    CHECK_FALSE(verdict.accepted());
    CHECK_FALSE(verdict.change.has_value());
    CHECK_FALSE(verdict.refusal.empty());
  }

  TEST_CASE("a record that starts with a byte order mark keeps it: the change is the old bytes plus the entry") {
    const std::string old_text = "\xEF\xBB\xBF" + read_data("compact.yaml");
    const document::Document record = parse(old_text);
    const auto verdict = edit::accept_addition(record, validation::check_record(record, check_options()), strength(),
                                               check_options());
    REQUIRE(verdict.accepted());
    const std::string& text = verdict.change->text;
    CHECK(text.starts_with("\xEF\xBB\xBF"));
    // One run of bytes inserted, every other byte as it was.
    std::size_t prefix = 0;
    while (prefix < old_text.size() && text[prefix] == old_text[prefix]) {
      ++prefix;
    }
    const std::size_t inserted = text.size() - old_text.size();
    CHECK(prefix >= 3);
    CHECK(text.substr(prefix + inserted) == old_text.substr(prefix));
    CHECK(verdict.change->id == "s-1");
  }
}
