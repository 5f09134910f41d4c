#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/report/escape.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/util/escape.hpp"

using namespace wellbeing;
using json = nlohmann::ordered_json;

namespace {

util::Date date(const char* text) {
  return *util::parse_date(text);
}

records::Config examples_config() {
  auto config = records::load_config(std::string(WELLBEING_SOURCE_DIR) + "/examples/wellbeing.yaml");
  REQUIRE(config.has_value());
  return *config;
}

// A parsed record with its view and findings; the view points into the document, so they travel together.
struct Loaded {
  document::Document document;
  records::Record record;
  Diagnostics findings;

  Loaded(const std::string& path, const records::Config& config, util::Date as_of) {
    auto parsed = document::parse_file(path, path);
    REQUIRE(parsed.has_value());
    document = std::move(parsed).value();
    record = records::read_record(document.root);
    findings = validation::check_record(document, {config, as_of});
  }
};

std::string example(const char* id) {
  return std::string(WELLBEING_SOURCE_DIR) + "/examples/records/" + id + ".yaml";
}

std::string test_data(const char* name) {
  return std::string(WELLBEING_TEST_DATA) + "/render/" + name;
}

json data_of(const Loaded& loaded, report::ReportOptions options, report::Format format = report::Format::html) {
  return report::build_report_data(loaded.document.root, loaded.findings, options, format);
}

report::ReportOptions options_for(util::Date as_of, records::Config config = examples_config()) {
  report::ReportOptions options;
  options.as_of = as_of;
  options.config = std::move(config);
  options.provenance.file = "record.yaml";
  options.tool_version = "9.9.9";
  return options;
}

std::string render(const json& data, report::Format format) {
  auto out = report::render(report::TemplateSet::built_in(), format, data);
  if (!out) {
    FAIL("render failed: " << out.error());
  }
  return *out;
}

std::vector<std::string> ids(const json& list) {
  std::vector<std::string> out;
  for (const json& item : list) {
    out.push_back(item["id"].get<std::string>());
  }
  return out;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

// The markers that start each free-text value of tests/data/render/hostile.yaml and must be shown (escaped).
const std::vector<std::string> k_shown_markers{
    "known-as", "communication-needs", "communication-language", "capacity-by", "capacity-note", "rep-name",
    "rep-relationship", "rep-supports-with", "important-1", "important-2", "said-dignity", "said-health",
    "said-protection", "said-control", "said-participation", "said-social_economic", "said-relationships",
    "said-accommodation", "importance-reason", "concern-dignity", "concern-health", "concern-protection",
    "concern-control", "concern-participation", "concern-social_economic", "concern-relationships",
    "concern-accommodation", "evidence-by", "evidence-summary", "consulted-name", "consulted-role",
    "consulted-basis", "strength-text", "outcome-said", "referral-to", "referral-reference", "risk-description",
    "risk-mitigation", "risk-agreed-by", "action-name", "action-what", "progress-by", "progress-note",
    "participant", "led-by", "conversation-summary", "quote", "old-led-by", "old-conversation-summary",
    "measure-note", "instrument", "licence", "attendee", "working", "not-working", "change", "request-reason",
    "request-sent-to", "request-reference", "sharing-with", "sharing-what", "sharing-by"};
// Safeguarding narrative: never in a report (flags only).
const std::vector<std::string> k_never_shown{"narrative-wishes", "narrative-action", "narrative-reason"};

// Every tag in `html` is one the built-in templates write, with attributes they write, and every link is
// an in-page anchor or a safe URL: so nothing a person wrote became markup.
void check_html_is_ours(const std::string& page) {
  // The stylesheet is checked on its own (it is the template's, byte for byte); its "<" is not a tag.
  const std::size_t style = page.find("<style>");
  const std::size_t style_end = page.find("</style>");
  REQUIRE(style != std::string::npos);
  REQUIRE(style_end != std::string::npos);
  const std::string html = page.substr(0, style + 7) + page.substr(style_end);
  static const std::set<std::string> tags{
      "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2", "h3", "dl", "div", "dt",
      "dd", "span", "time", "strong", "nav", "ol", "ul", "li", "a", "main", "section", "table", "caption", "thead",
      "tbody", "tr", "th", "td", "article", "blockquote", "figure", "figcaption", "svg", "title", "desc", "g",
      "line", "text", "polyline", "path", "rect", "br", "code", "footer"};
  static const std::set<std::string> attributes{
      "lang", "charset", "name", "content", "class", "id", "href", "datetime", "role", "aria-label",
      "aria-labelledby", "scope", "xmlns", "width", "height", "viewBox", "x", "y", "x1", "x2", "y1", "y2",
      "points", "d", "text-anchor", "rx"};
  static const std::regex tag_pattern(R"(<(/?)([!A-Za-z][A-Za-z0-9]*)([^<>]*)>)");
  static const std::regex attribute_pattern(R"re(([A-Za-z][A-Za-z0-9-]*)="([^"]*)")re");
  std::size_t tags_seen = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag_pattern); it != std::sregex_iterator(); ++it) {
    ++tags_seen;
    const std::string name = (*it)[2];
    CAPTURE(it->str());
    CHECK(tags.count(name) == 1);
    std::string rest = (*it)[3];
    if (name == "!DOCTYPE") {
      continue;
    }
    for (auto a = std::sregex_iterator(rest.begin(), rest.end(), attribute_pattern); a != std::sregex_iterator(); ++a) {
      const std::string attribute = (*a)[1];
      const std::string value = (*a)[2];
      CAPTURE(attribute);
      CHECK(attributes.count(attribute) == 1);
      if (attribute == "href") {
        CHECK((value.starts_with("#") || report::is_safe_link(value)));
      }
      if (attribute == "class") {
        CHECK(std::regex_match(value, std::regex("[a-z0-9_ -]*")));
      }
    }
    // Nothing but attributes and spaces between the tag name and its end.
    CHECK(std::regex_replace(rest, attribute_pattern, "").find_first_not_of(" /") == std::string::npos);
  }
  CHECK(tags_seen > 100);
  // Every '<' starts one of those tags: none is left over from a person's text.
  CHECK(count(html, "<") == tags_seen);
}

// Every table's rows have as many cells as its header row.
void check_html_tables(const std::string& html) {
  CHECK(count(html, "<table") == count(html, "</table>"));
  std::size_t at = 0;
  while ((at = html.find("<table", at)) != std::string::npos) {
    const std::size_t end = html.find("</table>", at);
    REQUIRE(end != std::string::npos);
    const std::string table = html.substr(at, end - at);
    std::vector<std::size_t> cells;
    for (std::size_t row = table.find("<tr>"); row != std::string::npos; row = table.find("<tr>", row + 1)) {
      const std::string tr = table.substr(row, table.find("</tr>", row) - row);
      cells.push_back(count(tr, "<th") + count(tr, "<td"));
    }
    CAPTURE(table.substr(0, 200));
    REQUIRE(cells.size() >= 2);
    CHECK(std::all_of(cells.begin(), cells.end(), [&](std::size_t n) { return n == cells.front(); }));
    at = end;
  }
}

// Pipes and brackets not escaped with a backslash.
std::size_t unescaped(const std::string& line, char what) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == what) {
      ++n;
    }
  }
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

