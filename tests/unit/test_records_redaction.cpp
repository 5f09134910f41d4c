#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "wellbeing/records/redaction.hpp"

using namespace wellbeing;
using records::Redaction;
using records::ShownDate;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

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

  TEST_CASE("names, quotes and references are withheld unless kept") {
    const Redaction r = Redaction::keeping({});
    CHECK(r.name("Sam Okafor") == std::nullopt);
    CHECK(r.quote("I want to get back to the allotment") == std::nullopt);
    CHECK(r.reference("SS-2026-0042") == std::nullopt);
    const Redaction kept = Redaction::keeping({"names", "quotes", "references"});
    CHECK(kept.name("Sam Okafor") == "Sam Okafor");
    CHECK(kept.quote("I want to get back to the allotment") == "I want to get back to the allotment");
    CHECK(kept.reference("SS-2026-0042") == "SS-2026-0042");
  }

  TEST_CASE("staff's free text is withheld whatever is kept, and shown when redaction is off") {
    const Redaction all =
        Redaction::keeping({"known_as", "names", "quotes", "dates", "references", "safeguarding", "sharing"});
    CHECK(all.text("Rang the GP about the hoist") == std::nullopt);
    CHECK(Redaction{}.text("Rang the GP about the hoist") == "Rang the GP about the hoist");
    CHECK(Redaction{}.name("Sam Okafor") == "Sam Okafor");
  }

  TEST_CASE("an empty value is never withheld: there is nothing to hide") {
    const Redaction r = Redaction::keeping({});
    CHECK(r.name("") == "");
    CHECK(r.text("") == "");
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
