#include <doctest/doctest.h>

#include <string>

#include "wellbeing/merge/merge.hpp"

using wellbeing::merge::merge_records;
using wellbeing::merge::Result;

namespace {

// Replaces the first `from` in `text` (which must be there) by `to`.
std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

const std::string k_base = R"(# Ivy's record (fictional)
schema: wellbeing/v1
person:
  id: p-0901
  known_as: Ivy

areas:
  relationships:
    status: explored
    said: I miss my sister.   # her words
    importance: { level: medium, said_by: person }
    concerns: [Evenings are long.]

outcomes:
  - id: o-1
    said: Talk to my sister more often.
    status: open
  - id: o-3
    said: Back to the allotment on Saturdays.
    status: open

conversations:
  - id: c-1
    date: 2026-09-01
    summary: First conversation.
  - id: c-5
    date: 2026-10-20
    summary: Fifth.

measures: []
)";

const std::string k_c2 = "  - id: c-2\n    date: 2026-10-01\n    summary: Talked about the allotment.\n";
const std::string k_c3 = "  - id: c-3\n    date: 2026-10-03\n    summary: Asked what a good Friday looks like.\n";

}  // namespace

TEST_SUITE("merge_records") {
  TEST_CASE("conversations added on both sides are both kept, in date order, and every other byte stays") {
    const std::string ours = with(k_base, "  - id: c-5\n", k_c3 + "  - id: c-5\n");
    const std::string theirs = with(k_base, "  - id: c-5\n", k_c2 + "  - id: c-5\n");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.semantic);
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(k_base, "  - id: c-5\n", k_c2 + k_c3 + "  - id: c-5\n"));
  }

  TEST_CASE("an item added on one side goes after ours' items with earlier dates") {
    const std::string late = "  - id: c-6\n    date: 2026-11-02\n    summary: Sixth.\n";
    const Result result = merge_records(k_base, k_base, with(k_base, "\nmeasures:", late + "\nmeasures:"));
    CHECK(result.text == with(k_base, "\nmeasures:", late + "\nmeasures:"));
  }

  TEST_CASE("both sides adding an item under the same id keep both, theirs under the next free id") {
    const std::string ours = with(k_base, "  - id: c-5\n", with(k_c3, "c-3", "c-2") + "  - id: c-5\n");
    const std::string theirs = with(k_base, "  - id: c-5\n", k_c2 + "  - id: c-5\n");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text ==
          with(k_base, "  - id: c-5\n", with(k_c2, "c-2", "c-6") + with(k_c3, "c-3", "c-2") + "  - id: c-5\n"));
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0] == "both sides added conversation c-2 with different content: theirs is kept as c-6");
  }

  TEST_CASE("a change on one side only is taken, in place") {
    const std::string theirs = with(k_base, "    said: Back to the allotment on Saturdays.\n    status: open",
                                    "    said: Back to the allotment on Saturdays.\n    status: met");
    const std::string ours = with(k_base, "  known_as: Ivy", "  known_as: Ivy May");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(ours, "    said: Back to the allotment on Saturdays.\n    status: open",
                              "    said: Back to the allotment on Saturdays.\n    status: met"));
  }

  TEST_CASE("the same value changed differently on both sides is a conflict around its line only") {
    const std::string from = "    said: Back to the allotment on Saturdays.\n    status: open\n";
    const std::string ours = with(k_base, from, with(from, "open", "in_progress"));
    const std::string theirs = with(k_base, from, with(from, "open", "met"));
    const Result result = merge_records(k_base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].path == "/outcomes/o-3/status");
    CHECK(result.conflicts[0].label ==
          "Outcome o-3 \"Back to the allotment on Saturdays.\": status: ours in_progress, theirs met");
    CHECK(result.text == with(k_base, from,
                              "    said: Back to the allotment on Saturdays.\n<<<<<<< ours\n    status: in_progress\n"
                              "=======\n    status: met\n>>>>>>> theirs\n"));
  }

  TEST_CASE("values inside a flow mapping are merged one by one, and a comment after a value stays") {
    const std::string ours = with(k_base, "said: I miss my sister.   #", "said: I miss my sister a lot.   #");
    const std::string theirs = with(k_base, "{ level: medium, said_by: person }", "{ level: high, said_by: person }");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(ours, "{ level: medium, said_by: person }", "{ level: high, said_by: person }"));
  }

  TEST_CASE("a conflict inside a flow mapping shows the whole line, with theirs' other changes on theirs' side") {
    const std::string ours = with(k_base, "level: medium", "level: low");
    const std::string theirs =
        with(k_base, "{ level: medium, said_by: person }", "{ level: high, said_by: representative }");
    const Result result = merge_records(k_base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.text == with(k_base, "    importance: { level: medium, said_by: person }\n",
                              "<<<<<<< ours\n    importance: { level: low, said_by: representative }\n=======\n"
                              "    importance: { level: high, said_by: representative }\n>>>>>>> theirs\n"));
  }

  TEST_CASE("a key added on one side is inserted where that side has it") {
    const std::string theirs =
        with(k_base, "    status: open\n  - id: o-3", "    status: open\n    opened: 2026-09-01\n  - id: o-3");
    const Result result = merge_records(k_base, k_base, theirs);
    CHECK(result.text == theirs);
  }

  TEST_CASE("an item removed on one side and unchanged on the other is removed") {
    const std::string c1 = "  - id: c-1\n    date: 2026-09-01\n    summary: First conversation.\n";
    const std::string ours = with(k_base, "  known_as: Ivy", "  known_as: Ivy May");
    const Result result = merge_records(k_base, ours, with(k_base, c1, ""));
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(ours, c1, ""));
  }

  TEST_CASE("an item one side removed and the other changed is a conflict, keeping both versions") {
    const std::string c1 = "  - id: c-1\n    date: 2026-09-01\n    summary: First conversation.\n";
    const std::string ours = with(k_base, "First conversation.", "First conversation, over tea.");
    const Result result = merge_records(k_base, ours, with(k_base, c1, ""));
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.text ==
          with(ours, "  - id: c-1\n    date: 2026-09-01\n    summary: First conversation, over tea.\n",
               "<<<<<<< ours\n  - id: c-1\n    date: 2026-09-01\n    summary: First conversation, over tea.\n"
               "=======\n>>>>>>> theirs\n"));
  }

  TEST_CASE("lists of plain values take both sides' additions") {
    const std::string ours = with(k_base, "[Evenings are long.]", "[Evenings are long., Misses the garden.]");
    const std::string theirs = with(k_base, "[Evenings are long.]", "[Evenings are long., \"Sister moved away.\"]");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text ==
          with(k_base, "[Evenings are long.]", "[Evenings are long., Misses the garden., \"Sister moved away.\"]"));
  }

  TEST_CASE("a value replaced by a block list on one side is copied with its lines") {
    const std::string theirs =
        with(k_base, "measures: []", "measures:\n  - id: m-1\n    date: 2026-10-01\n    instrument: ONS4");
    const Result result = merge_records(k_base, with(k_base, "known_as: Ivy", "known_as: Ivy May"), theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(theirs, "known_as: Ivy", "known_as: Ivy May"));
  }

  TEST_CASE("CRLF line endings are kept, and inserted text follows them") {
    const auto crlf = [](std::string text) {
      std::string out;
      for (char c : text) {
        out += c == '\n' ? std::string("\r\n") : std::string(1, c);
      }
      return out;
    };
    const std::string theirs = with(k_base, "  - id: c-5\n", k_c2 + "  - id: c-5\n");
    const Result result = merge_records(crlf(k_base), crlf(with(k_base, "known_as: Ivy", "known_as: Ivy May")), theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text ==
          crlf(with(with(k_base, "known_as: Ivy", "known_as: Ivy May"), "  - id: c-5\n", k_c2 + "  - id: c-5\n")));
  }

  TEST_CASE("an unreadable side falls back to a line-level merge that loses neither side") {
    const std::string ours = k_base + "broken: [\n";
    const std::string theirs = with(k_base, "known_as: Ivy", "known_as: Ivy May");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK_FALSE(result.semantic);
    CHECK(result.text.find("known_as: Ivy May") != std::string::npos);
    CHECK(result.text.find("broken: [") != std::string::npos);
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0] == "ours is not readable YAML, so the versions were merged line by line");
  }

  TEST_CASE("a value that is not a number, left alone by theirs, is no change: the merge is ours") {
    const std::string base = with(k_base, "measures: []", "measures: [{ score: .NAN }]");
    const std::string ours = with(base, "known_as: Ivy", "known_as: Ivy May");
    const Result result = merge_records(base, ours, base);
    CHECK(result.conflicts.empty());
    CHECK_FALSE(result.line_conflicts);
    CHECK(result.text == ours);
  }

  TEST_CASE("the same change on both sides is no conflict") {
    const std::string both = with(k_base, "known_as: Ivy", "known_as: Ivy May");
    const Result result = merge_records(k_base, both, both);
    CHECK(result.conflicts.empty());
    CHECK(result.text == both);
  }
  TEST_CASE("an item written in flow style on one side replaces ours' block item, apostrophes and all") {
    const std::string c1 = "  - id: c-1\n    date: 2026-09-01\n    summary: First conversation.\n";
    const std::string flow = "  - { id: c-1, date: 2026-09-02, summary: Ivy's first conversation. }\n";
    const Result result =
        merge_records(k_base, with(k_base, "known_as: Ivy", "known_as: Ivy May"), with(k_base, c1, flow));
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(with(k_base, "known_as: Ivy", "known_as: Ivy May"), c1, flow));
  }

  TEST_CASE("text copied into a flow list is quoted where the list would split it") {
    const std::string ours = with(k_base, "[Evenings are long.]", "[Evenings are long., Misses the garden.]");
    const std::string theirs = with(k_base, "    concerns: [Evenings are long.]",
                                    "    concerns:\n      - Evenings are long.\n      - Sundays, mostly.");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text ==
          with(k_base, "[Evenings are long.]", "[Evenings are long., Misses the garden., \"Sundays, mostly.\"]"));
  }

  TEST_CASE("a part ours removed and theirs changed is a conflict where theirs has it, with nothing on ours' side") {
    const std::string base =
        with(k_base, "measures: []", "measures: [{ id: m-1, date: 2026-10-01, instrument: ONS4 }]");
    const std::string ours = with(base, "\nmeasures: [{ id: m-1, date: 2026-10-01, instrument: ONS4 }]\n", "\n");
    const std::string theirs = with(base, "instrument: ONS4", "instrument: SWEMWBS");
    const Result result = merge_records(base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].path == "/measures");
    CHECK(result.text == with(ours, "Fifth.\n\n",
                              "Fifth.\n<<<<<<< ours\n=======\nmeasures: [{ id: m-1, date: 2026-10-01, instrument: "
                              "SWEMWBS }]\n>>>>>>> theirs\n\n"));
  }

  TEST_CASE("a part theirs removed and ours changed is a conflict around ours' lines") {
    const std::string base =
        with(k_base, "measures: []", "measures: [{ id: m-1, date: 2026-10-01, instrument: ONS4 }]");
    const std::string theirs = with(base, "\nmeasures: [{ id: m-1, date: 2026-10-01, instrument: ONS4 }]\n", "\n");
    const std::string ours = with(base, "instrument: ONS4", "instrument: SWEMWBS");
    const Result result = merge_records(base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].label.ends_with("ours changed measures, theirs removed it"));
    CHECK(result.text == with(ours, "measures: [{", "<<<<<<< ours\nmeasures: [{") + "=======\n>>>>>>> theirs\n");
  }

  TEST_CASE("an empty list left out on one side is no change: the other side's items are taken") {
    const std::string ours = with(k_base, "\nmeasures: []\n", "\n");
    const std::string theirs =
        with(k_base, "measures: []", "measures: [{ id: m-1, date: 2026-10-01, instrument: ONS4 }]");
    const Result result = merge_records(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.text ==
          with(ours, "Fifth.\n\n", "Fifth.\nmeasures: [{ id: m-1, date: 2026-10-01, instrument: ONS4 }]\n\n"));
  }
  TEST_CASE("where ours' items are not in date order, an added item follows its neighbour in theirs") {
    const std::string unsorted = with(k_base, "    date: 2026-09-01\n", "    date: 2026-12-01\n");
    const std::string theirs = with(unsorted, "  - id: c-5\n", k_c2 + "  - id: c-5\n");
    const Result result = merge_records(unsorted, with(unsorted, "known_as: Ivy", "known_as: Ivy May"), theirs);
    CHECK(result.text ==
          with(with(unsorted, "known_as: Ivy", "known_as: Ivy May"), "  - id: c-5\n", k_c2 + "  - id: c-5\n"));
  }
}

namespace {

const std::string k_v2 = R"(schema: wellbeing/v2
person: { id: p-0902, voice: direct }
areas:
  health:
    status: explored
    views:
      - { date: 2026-01-12, said: "My knees are fine, it's my chest.", from: c-1 }  # first visit
    importance: { level: high, said_by: person }
    concerns: none raised
    updated: 2026-01-12
)";

}  // namespace

TEST_SUITE("merge_records") {
  TEST_CASE("views added to one area on both sides are both kept, in date order, and the earlier view stays") {
    const std::string first = "      - { date: 2026-01-12, said: \"My knees are fine, it's my chest.\", from: c-1 }  # first visit\n";
    const std::string ours_view = "      - { date: 2026-05-02, said: The stairs are a job., from: c-3 }\n";
    const std::string theirs_view = "      - { date: 2026-04-20, said: The inhaler helps., from: c-2 }\n";
    const Result result =
        merge_records(k_v2, with(k_v2, first, first + ours_view), with(k_v2, first, first + theirs_view));
    CHECK(result.semantic);
    CHECK(result.conflicts.empty());
    CHECK(result.text == with(k_v2, first, first + theirs_view + ours_view));
  }
}