// Every row of every pipe table has as many cells as its header; no line has an unescaped bracket, and an
// unescaped '<' only opens a safe autolink.
void check_markdown_structure(const std::string& markdown, std::size_t min_tables) {
  const std::vector<std::string> lines = lines_of(markdown);
  std::size_t header_pipes = 0;
  std::size_t tables = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    CAPTURE(line);
    if (line.starts_with("|")) {
      if (i == 0 || !lines[i - 1].starts_with("|")) {
        header_pipes = unescaped(line, '|');
        ++tables;
        REQUIRE(i + 1 < lines.size());
        CHECK(lines[i + 1].starts_with("|---"));
      }
      CHECK(unescaped(line, '|') == header_pipes);
    }
    CHECK(unescaped(line, '[') == 0);
    CHECK(unescaped(line, ']') == 0);
    CHECK(unescaped(line, '`') == 0);
    for (std::size_t at = line.find('<'); at != std::string::npos; at = line.find('<', at + 1)) {
      if (at > 0 && line[at - 1] == '\\') {
        continue;
      }
      const std::string rest = line.substr(at + 1, line.find('>', at) - at - 1);
      CHECK(report::is_safe_link(rest));
    }
  }
  CHECK(tables >= min_tables);
}

}  // namespace

TEST_SUITE("Report") {
  TEST_CASE("all nine areas are shown in statutory order; those not yet explored are shown as such") {
    const Loaded amira(example("p-0006"), examples_config(), date("2026-11-22"));
    const json data = data_of(amira, options_for(date("2026-11-22")));
    const json& areas = data["areas"];
    REQUIRE(areas.size() == 9);
    std::string letters;
    for (const json& area : areas) {
      letters += area["letter"].get<std::string>();
    }
    CHECK(letters == "abcdefghi");
    CHECK(areas[0]["id"] == "dignity");
    CHECK(areas[8]["id"] == "contribution");
    for (int i : {2, 5, 8}) {
      CAPTURE(areas[i]["id"]);
      CHECK(areas[i]["not_yet_explored"] == true);
      CHECK(areas[i]["status"] == "Not yet explored");
      CHECK(areas[i]["status_token"] == "not_yet_explored");
    }
    CHECK(areas[1]["said"] == "New places make me anxious. I sleep badly when it's loud.");
    CHECK(areas[1]["importance"]["level"] == "High");
    CHECK(areas[1]["importance"]["said_by"] == "said by the person");
    CHECK(data["areas_summary"]["text"] == "6 of 9 areas explored; 3 not yet explored");

    const std::string markdown = render(data_of(amira, options_for(date("2026-11-22")), report::Format::markdown),
                                        report::Format::markdown);
    CHECK(count(markdown, "Not yet explored: not talked about with Amira yet") == 3);
    const std::size_t a = markdown.find("### (a) Personal dignity");
    const std::size_t c = markdown.find("### (c) Protection from abuse and neglect");
    const std::size_t i = markdown.find("### (i) Contribution to society");
    CHECK(a < c);
    CHECK(c < i);
    CHECK(i != std::string::npos);
  }

  TEST_CASE("the voice this period is what was recorded since the last review") {
    const Loaded maureen(example("p-0001"), examples_config(), date("2026-11-22"));
    const json data = data_of(maureen, options_for(date("2026-11-22")));
    CHECK(data["voice"]["period"]["since"] == "since the review on 14 April 2026");
    // c-3 was held on the review's own day, before it: it belongs to the review, not to the period after.
    CHECK(ids(data["voice"]["conversations"]) == std::vector<std::string>{"c-2"});
    CHECK(ids(data["voice"]["other_conversations"]) == std::vector<std::string>{"c-1", "c-3"});
    CHECK(data["voice"]["none_this_period"] == false);
    CHECK(data["working"]["review"]["id"] == "rv-2");
    CHECK(data["working"]["not_working"] == json::array({"Visit times changed without notice twice."}));

    // Before that review, the period starts at the one before it.
    const json earlier = data_of(maureen, options_for(date("2026-04-13")));
    CHECK(earlier["voice"]["period"]["since"] == "since the review on 22 April 2025");
    CHECK(earlier["working"]["review"]["id"] == "rv-1");

    const Loaded dorothy(example("p-0002"), examples_config(), date("2026-11-22"));
    const json quiet = data_of(dorothy, options_for(date("2026-11-22")));
    CHECK(quiet["voice"]["none_this_period"] == true);
    CHECK(quiet["person"]["voice"] == "Represented by a carer, family member or advocate");
    CHECK(quiet["areas"][0]["importance"]["representative"] == "Ruth (Care Act advocate)");
  }

  TEST_CASE("the next review: set at the last review, or 6 to 8 weeks after support started") {
    const Loaded maureen(example("p-0001"), examples_config(), date("2026-11-22"));
    const json next = data_of(maureen, options_for(date("2026-11-22")))["reviews"]["next"];
    CHECK(next["date"] == "14 April 2027");
    CHECK(next["state"] == "in 143 days");
    CHECK(next["state_token"] == "scheduled");
    CHECK(next["basis"] == "Set at the review on 14 April 2026.");

    // Amira started on 26 October 2026 and has had no review: due by 21 December (8 weeks).
    const Loaded amira(example("p-0006"), examples_config(), date("2026-11-22"));
    const json first = data_of(amira, options_for(date("2026-11-22")))["reviews"]["next"];
    CHECK(first["date"] == "21 December 2026");
    CHECK(first["basis"] == "First review, 6 to 8 weeks after support started on 26 October 2026: from 7 December 2026.");
    CHECK(first["state"] == "in 29 days");
    CHECK(data_of(amira, options_for(date("2026-11-25")))["reviews"]["next"]["state"] == "due soon: in 26 days");
    const json late = data_of(amira, options_for(date("2027-01-01")))["reviews"]["next"];
    CHECK(late["state"] == "overdue by 11 days");
    CHECK(late["state_token"] == "overdue");
  }

  TEST_CASE("outcomes show status, who acts, each action's state, and what the service cannot meet") {
    const Loaded tomasz(example("p-0003"), examples_config(), date("2026-11-22"));
    const json data = data_of(tomasz, options_for(date("2027-01-05")));
    const json& o1 = data["outcomes"][0];
    CHECK(o1["status"] == "In progress");
    CHECK(o1["who_acts"] == "Family and friends, Another agency");
    CHECK(o1["cannot_meet"] == true);
    CHECK(o1["referral"]["to"] == "council housing options team");
    CHECK(o1["referral"]["reference"] == "HO-2026-0415");
    CHECK(o1["review_request"]["id"] == "rr-1");
    CHECK(o1["review_request"]["reference"] == "ASC-RR-26-1142");
    CHECK(o1["review_request"]["status"] == "Pending");
    CHECK(o1["actions"][0]["state"] == "Done 10 June 2026");
    CHECK(o1["actions"][1]["state"] == "Overdue: was due 31 December 2026");
    CHECK(o1["actions"][1]["state_token"] == "overdue");
    CHECK(ids(data["cannot_meet"]) == std::vector<std::string>{"o-1"});
    CHECK(data["review_requests"][0]["outcomes"] == "o-1");
    CHECK(data["outcomes_summary"]["text"] == "4 outcomes: 2 in progress, 1 met, 1 not met");
    // The overview chart has a row for every area, with the counts in words.
    const json& rows = data["outcomes_summary"]["chart"]["rows"];
    REQUIRE(rows.size() == 9);
    CHECK(rows[0]["counts"] == "no outcomes");
    CHECK(rows[3]["area"] == "Control over day-to-day life");
    CHECK(rows[3]["counts"] == "1 in progress, 1 met, 1 not met");
  }

  TEST_CASE("measures over time: change since the previous measure, the last review and the first, per question") {
    const Loaded maureen(example("p-0001"), examples_config(), date("2026-11-22"));
    const json measures = data_of(maureen, options_for(date("2026-11-22")))["measures"];
    REQUIRE(measures["ons4"].size() == 3);
    CHECK(measures["ons4"][2]["anxious_yesterday"] == "4");
    // The issue's example: since the first measure life satisfaction is "up 1 (better)", but since the last
    // review (14 April 2026) it fell 7 to 6, happiness 8 to 5, and anxiety rose 2 to 4.
    const json& trends = measures["trends"];
    REQUIRE(trends.size() == 4);  // the four ONS4 questions; no SWEMWBS
    CHECK(measures["last_review"] == "14 April 2026");
    CHECK(trends[0]["question"] == "Life satisfaction");
    CHECK(trends[0]["since_first"] == "5 to 6, up 1 (better)");
    CHECK(trends[0]["since_review"] == "7 to 6, down 1 (worse)");
    CHECK(trends[0]["review_from_date"] == "14 April 2026");
    CHECK(trends[0]["since_previous"] == "7 to 6, down 1 (worse)");
    CHECK(trends[1]["since_review"] == "8 to 8, no change");
    CHECK(trends[2]["since_first"] == "5 to 5, no change");
    CHECK(trends[2]["since_review"] == "8 to 5, down 3 (worse)");
    CHECK(trends[3]["since_first"] == "6 to 4, down 2 (better)");  // anxiety: lower is better
    CHECK(trends[3]["since_review"] == "2 to 4, up 2 (worse)");
    CHECK(trends[3]["latest"] == "4");
    CHECK(trends[3]["latest_date"] == "20 October 2026");
    const json& chart = measures["ons4_chart"];
    REQUIRE(chart["series"].size() == 4);
    // Dates to scale: the April 2026 answer sits 400 of the 589 days along; 0 to 10 runs up from y=196 to 16.
    CHECK(chart["series"][0]["points"] == "44.0,106.0 418.9,70.0 596.0,88.0");
    CHECK(chart["series"][3]["label"] == "Anxious yesterday (lower is better)");

    const Loaded bev(example("p-0004"), examples_config(), date("2026-11-22"));
    const json licensed = data_of(bev, options_for(date("2026-11-22")))["measures"];
    CHECK(licensed["ons4_chart"] == false);
    // SWEMWBS is its own table, with the raw score and the metric score, and its change is judged against its
    // 3-point threshold (19.98 to 21.54 is about the same).
    CHECK(licensed["other"].empty());
    REQUIRE(licensed["swemwbs"].size() == 3);
    CHECK(licensed["swemwbs"][0]["raw"] == "22");
    CHECK(licensed["swemwbs"][0]["metric"] == "19.98");
    REQUIRE(licensed["trends"].size() == 1);
    CHECK(licensed["trends"][0]["question"] == "SWEMWBS mental wellbeing (metric score)");
    CHECK(licensed["trends"][0]["since_first"] == "19.98 to 21.54, up 1.56 (about the same)");
    CHECK(licensed["trends"][0]["since_review"] == "23.21 to 21.54, down 1.67 (about the same)");

    // A raw score is converted: 17, 19, 23 are 16.88, 17.98, 20.73; up 3.85 since the first is better.
    const Loaded tomasz(example("p-0007"), examples_config(), date("2026-11-22"));
    const json raw = data_of(tomasz, options_for(date("2026-11-22")))["measures"];
    REQUIRE(raw["swemwbs"].size() == 3);
    CHECK(raw["swemwbs"][2]["raw"] == "23");
    CHECK(raw["swemwbs"][2]["metric"] == "20.73");
    CHECK(raw["trends"][0]["since_first"] == "16.88 to 20.73, up 3.85 (better)");
    CHECK(raw["trends"][0]["since_review"] == "17.98 to 20.73, up 2.75 (about the same)");
  }

  TEST_CASE("safeguarding shows flags only, never the narrative") {
    const Loaded bev(example("p-0004"), examples_config(), date("2026-11-22"));
    const json data = data_of(bev, options_for(date("2026-11-22")));
    const json& flags = data["safeguarding"]["flags"];
    REQUIRE(flags.size() == 2);
    CHECK(flags[1]["type"] == "Financial or material abuse");
    CHECK(flags[1]["status"] == "Open");
    CHECK(flags[1]["referral"] == "Referred: SG-2026-3318");
    CHECK(flags[0]["referral"] == "No referral (reason recorded)");
    CHECK(data["safeguarding"]["text"] == "2 safeguarding flags, 1 open");
    const std::string all = data.dump() + render(data, report::Format::html);
    for (const auto& flag : bev.record.safeguarding) {
      CHECK(all.find(flag.person_wishes) == std::string::npos);
      CHECK(all.find(flag.action_taken) == std::string::npos);
      if (!flag.no_referral_reason.empty()) {
        CHECK(all.find(flag.no_referral_reason) == std::string::npos);
      }
    }
  }

  TEST_CASE("a redacted report keeps only what redaction.keep lists") {
    const Loaded tomasz(example("p-0003"), examples_config(), date("2026-11-22"));
    report::ReportOptions options = options_for(date("2026-11-22"));
    options.redact = true;  // examples keep known_as, dates and references
    const json kept = data_of(tomasz, options);
    CHECK(kept["redacted"] == true);
    CHECK(kept["title"] == "Wellbeing review: Tomasz");
    CHECK(kept["person"]["representatives"][0]["name"] == "[name withheld]");
    CHECK(kept["person"]["representatives"][0]["role"] == "Family");
    CHECK(kept["areas"][0]["said"] == "[withheld]");
    CHECK(kept["person"]["support_started"] == "4 August 2025");
    CHECK(kept["outcomes"][0]["referral"]["reference"] == "HO-2026-0415");

    options.config.redaction_keep.clear();
    const json bare = data_of(tomasz, options);
    CHECK(bare["title"] == "Wellbeing review: p-0003");
    CHECK(bare["person"]["support_started"] == "August 2025");
    CHECK(bare["outcomes"][0]["referral"]["reference"] == "[withheld]");
    CHECK(bare["sharing"]["withheld"] == true);
    CHECK(bare["sharing"]["entries"].empty());
    for (report::Format format : {report::Format::html, report::Format::markdown}) {
      const std::string text = render(data_of(tomasz, options, format), format) + bare.dump();
      for (const char* word : {"Tomasz", "Kasia", "Marek", "Kate", "allotment", "stairs", "HO-2026-0415",
                               "ASC-RR-26-1142", "2025-08-04", "4 August 2025"}) {
        CAPTURE(word);
        CHECK(text.find(word) == std::string::npos);
      }
    }

    const Loaded bev(example("p-0004"), examples_config(), date("2026-11-22"));
    const json flags = data_of(bev, options)["safeguarding"];
    CHECK(flags["withheld"] == true);
    CHECK(flags["flags"].empty());
    CHECK(flags["text"] == "2 safeguarding flags, 1 open");
  }

  TEST_CASE("every list has a has_ companion for template conditions") {
    const Loaded maureen(example("p-0001"), examples_config(), date("2026-11-22"));
    const json data = data_of(maureen, options_for(date("2026-11-22")));
    CHECK(data["person"]["has_representatives"] == true);
    CHECK(data["has_cannot_meet"] == false);
    CHECK(data["voice"]["has_evidence"] == false);
    CHECK(data["outcomes"][2]["has_progress"] == false);
  }

  TEST_CASE("hostile text in every free-text field renders as text in HTML") {
    const Loaded hostile(test_data("hostile.yaml"), records::Config{}, date("2026-11-22"));
    REQUIRE_FALSE(has_errors(hostile.findings));
    const std::string html = render(data_of(hostile, options_for(date("2026-11-22"), {})), report::Format::html);
    check_html_is_ours(html);
    check_html_tables(html);
    for (const std::string& marker : k_shown_markers) {
      CAPTURE(marker);
      if (marker != "important-2") {
        CHECK(html.find(marker + " &lt;script&gt;alert(1)&lt;/script&gt; &lt;/table&gt; | a | b | "
                                 "[x](javascript:alert(1)) {{mustache}} {{{raw}}} &amp;amp;") != std::string::npos);
      }
    }
    for (const std::string& marker : k_never_shown) {
      CHECK(html.find(marker) == std::string::npos);
    }
    CHECK(html.find("<a href=\"https://example.org/a_b?x=1&amp;y=2\">") != std::string::npos);
    CHECK(html.find("<a href=\"mailto:someone@example.org\">") != std::string::npos);
    CHECK(html.find("javascript:alert(2)") != std::string::npos);  // as text
    for (const char* tag : {"{{#", "{{/", "{{>", "{{^"}) {
      CHECK(html.find(tag) == std::string::npos);
    }
    // The stylesheet is the template's, untouched by the record.
    const std::string css = *report::TemplateSet::built_in().find("report.css.mustache");
    CHECK(html.find("<style>\n" + css + "</style>") != std::string::npos);
  }

  TEST_CASE("hostile text in every free-text field renders as text in Markdown") {
    const Loaded hostile(test_data("hostile.yaml"), records::Config{}, date("2026-11-22"));
    const std::string markdown =
        render(data_of(hostile, options_for(date("2026-11-22"), {}), report::Format::markdown), report::Format::markdown);
    const std::size_t body = markdown.find("\n---\n", 4);
    REQUIRE(body != std::string::npos);
    check_markdown_structure(markdown.substr(body + 5), 14);
    for (const std::string& marker : k_shown_markers) {
      CAPTURE(marker);
      if (marker != "important-2") {
        CHECK(markdown.find(util::escape_markdown(marker) + " \\<script\\>alert(1)\\</script\\> \\</table\\> \\| a \\| b \\| "
                                     "\\[x\\](javascript:alert(1)) \\{\\{mustache\\}\\}") != std::string::npos);
      }
    }
    for (const std::string& marker : k_never_shown) {
      CHECK(markdown.find(marker) == std::string::npos);
    }
    // Line breaks in the text never start a block: the only heading of level one is the title.
    std::size_t level_one = 0;
    for (const std::string& line : lines_of(markdown.substr(body + 5))) {
      level_one += line.starts_with("# ");
      CHECK_FALSE(line.starts_with("- not a list"));
      CHECK_FALSE(line.starts_with("| c | d |"));
    }
    CHECK(level_one == 1);
    CHECK(markdown.find("<https://example.org/a_b?x=1&y=2>") != std::string::npos);
    CHECK(markdown.find("<mailto:someone@example.org>") != std::string::npos);

    // The front matter is YAML whose title is the Markdown-escaped title.
    auto front = document::parse(markdown.substr(4, body - 4), "front matter");
    REQUIRE(front.has_value());
    const document::Node* title = front->root.find("title");
    REQUIRE(title != nullptr);
    CHECK(title->as_string() == util::escape_markdown("Wellbeing review: " + std::string(hostile.record.person.known_as)));
    CHECK(front->root.find("person")->as_string() == "p-9001");
    CHECK(front->root.find("date")->as_string() == "2026-11-22");
  }

  TEST_CASE("an invalid record with hostile identifiers and values still renders as text") {
    const Loaded invalid(test_data("hostile-invalid.yaml"), records::Config{}, date("2026-11-22"));
    REQUIRE(has_errors(invalid.findings));
    const json data = data_of(invalid, options_for(date("2026-11-22"), {}));
    CHECK(data["invalid"] == true);
    CHECK(data["outcomes"][0]["status_token"] == "unknown");
    const std::string html = render(data, report::Format::html);
    check_html_is_ours(html);
    check_html_tables(html);
    CHECK(html.find("This record does not pass its checks") != std::string::npos);
    const std::string markdown = render(data_of(invalid, options_for(date("2026-11-22"), {}), report::Format::markdown),
                                        report::Format::markdown);
    check_markdown_structure(markdown.substr(markdown.find("\n---\n", 4) + 5), 4);
  }
}
