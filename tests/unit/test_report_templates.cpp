#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "temp_folder.hpp"
#include "wellbeing/report/templates.hpp"

using namespace wellbeing::report;
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;
using wellbeing::test::TempFolder;

namespace {

// Renders `text` as the entry template of `format` with `data`.
std::string render_one(const std::string& text, const json& data, Format format = Format::markdown) {
  const TemplateSet set = TemplateSet::from_texts({{std::string(entry_template(format)), text}});
  auto out = render(set, format, data);
  if (!out) {
    FAIL("render failed: " << out.error());
  }
  return *out;
}

}  // namespace

TEST_SUITE("Templates") {
  TEST_CASE("values are escaped by the format's escaper") {
    const json data = {{"x", "<b>a | b</b>"}};
    CHECK(render_one("{{x}}", data, Format::markdown) == "\\<b\\>a \\| b\\</b\\>");
    CHECK(render_one("{{x}}", data, Format::html) == "&lt;b&gt;a | b&lt;/b&gt;");
  }

  TEST_CASE("Mustache in a value is never expanded") {
    const json data = {{"said", "{{secret}} {{#list}}x{{/list}} {{> report.md}}"}, {"secret", "LEAK"},
                       {"list", json::array({1, 2})}};
    const std::string html = render_one("{{said}}", data, Format::html);
    CHECK(html == "{{secret}} {{#list}}x{{/list}} {{&gt; report.md}}");
    CHECK(html.find("LEAK") == std::string::npos);
    CHECK(render_one("{{#linkify}}{{said}}{{/linkify}}", data, Format::html).find("LEAK") == std::string::npos);
  }

  TEST_CASE("an empty value is false and never falls through to an outer one of the same name") {
    const json data = {{"name", "outer"}, {"items", json::array({json{{"name", ""}}, json{{"name", "inner"}}})}};
    CHECK(render_one("{{#items}}[{{name}}{{#name}}!{{/name}}]{{/items}}", data) == "[][inner!]");
  }

  TEST_CASE("a line holding only a section tag leaves no line; empty lines stay") {
    const std::string text = "a\n{{#f}}\nb\n{{/f}}\n\nc\n  {{^f}}\nnot f\n  {{/f}}\nd\n";
    CHECK(render_one(text, json{{"f", true}}) == "a\nb\n\nc\nd\n");
    CHECK(render_one(text, json{{"f", false}}) == "a\n\nc\nnot f\nd\n");
    CHECK(render_one("{{#f}}\n\nafter a blank\n{{/f}}\n", json{{"f", true}}) == "\nafter a blank\n");
  }

  TEST_CASE("{{#linkify}} makes only http, https and mailto URLs live") {
    const json data = {{"t", "see https://example.org/a_b and javascript:alert(1) <x>"}};
    CHECK(render_one("{{#linkify}}{{t}}{{/linkify}}", data, Format::html) ==
          "see <a href=\"https://example.org/a_b\">https://example.org/a_b</a> and javascript:alert(1) &lt;x&gt;");
    CHECK(render_one("{{#linkify}}{{t}}{{/linkify}}", data, Format::markdown) ==
          "see <https://example.org/a_b> and javascript:alert(1) \\<x\\>");
  }

  TEST_CASE("a broken template is an error naming its file") {
    const TemplateSet set = TemplateSet::from_texts(
        {{"report.md.mustache", "{{> part}}"}, {"part.mustache", "{{#open}} never closed"}});
    auto out = render(set, Format::markdown, json::object());
    REQUIRE_FALSE(out.has_value());
    CHECK(out.error().message.starts_with("template part.mustache: "));
    auto missing = render(TemplateSet::from_texts({}), Format::html, json::object());
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message == "template report.html.mustache is missing");
  }

  TEST_CASE("a template folder overrides built-in templates by name and adds partials") {
    TempFolder folder;
    folder.write("report.md.mustache", "Custom for {{who}}: {{> extra}}");
    folder.write("extra.mustache", "[{{who}}]\n");
    folder.write("notes.txt", "not a template");
    auto set = TemplateSet::with_overrides(folder.path);
    REQUIRE(set.has_value());
    CHECK(set->find("notes.txt") == nullptr);
    REQUIRE(set->find("report.html.mustache") != nullptr);
    CHECK(*set->find("report.html.mustache") == *TemplateSet::built_in().find("report.html.mustache"));
    auto out = render(*set, Format::markdown, json{{"who", "<Ann>"}});
    REQUIRE(out.has_value());
    CHECK(*out == "Custom for \\<Ann\\>: [\\<Ann\\>]\n");

    auto none = TemplateSet::with_overrides(folder.path / "missing");
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().message.find("is not a readable folder") != std::string::npos);
  }

  TEST_CASE("every file in templates/ is built in, and every built-in template is a file there") {
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(fs::path(WELLBEING_SOURCE_DIR) / "templates")) {
      if (entry.path().extension() == ".mustache") {
        files.insert(entry.path().filename().string());
      }
    }
    std::set<std::string> names(k_template_names.begin(), k_template_names.end());
    CHECK(files == names);
    const TemplateSet built_in = TemplateSet::built_in();
    for (std::string_view name : k_template_names) {
      CAPTURE(name);
      REQUIRE(built_in.find(name) != nullptr);
      CHECK_FALSE(built_in.find(name)->empty());
    }
  }
}
