// Adding to records by inserting text: every byte outside the insertion is kept, whatever the file's style.
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "write_data.hpp"
#include "wellbeing/edit/record_edit.hpp"
#include "wellbeing/validation/check.hpp"

using namespace wellbeing;
using document::Node;
using edit::ItemKind;

namespace {

std::string read_data(const std::string& name) { return test::read_write_data(name); }

std::string to_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += '\r';
    }
    out += c;
  }
  return out;
}

Node yaml(const std::string& text) {
  auto parsed = document::parse(text, "fragment.yaml");
  REQUIRE_MESSAGE(parsed.has_value(), "fragment does not parse: " << text);
  return parsed->root;
}

util::Date day(const char* text) { return *util::parse_date(text); }

records::CheckOptions check_options() {
  records::CheckOptions options;
  options.as_of = day("2026-10-01");
  return options;
}

// One addition of every kind, with values chosen to need quoting: "no", "null", "1.0", a leading "-",
// ": " and " #" inside, and text over several lines.
std::vector<edit::Addition> every_kind() {
  return {
      {ItemKind::conversation,
       yaml("date: 2026-09-20\nled_by: Priya (support worker)\napproach: appreciative_enquiry\n"
            "summary: \"A time things went well: the garden.\\nWhat helped then.\"\n"
            "quotes: [\"no\", \"It's: fine # really\"]\n"),
       "", ""},
      {ItemKind::outcome,
       yaml("kind: achieve\nareas: [participation]\nsaid: Get back to the allotment on Saturdays\n"
            "opened: 2026-09-20\nstatus: open\nwho_acts: [self]\n"),
       "", ""},
      {ItemKind::action, yaml("who: self\nwhat: \"- Ring the allotment society\"\ndue: 2026-10-30\n"), "o-1", ""},
      {ItemKind::progress, yaml("date: 2026-09-21\nby: Kate\nnote: \"null\"\n"), "o-1", ""},
      {ItemKind::strength, yaml("level: network\ntext: \"1.0\"\nareas: [relationships]\n"), "", ""},
      {ItemKind::review,
       yaml("date: 2026-09-22\ntype: scheduled\nattendees: [Sam]\nnext_review_due: 2027-09-22\n"), "", ""},
      {ItemKind::review_request,
       yaml("date: 2026-09-23\nrequested_by: provider\nreason: \"Needs: more help\"\nsent_to: review team\n"
            "status: pending\n"),
       "", ""},
      {ItemKind::measure,
       yaml("date: 2026-09-24\ninstrument: ONS4\n"
            "ons4: {life_satisfaction: 7, worthwhile: 8, happy_yesterday: 6, anxious_yesterday: 2}\n"),
       "", ""},
      {ItemKind::safeguarding,
       yaml("date: 2026-09-25\ntype: financial_material\nperson_wishes: Stop the calls\n"
            "action_taken: Told the manager\nno_referral_reason: \"She asked us not to: no risk to others\"\n"
            "status: open\n"),
       "", ""},
      {ItemKind::sharing,
       yaml("date: 2026-09-26\nwith: GP practice\nwhat: ONS4 answers\nbasis: consent\nconsent_recorded: true\n"), "",
       ""},
      {ItemKind::evidence, yaml("kind: observation\ndate: 2026-09-27\nby: Kate\nsummary: Smiled in the garden.\n"), "",
       ""},
      {ItemKind::area,
       yaml("status: explored\nsaid: \"Walking: good. Stairs: hard.\"\nimportance: {level: high, said_by: person}\n"
            "concerns: [Stairs]\nupdated: 2026-09-28\n"),
       "", "health"},
  };
}

// True when `after` is `before` with one contiguous run of bytes inserted, and nothing else changed.
bool is_one_insertion(const std::string& before, const std::string& after) {
  if (after.size() < before.size()) {
    return false;
  }
  std::size_t prefix = 0;
  while (prefix < before.size() && before[prefix] == after[prefix]) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  return prefix + suffix == before.size();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// For an area update: the lines that differ all lie inside the area's mapping in the new text.
void check_only_area_lines_changed(const std::string& before, const edit::Change& change) {
  const auto old_lines = lines_of(before);
  const auto new_lines = lines_of(change.text);
  std::size_t prefix = 0;
  while (prefix < old_lines.size() && prefix < new_lines.size() && old_lines[prefix] == new_lines[prefix]) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < old_lines.size() - prefix && suffix < new_lines.size() - prefix &&
         old_lines[old_lines.size() - 1 - suffix] == new_lines[new_lines.size() - 1 - suffix]) {
    ++suffix;
  }
  auto reparsed = document::parse(change.text, "t.yaml");
  REQUIRE(reparsed.has_value());
  const auto* areas = reparsed->root.find_entry("areas");
  REQUIRE(areas != nullptr);
  // The health area spans from its key to the key after it.
  std::uint32_t first = 0;
  std::uint32_t next = 0;
  bool seen = false;
  for (const auto& entry : areas->value.entries()) {
    if (seen && next == 0) {
      next = entry.key_mark.line;
    }
    if (entry.key == "health") {
      first = entry.key_mark.line;
      seen = true;
    }
  }
  REQUIRE(first > 0);
  CHECK(prefix + 1 >= first);                                    // first changed line (1-based) is in the area
  CHECK(new_lines.size() - suffix <= (next ? next - 1 : new_lines.size()));  // last changed line too
}

