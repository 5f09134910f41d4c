// Document → record check (the schema, then the rules) and the lenient record view. Properties: neither
// crashes on any document, and each finding is at a place inside the text.
#include "fuzz.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/document/source.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using wellbeing::fuzz::require;
  auto parsed = wellbeing::document::parse(std::string(wellbeing::fuzz::as_text(data, size)), "fuzz.yaml");
  if (!parsed) {
    return 0;
  }
  wellbeing::records::CheckOptions options;
  options.as_of = *wellbeing::util::parse_date("2026-06-01");  // fixed, so a crash reproduces on any day
  const wellbeing::Diagnostics findings = wellbeing::validation::check_record(*parsed, options);
  const wellbeing::document::SourceText source(*parsed->source);
  for (const auto& finding : findings) {
    require(finding.location.line <= source.line_count(), "a finding's line is in the text");
  }
  (void)wellbeing::records::read_record(parsed->root);
  return 0;
}
