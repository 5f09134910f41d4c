#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "wellbeing/util/expected.hpp"

namespace wellbeing::report {

enum class Format { markdown, html };

// The built-in templates, by file name. report.md.mustache and report.html.mustache are the entry points;
// the others are partials ({{> report.css}} names report.css.mustache).
extern const std::vector<std::string_view> k_template_names;

// The entry template of a format: "report.md.mustache" or "report.html.mustache".
std::string_view entry_template(Format format);

// The provider report's entry template of a format: "provider.md.mustache" or "provider.html.mustache".
std::string_view provider_template(Format format);

// A set of Mustache templates by file name: the built-in ones (embedded in the binary), any of which a
// folder of *.mustache files can override, and to which it can add partials of its own.
class TemplateSet {
 public:
  // The built-in templates.
  static TemplateSet built_in();

  // The built-in templates, with each *.mustache file in `folder` replacing the one of the same name or
  // adding a partial. Fails with a message when the folder or a file cannot be read.
  static util::Expected<TemplateSet, util::Failure> with_overrides(const std::filesystem::path& folder);

  // Exactly these templates (file name → text), without the built-in ones.
  static TemplateSet from_texts(std::map<std::string, std::string, std::less<>> templates);

  // The text of the template with this file name, or nullptr.
  const std::string* find(std::string_view name) const;

  const std::map<std::string, std::string, std::less<>>& all() const { return m_templates; }

 private:
  std::map<std::string, std::string, std::less<>> m_templates;
};

// Renders the entry template of `format` with `data` (see build_report_data). Values are escaped by the
// format's escaper: util::escape_markup for HTML, escape_markdown for Markdown; {{#linkify}}…{{/linkify}} makes
// http, https and mailto URLs in its (escaped) content live links. Partials are the other templates, by
// name without ".mustache". Fails with a message naming the template when a template is not valid Mustache.
util::Expected<std::string, util::Failure> render(const TemplateSet& templates, Format format,
                                                const nlohmann::ordered_json& data);
// The same with another entry template (`entry_name`, such as provider_template(format)).
util::Expected<std::string, util::Failure> render(const TemplateSet& templates, Format format,
                                                const nlohmann::ordered_json& data, std::string_view entry_name);

}  // namespace wellbeing::report