struct Case {
  std::string name;
  std::string text;
};

std::vector<Case> styles() {
  return {
      {"comments", read_data("comments.yaml")},
      {"comments, CRLF", to_crlf(read_data("comments.yaml"))},
      {"four spaces", read_data("four_space.yaml")},
      {"four spaces, CRLF", to_crlf(read_data("four_space.yaml"))},
      {"compact, no final newline", read_data("compact.yaml")},
      {"flow", read_data("flow.yaml")},
      {"block scalars", read_data("block_scalars.yaml")},
      {"block scalars, CRLF", to_crlf(read_data("block_scalars.yaml"))},
  };
}

}  // namespace

TEST_SUITE("edit::add_to_record") {
  TEST_CASE("every kind, in every style, inserts one block and changes no other byte, and the result validates") {
    for (const Case& style : styles()) {
      auto parsed = document::parse(style.text, "t.yaml");
      REQUIRE_MESSAGE(parsed.has_value(), style.name);
      const Diagnostics before = validation::check_record(*parsed, check_options());
      REQUIRE_MESSAGE(!has_errors(before), style.name << ": the test file itself must be valid");
      const bool crlf = style.text.find("\r\n") != std::string::npos;
      for (const edit::Addition& addition : every_kind()) {
        const std::string label = style.name + " + " + std::string(edit::kind_info(addition.kind).name);
        CAPTURE(label);
        auto change = edit::add_to_record(style.text, *parsed, addition);
        REQUIRE_MESSAGE(change.has_value(), label << ": " << (change ? "" : change.error()));
        if (addition.kind == ItemKind::area) {
          check_only_area_lines_changed(style.text, *change);
        } else {
          CHECK_MESSAGE(is_one_insertion(style.text, change->text), label);
          REQUIRE(change->edits.size() == 1);
          CHECK(change->edits.front().length == 0);
        }
        if (crlf) {
          // Every line ending of the result is CRLF, as the file's are.
          for (std::size_t i = 0; i < change->text.size(); ++i) {
            if (change->text[i] == '\n') {
              REQUIRE_MESSAGE((i > 0 && change->text[i - 1] == '\r'), label << ": a bare LF at byte " << i);
            }
          }
        }
        auto reparsed = document::parse(change->text, "t.yaml");
        REQUIRE_MESSAGE(reparsed.has_value(), label);
        const Diagnostics after = validation::check_record(*reparsed, check_options());
        for (const Diagnostic& d : after) {
          CHECK_MESSAGE(d.severity != Severity::error, label << ": " << d.message << " at " << d.pointer);
        }
        // What was added is there, with every quoted value read back as the same string.
        const Node* added = reparsed->root.at_pointer(change->pointer);
        REQUIRE_MESSAGE(added != nullptr, label << " at " << change->pointer);
        for (const auto& entry : addition.fields.entries()) {
          const Node* value = added->find(entry.key);
          REQUIRE_MESSAGE(value != nullptr, label << ": " << entry.key);
          CHECK_MESSAGE(value->equals(entry.value), label << ": " << entry.key << " = " << value->to_json());
        }
      }
    }
  }

  TEST_CASE("the inserted block follows the file's indentation and list style") {
    const std::string text = read_data("four_space.yaml");
    auto parsed = document::parse(text, "t.yaml");
    REQUIRE(parsed.has_value());
    auto change = edit::add_to_record(text, *parsed, {ItemKind::action, yaml("who: self\nwhat: Buy goggles.\n"), "o-1", ""});
    REQUIRE(change.has_value());
    CHECK(change->edits.front().text ==
          "            -   id: a-2\n"
          "                who: self\n"
          "                what: Buy goggles.\n");
    CHECK(change->id == "a-2");
    CHECK(change->pointer == "/outcomes/0/actions/1");

    const std::string compact = read_data("compact.yaml");
    auto compact_parsed = document::parse(compact, "t.yaml");
    auto measure = edit::add_to_record(
        compact, *compact_parsed,
        {ItemKind::measure,
         yaml("date: 2026-06-01\ninstrument: ONS4\nons4: {life_satisfaction: 5, worthwhile: 5, happy_yesterday: 5, "
              "anxious_yesterday: 5}\n"),
         "", ""});
    REQUIRE(measure.has_value());
    // Between m-1 (May) and m-2 (September), at the key's own column like its neighbours.
    CHECK(measure->pointer == "/measures/1");
    CHECK(measure->edits.front().text ==
          "- id: m-3\n"
          "  date: 2026-06-01\n"
          "  instrument: ONS4\n"
          "  ons4: { life_satisfaction: 5, worthwhile: 5, happy_yesterday: 5, anxious_yesterday: 5 }\n");
    // A list at the end of a file without a final line ending: the line ending goes first.
    auto last = edit::add_to_record(
        compact, *compact_parsed,
        {ItemKind::measure,
         yaml("date: 2026-09-30\ninstrument: ONS4\nons4: {life_satisfaction: 5, worthwhile: 5, happy_yesterday: 5, "
              "anxious_yesterday: 5}\n"),
         "", ""});
    REQUIRE(last.has_value());
    CHECK(last->edits.front().text.starts_with("\n- id: m-3\n"));
    CHECK(last->text.starts_with(compact));
  }

  TEST_CASE("dated lists stay in date order; a comment above an entry stays with it") {
    const std::string text = read_data("comments.yaml");
    auto parsed = document::parse(text, "t.yaml");
    auto change = edit::add_to_record(
        text, *parsed,
        {ItemKind::conversation,
         yaml("date: 2026-05-01\nled_by: Priya\napproach: powerful_questions\nsummary: Spring.\n"), "", ""});
    REQUIRE(change.has_value());
    CHECK(change->pointer == "/conversations/1");
    CHECK(change->id == "c-3");
    // Inserted before "  # c-2 is the later one", which belongs to c-2.
    const std::size_t inserted = change->text.find("  - id: c-3");
    const std::size_t comment = change->text.find("  # c-2 is the later one");
    CHECK(inserted < comment);
    CHECK(change->text.find("summary: What a good week looks like.\n  - id: c-3\n") != std::string::npos);
    CHECK(change->map_pointer("/conversations/1/summary") == "/conversations/2/summary");
    CHECK(change->map_pointer("/conversations/0") == "/conversations/0");
    CHECK(change->map_pointer("/measures/1") == "/measures/1");
  }

  TEST_CASE("a missing list is created where the schema puts it, or at the end") {
    const std::string text = read_data("comments.yaml");
    auto parsed = document::parse(text, "t.yaml");
    auto evidence = edit::add_to_record(
        text, *parsed, {ItemKind::evidence, yaml("kind: observation\ndate: 2026-09-27\nby: Kate\nsummary: Calm.\n"), "", ""});
    REQUIRE(evidence.has_value());
    // evidence comes before strengths in the schema: the new section goes just above it.
    CHECK(evidence->text.find("  contribution: { status: not_yet_explored }\n\nevidence:\n  - id: e-1\n") !=
          std::string::npos);
    CHECK(evidence->text.find("summary: Calm.\n\nstrengths:\n") != std::string::npos);

    auto sharing = edit::add_to_record(
        text, *parsed,
        {ItemKind::sharing, yaml("date: 2026-09-26\nwith: GP\nwhat: Answers\nbasis: care_and_treatment\n"), "", ""});
    REQUIRE(sharing.has_value());
    CHECK(sharing->text.ends_with("# End of the record: notes for the team go here.\n\nsharing:\n  - id: sh-1\n"
                                  "    date: 2026-09-26\n    with: GP\n    what: Answers\n    basis: care_and_treatment\n"));
  }

  TEST_CASE("flow lists take the entry in flow form") {
    const std::string text = read_data("flow.yaml");
    auto parsed = document::parse(text, "t.yaml");
    auto strength = edit::add_to_record(text, *parsed, {ItemKind::strength, yaml("level: self\ntext: Sings, loudly.\n"), "", ""});
    REQUIRE(strength.has_value());
    CHECK(strength->text.find("areas: [relationships] }, { id: s-2, level: self, text: \"Sings, loudly.\" }]") !=
          std::string::npos);
    // A dated flow list keeps its date order too.
    auto conversation = edit::add_to_record(
        text, *parsed,
        {ItemKind::conversation, yaml("date: 2026-07-01\nled_by: Sam\napproach: observation\nsummary: July.\n"), "", ""});
    REQUIRE(conversation.has_value());
    CHECK(conversation->pointer == "/conversations/1");
    CHECK(conversation->text.find("  { id: c-3, date: 2026-07-01, led_by: Sam, approach: observation, summary: July. }, "
                                  "{ id: c-2, date: 2026-08-01,") != std::string::npos);
    auto review = edit::add_to_record(
        text, *parsed,
        {ItemKind::review, yaml("date: 2026-09-22\ntype: first\nattendees: [Cy]\nnext_review_due: 2027-09-22\n"), "", ""});
    REQUIRE(review.has_value());
    CHECK(review->text.ends_with(
        "reviews: [{ id: rv-1, date: 2026-09-22, type: first, attendees: [Cy], next_review_due: 2027-09-22 }]\n"));
  }

  TEST_CASE("an area update replaces only the values that change") {
    const std::string text = read_data("comments.yaml");
    auto parsed = document::parse(text, "t.yaml");
    auto change = edit::add_to_record(
        text, *parsed,
        {ItemKind::area, yaml("importance: {level: medium, said_by: person}\nupdated: 2026-09-28\n"), "", "dignity"});
    REQUIRE(change.has_value());
    REQUIRE(change->edits.size() == 2);
    CHECK(change->edits[0].text == "{ level: medium, said_by: person }");
    CHECK(change->edits[1].text == "2026-09-28");
    CHECK(change->text.find("    said: \"Knock first: it's my home.\"\n") != std::string::npos);

    // A block area gains the keys it lacks at its end, after its own comment.
    auto control = edit::add_to_record(
        text, *parsed,
        {ItemKind::area,
         yaml("status: explored\nsaid: Up at eight.\nimportance: {level: low, said_by: person}\nconcerns: none "
              "raised\nupdated: 2026-09-28\n"),
         "", "control"});
    REQUIRE(control.has_value());
    CHECK(control->text.find("  control:\n    status: explored\n    # to talk about at the next visit\n"
                             "    said: Up at eight.\n") != std::string::npos);

    auto same = edit::add_to_record(text, *parsed, {ItemKind::area, yaml("status: explored\n"), "", "dignity"});
    REQUIRE_FALSE(same.has_value());
    CHECK(same.error().message == "nothing to change: the record already says this");
  }

  TEST_CASE("refusals name the problem") {
    const std::string text = read_data("comments.yaml");
    auto parsed = document::parse(text, "t.yaml");
    auto no_outcome = edit::add_to_record(text, *parsed, {ItemKind::action, yaml("who: self\nwhat: x\n"), "o-9", ""});
    REQUIRE_FALSE(no_outcome.has_value());
    CHECK(no_outcome.error().message == "no outcome `o-9` in this record (its outcomes: o-1)");
    auto taken = edit::add_to_record(text, *parsed, {ItemKind::strength, yaml("id: s-1\nlevel: self\ntext: x\n"), "", ""});
    REQUIRE_FALSE(taken.has_value());
    CHECK(taken.error().message ==
          "the id `s-1` is already used in this record; leave the id out to get the next free one");
    auto area = edit::add_to_record(text, *parsed, {ItemKind::area, yaml("status: explored\n"), "", "wealth"});
    REQUIRE_FALSE(area.has_value());
    CHECK(area.error().message.starts_with("`wealth` is not an area of wellbeing"));

    const std::string null_list = "schema: wellbeing/v1\nconversations: null\n";
    auto null_parsed = document::parse(null_list, "t.yaml");
    auto refused = edit::add_to_record(
        null_list, *null_parsed,
        {ItemKind::conversation, yaml("date: 2026-01-01\nled_by: a\napproach: observation\nsummary: b\n"), "", ""});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message ==
          "`conversations` on line 2 is written as null; make it an empty list (`conversations: []`) or remove it");
  }

  TEST_CASE("a kept-chomping block scalar at the end of a list is never cut short") {
    // The blank lines after "|+" belong to the value: whatever happens, the old values must read back intact.
    const std::string text = "schema: wellbeing/v1\nconversations:\n  - id: c-1\n    summary: |+\n      kept\n\n\n"
                             "reviews: []\n";
    auto parsed = document::parse(text, "t.yaml");
    REQUIRE(parsed.has_value());
    auto change = edit::add_to_record(
        text, *parsed,
        {ItemKind::conversation, yaml("date: 2026-01-01\nled_by: a\napproach: observation\nsummary: b\n"), "", ""});
    if (change) {
      auto reparsed = document::parse(change->text, "t.yaml");
      REQUIRE(reparsed.has_value());
      CHECK(reparsed->root.at_pointer("/conversations/0/summary")->as_string() == "kept\n\n\n");
    } else {
      CHECK(change.error().message.find("nothing was changed") != std::string::npos);
    }
  }
}

TEST_SUITE("edit ids") {
  TEST_CASE("next_id takes one more than the highest of its prefix only") {
    const Node root = yaml("a: [{id: r-2}, {id: rr-7}, {id: rv-1}, {id: r-10}, {id: r-x}]\n");
    CHECK(edit::next_id(root, "r") == "r-11");
    CHECK(edit::next_id(root, "rr") == "rr-8");
    CHECK(edit::next_id(root, "c") == "c-1");
  }
}
