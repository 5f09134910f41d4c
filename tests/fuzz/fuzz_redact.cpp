// Redaction: no free text survives a redacted output. The input is a record; every string at a place the
// record schema's "x-redact" does not let through (free text, names, quotes, references, sharing, and any
// place the schema does not know) is given a marker word made from the input, a different one per value,
// ahead of its own text. The marked record is checked and rendered redacted, keeping nothing
// (`redaction.keep: []`): the review report's data (render's JSON), its Markdown and HTML, and, for a valid
// record, the person's summary in every format. Property: no marker appears in any of them.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fuzz.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/redaction.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/validation/check.hpp"

namespace {

using namespace wellbeing;

// Marker words: letters only, so no format escapes or splits them, and unlike any word a renderer writes.
class Markers {
 public:
  explicit Markers(std::string_view input) {
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (const char c : input) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    m_stem = "Qz" + letters(hash) + "x";
  }

  // Puts a new marker at the start of `value` (at `place`), keeping the record's own text after it.
  void mark(std::string& value, const std::string& place) {
    m_words.push_back(m_stem + letters(static_cast<std::uint32_t>(m_words.size())) + "q");
    m_places.push_back(place);
    value = value.empty() ? m_words.back() : m_words.back() + " " + value;
  }
  // Stops the run when `output` holds a marker.
  void require_none_in(const std::string& output, const char* what) const {
    for (const std::string& word : m_words) {
      if (output.find(word) != std::string::npos) {
        std::fprintf(stderr, "fuzz: marker %s (at %s) in the redacted %s\n", word.c_str(),
                     m_places[static_cast<std::size_t>(&word - m_words.data())].c_str(), what);
        std::abort();
      }
    }
  }

 private:
  static std::string letters(std::uint32_t n) {
    std::string text;
    do {
      text += static_cast<char>('a' + n % 26);
      n /= 26;
    } while (n != 0);
    return text;
  }

  std::string m_stem;
  std::vector<std::string> m_words;
  std::vector<std::string> m_places;  // of each word, in the schema's terms
};

// The record schema's string places ("/outcomes/*/referral/to") with their "x-redact" kind, and every
// prefix of them, to follow a record's paths.
struct Places {
  std::map<std::string, std::string, std::less<>> kinds;
  std::set<std::string, std::less<>> prefixes;

  Places() {
    for (const records::RedactionPlace& place : records::redaction_places(schema::record_schema().root)) {
      kinds[place.path] = place.kind;
      for (std::size_t slash = 0; slash != std::string::npos; slash = place.path.find('/', slash + 1)) {
        prefixes.insert(place.path.substr(0, slash));
      }
      prefixes.insert(place.path);
    }
  }
};

// `node` with a marker ahead of every string a redaction keeping nothing must withhold. `shape` is the
// node's place in the schema's terms ("" for the root), k_outside once outside every place the schema knows.
constexpr std::string_view k_outside = "?";


document::Node marked(const document::Node& node, const std::string& shape, const Places& places,
                      Markers& markers) {
  const auto child_shape = [&](const std::string& key) {
    if (shape == k_outside) {
      return std::string(k_outside);
    }
    for (const std::string& child : {shape + "/" + key, shape + "/*"}) {
      if (places.prefixes.count(child) != 0) {
        return child;
      }
    }
    return std::string(k_outside);
  };
  if (node.is_string()) {
    const auto kind = places.kinds.find(shape);
    // Shown as written: enumerations and ids ("show"), dates (shown to the month); a flag's type is an
    // enumeration, withheld as a word, never free text.
    if (kind != places.kinds.end() && (kind->second == "show" || kind->second == "date" ||
                                       kind->second == "safeguarding")) {
      return node;
    }
    std::string value = node.as_string();
    markers.mark(value, shape);
    return document::Node::make_string(std::move(value), node.mark());
  }
  if (node.is_sequence()) {
    std::vector<document::Node> items;
    for (const document::Node& item : node.items()) {
      items.push_back(marked(item, child_shape("*"), places, markers));
    }
    return document::Node::make_sequence(std::move(items), node.mark());
  }
  if (node.is_mapping()) {
    std::vector<document::Entry> entries;
    for (const document::Entry& entry : node.entries()) {
      entries.push_back({entry.key, entry.key_mark, marked(entry.value, child_shape(entry.key), places, markers)});
    }
    return document::Node::make_mapping(std::move(entries), node.mark());
  }
  return node;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  auto parsed = document::parse(std::string(input), "fuzz.yaml");
  if (!parsed) {
    return 0;
  }
  static const Places places;
  Markers markers(input);
  parsed->root = marked(parsed->root, "", places, markers);
  const util::Date as_of = *util::parse_date("2026-06-01");
  const records::CheckOptions check{records::Config{}, as_of};
  const Diagnostics findings = validation::check_record(*parsed, check);

  // The report, as `render --redact` makes it (invalid records are rendered with --allow-invalid).
  report::ReportOptions options;
  options.as_of = as_of;
  options.redact = true;
  static const report::TemplateSet templates = report::TemplateSet::built_in();
  for (const report::Format format : {report::Format::markdown, report::Format::html}) {
    const nlohmann::ordered_json report_data = report::build_report_data(parsed->root, findings, options, format);
    markers.require_none_in(report_data.dump(2), "report data");
    auto rendered = report::render(templates, format, report_data);
    fuzz::require(rendered.has_value(), "the built-in templates render");
    markers.require_none_in(*rendered, format == report::Format::html ? "HTML report" : "Markdown report");
  }

  // The summary, made only of valid records.
  if (has_errors(findings)) {
    return 0;
  }
  summary::Options summary_options = summary::default_options(check.config, as_of);
  summary_options.redaction = records::Redaction::keeping({});
  summary::SummarisedFile file;
  file.path = "fuzz.yaml";
  file.diagnostics = findings;
  file.person = summary::summarise_person(parsed->root, findings, file.path, summary_options);
  file.person_id = file.person->id;
  for (const summary::Format format :
       {summary::Format::table, summary::Format::markdown, summary::Format::json, summary::Format::csv}) {
    for (const summary::RowKind rows :
         {summary::RowKind::people, summary::RowKind::outcomes, summary::RowKind::actions, summary::RowKind::reviews}) {
      markers.require_none_in(summary::render_person(file, summary_options, {format, rows, false, "fuzz"}),
                              "summary");
      if (format != summary::Format::csv) {
        break;  // the rows are CSV's alone
      }
    }
  }
  return 0;
}
