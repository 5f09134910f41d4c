// summary --combine's reading and adding up of providers' shared summaries (fictional providers only).
#include <doctest/doctest.h>

#include "temp_folder.hpp"
#include "wellbeing/summary/combine.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/date.hpp"

using namespace wellbeing;

namespace {

// The JSON `summary --format json` writes for a folder with no records, redacted or not.
std::string empty_folder_json(bool redacted) {
  records::Config config;
  config.provider_name = "Oakfield Support (fictional)";
  summary::Options options = summary::default_options(config, *util::parse_date("2026-11-22"));
  if (redacted) {
    options.redaction = summary::Redaction::keeping({});
  }
  return summary::render_folder_json(summary::summarise_folder({}, options), options);
}

std::size_t figure(const summary::SharedSummary& s, const std::string& id) {
  const auto& all = summary::combined_figures();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].id == id) {
      return s.figures.at(i);
    }
  }
  FAIL("no figure " << id);
  return 0;
}

}  // namespace

TEST_SUITE("summary::combine") {
  TEST_CASE("every figure is read from the JSON the folder summary writes") {
    test::TempFolder folder;
    const auto file = folder.write("oakfield.json", empty_folder_json(true));
    auto shared = summary::read_shared_summary(file);
    REQUIRE_MESSAGE(shared.has_value(), (shared ? "" : shared.error().message));
    CHECK(shared->provider == "Oakfield Support (fictional)");
    CHECK(shared->figures.size() == summary::combined_figures().size());
    CHECK(shared->as_of == "2026-11");  // redacted dates are months
    CHECK(figure(*shared, "people") == 0);
  }

  TEST_CASE("an unredacted summary is refused, naming the file") {
    test::TempFolder folder;
    const auto file = folder.write("plain.json", empty_folder_json(false));
    auto shared = summary::read_shared_summary(file);
    REQUIRE_FALSE(shared.has_value());
    CHECK(shared.error().message.starts_with(file.string() + " is not redacted"));
  }

  TEST_CASE("a file that is not JSON is refused with its line and column") {
    test::TempFolder folder;
    const auto file = folder.write("broken.json", "{\"version\": 1,\n  \"kind\": [\n");
    auto shared = summary::read_shared_summary(file);
    REQUIRE_FALSE(shared.has_value());
    CHECK(shared.error().message.starts_with(file.string() + ":"));
    const auto other = folder.write("list.json", "[1, 2]\n");
    auto list = summary::read_shared_summary(other);
    REQUIRE_FALSE(list.has_value());
    CHECK(list.error().message.find("is not a summary written by") != std::string::npos);
  }

  TEST_CASE("the total adds each figure and weights each ONS4 average by the people it covers") {
    summary::SharedSummary a;
    a.provider = "Ashby";
    a.figures.assign(summary::combined_figures().size(), 1);
    a.ons4[0] = {2, 1.0};
    a.ons4[1] = {2, 0.5};
    a.as_of = "2026-11";
    summary::SharedSummary b = a;
    b.provider = "Brook";
    b.figures.assign(summary::combined_figures().size(), 2);
    b.ons4[0] = {1, -2.0};
    b.ons4[1] = {0, 0.0};
    const summary::CombinedSummary combined = summary::combine({a, b});
    REQUIRE(combined.providers.size() == 2);
    CHECK(figure(combined.total, "people") == 3);
    CHECK(figure(combined.total, "outcomes.met") == 3);
    CHECK(combined.total.ons4[0].people == 3);
    CHECK(combined.total.ons4[0].average == doctest::Approx(0.0));
    CHECK(combined.total.ons4[1].people == 2);  // a provider whose average covers no one adds nothing
    CHECK(combined.total.ons4[1].average == doctest::Approx(0.5));
    CHECK(combined.same_period);
    b.as_of = "2026-10";
    CHECK_FALSE(summary::combine({a, b}).same_period);
  }
}
