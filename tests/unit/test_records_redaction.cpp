#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/redaction.hpp"
#include "wellbeing/schema/builtin.hpp"

using namespace wellbeing;
using records::Redaction;
using records::ShownDate;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

document::Node parse(const std::string& yaml) {
  auto parsed = document::parse(yaml, "p-0042.yaml");
  REQUIRE(parsed.has_value());
  return parsed->root;
}

// The text of the scalar at `pointer` (a date or a number as written).
std::string text_at(const document::Node& root, const char* pointer) {
  const document::Node* node = root.at_pointer(pointer);
  REQUIRE(node != nullptr);
  return node->text();
}

}  // namespace

TEST_SUITE("Redaction") {
  TEST_CASE("keeping() turns redaction on and keeps only what is listed") {
    const Redaction r = Redaction::keeping({"known_as", "references", "sharing", "nonsense"});
    CHECK(r.on);
    CHECK(r.known_as);
    CHECK(r.references);
    CHECK(r.sharing);
    CHECK_FALSE(r.names);
    CHECK_FALSE(r.quotes);
    CHECK_FALSE(r.dates);
    CHECK_FALSE(r.safeguarding);
    CHECK_FALSE(Redaction{}.on);
  }

  TEST_CASE("every value of redaction.keep keeps its own kind of detail") {
    const Redaction all =
        Redaction::keeping({"known_as", "names", "quotes", "dates", "references", "safeguarding", "sharing"});
    CHECK((all.known_as && all.names && all.quotes && all.dates && all.references && all.safeguarding && all.sharing));
  }

  TEST_CASE("shows() is true for everything when off, and for what is kept when on") {
    const Redaction off;
    CHECK(off.shows(off.safeguarding));
    const Redaction r = Redaction::keeping({"safeguarding"});
    CHECK(r.shows(r.safeguarding));
    CHECK_FALSE(r.shows(r.sharing));
  }

  TEST_CASE("apply() withholds each value by its schema annotation, and keeps what redaction.keep lists") {
    const document::Node root = parse(R"(schema: wellbeing/v1
person:
  id: p-0042
  known_as: Wren
  voice: supported
  communication: { language: 'Polish, ask his sister Kasia Nowak' }
  representatives:
    - { id: r-1, name: Tomasz Nowak, role: family, relationship: brother, since: 2026-03-07 }
outcomes:
  - id: o-1
    said: I want to swim again
    status: open
    referral: { to: Priya Shah at the leisure centre, reference: LC-77, date: 2026-03-09 }
review_requests:
  - { id: rr-1, date: 2026-03-10, requested_by: service, sent_to: Adult social care, reference: SS-12, status: sent, reason: Needs more hours }
)");
    const document::Node none = Redaction::keeping({}).apply(root, records::Withheld::marked);
    CHECK(text_at(none, "/person/id") == "p-0042");
    CHECK(text_at(none, "/person/voice") == "supported");
    CHECK(text_at(none, "/person/known_as") == "[withheld]");
    CHECK(text_at(none, "/person/communication/language") == "[withheld]");
    CHECK(text_at(none, "/person/representatives/0/name") == "[name withheld]");
    CHECK(text_at(none, "/person/representatives/0/relationship") == "[withheld]");
    CHECK(text_at(none, "/person/representatives/0/since") == "2026-03-07");  // shown through date()
    CHECK(text_at(none, "/outcomes/0/said") == "[withheld]");
    CHECK(text_at(none, "/outcomes/0/referral/to") == "[name withheld]");
    CHECK(text_at(none, "/outcomes/0/referral/reference") == "[withheld]");
    CHECK(text_at(none, "/review_requests/0/sent_to") == "[name withheld]");
    CHECK(text_at(none, "/review_requests/0/reason") == "[withheld]");

    const document::Node kept =
        Redaction::keeping({"known_as", "names", "quotes", "references"}).apply(root, records::Withheld::emptied);
    CHECK(text_at(kept, "/person/known_as") == "Wren");
    CHECK(text_at(kept, "/person/representatives/0/name") == "Tomasz Nowak");
    CHECK(text_at(kept, "/outcomes/0/said") == "I want to swim again");
    CHECK(text_at(kept, "/outcomes/0/referral/reference") == "LC-77");
    // Staff's free text is withheld whatever is kept; emptied, a summary leaves it out.
    CHECK(text_at(kept, "/person/communication/language").empty());
    CHECK(text_at(kept, "/review_requests/0/reason").empty());
    CHECK(Redaction{}.apply(root, records::Withheld::marked).equals(root));
  }

  TEST_CASE("apply() withholds what the schema does not know, and numbers where text belongs") {
    const document::Node root = parse("person: { id: p-0042, known_as: 07700900123, nickname: Wren }\nstray: Kasia\n");
    const document::Node r = Redaction::keeping({"dates"}).apply(root, records::Withheld::marked);
    CHECK(text_at(r, "/person/known_as") == "[withheld]");
    CHECK(text_at(r, "/person/nickname") == "[withheld]");
    CHECK(text_at(r, "/stray") == "[withheld]");
    CHECK(text_at(r, "/person/id") == "p-0042");
    // A value that is not what its place allows (an id or an enumeration holding words) is not shown.
    const document::Node bad = parse("person: { id: Kasia Nowak, voice: ask Kasia }\n");
    const document::Node b = Redaction::keeping({}).apply(bad, records::Withheld::marked);
    CHECK(text_at(b, "/person/id") == "[withheld]");
    CHECK(text_at(b, "/person/voice") == "[withheld]");
  }

  TEST_CASE("an empty value is never withheld: there is nothing to hide") {
    const document::Node root = parse("person: { id: p-0042, known_as: '' }\n");
    CHECK(text_at(Redaction::keeping({}).apply(root, records::Withheld::marked), "/person/known_as").empty());
  }

  TEST_CASE("every string of the record schema says whether a redacted output may show it") {
    CHECK(records::unannotated_strings(schema::record_schema().root) == std::vector<std::string>{});
    // A new free-text field with no "x-redact" is found, and so is an annotation apply() does not know.
    const document::Node changed = parse(R"({"type": "object", "properties": {
      "id": {"type": "string", "x-redact": "show"},
      "nickname": {"type": "string"},
      "notes": {"type": "array", "items": {"$ref": "#/definitions/text"}, "x-redact": "txt"},
      "quotes": {"type": "array", "items": {"$ref": "#/definitions/text"}, "x-redact": "quotes"}},
      "definitions": {"text": {"type": "string"}}})");
    CHECK(records::unannotated_strings(changed) == std::vector<std::string>{"/nickname", "/notes/*"});
  }

  TEST_CASE("dates are shown to the month unless dates are kept, and the day is not kept at all") {
    const ShownDate month = Redaction::keeping({}).date(date("2026-03-07"));
    CHECK(month.month_only);
    CHECK(month.date == date("2026-03-01"));
    CHECK(format_date(month) == "2026-03");
    CHECK(format_date(Redaction::keeping({"dates"}).date(date("2026-03-07"))) == "2026-03-07");
    CHECK(format_date(Redaction{}.date(date("2026-03-07"))) == "2026-03-07");
    CHECK(Redaction::keeping({}).date(std::optional<util::Date>()) == std::nullopt);
  }

  TEST_CASE("shown dates order by date, as their dates do") {
    const Redaction r = Redaction::keeping({});
    CHECK(r.date(date("2026-02-28")) < r.date(date("2026-03-01")));
    CHECK(r.date(date("2026-03-02")) == r.date(date("2026-03-30")));
  }
}
