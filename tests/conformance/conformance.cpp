// JSON Schema draft-07 conformance: runs the JSON-Schema-Test-Suite (Debian's json-schema-test-suite)
// through our validator, then meta-validates the project's own schemas against the draft-07 meta-schema.
//
//   wellbeing_conformance SUITE_ROOT [SCHEMAS_DIR]
//
// Every test must agree with its expected `valid` both through is_valid() and through validate()
// (no diagnostics exactly when valid). Prints each failure, then "passed N of M"; exits 1 if any failed.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/schema/embedded.hpp"
#include "wellbeing/schema/validator.hpp"

namespace {

namespace fs = std::filesystem;
using wellbeing::Diagnostics;
using wellbeing::document::Document;
using wellbeing::document::Node;
using wellbeing::schema::CompileOptions;
using wellbeing::schema::Validator;

struct Tally {
  std::size_t passed = 0;
  std::size_t total = 0;
};

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    std::cout << fmt::format("    {}:{}:{}: {} [{}] {} {}\n", d.location.file, d.location.line, d.location.column,
                             d.message, d.rule, d.pointer, d.keyword);
  }
}

// yaml-cpp rejects a JSON surrogate pair ("\\uD83D\\uDCA9") as invalid Unicode, so the runner writes each
// pair as the UTF-8 character it stands for before parsing.
std::string join_surrogate_pairs(const std::string& text) {
  auto hex4 = [&](std::size_t at) -> long {
    if (at + 4 > text.size()) {
      return -1;
    }
    const std::string digits = text.substr(at, 4);
    if (!std::all_of(digits.begin(), digits.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      return -1;
    }
    return std::stol(digits, nullptr, 16);
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    const long high = text[i + 1] == 'u' ? hex4(i + 2) : -1;
    const long low = high >= 0xD800 && high <= 0xDBFF && text.compare(i + 6, 2, "\\u") == 0 ? hex4(i + 8) : -1;
    if (low < 0xDC00 || low > 0xDFFF) {
      out += text[i];
      out += text[i + 1];  // keep any escape, including "\\\\", whole
      ++i;
      continue;
    }
    const long code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
    i += 11;
  }
  return out;
}

wellbeing::document::ParseResult read_json(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    return wellbeing::util::unexpected(Diagnostics{wellbeing::Diagnostic{
        wellbeing::Severity::error, "io", "cannot open the file", {file.string(), 0, 0}, "", ""}});
  }
  const std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  return wellbeing::document::parse(join_surrogate_pairs(text), file.string());
}

std::string text_of(const Node* node) { return node && node->is_string() ? node->as_string() : std::string("?"); }

void run_file(const fs::path& file, const std::string& name, const CompileOptions& options, Tally& tally) {
  auto parsed = read_json(file);
  if (!parsed) {
    ++tally.total;
    std::cout << fmt::format("FAIL {}: cannot read the test file\n", name);
    print_diagnostics(parsed.error());
    return;
  }
  for (const Node& group : parsed->root.items()) {
    const std::string group_name = text_of(group.find("description"));
    const Node* schema = group.find("schema");
    const Node* tests = group.find("tests");
    if (!schema || !tests) {
      ++tally.total;
      std::cout << fmt::format("FAIL {}: {}: malformed test group\n", name, group_name);
      continue;
    }
    auto validator = Validator::compile(Document{file.string(), parsed->source, *schema}, options);
    for (const Node& test : tests->items()) {
      ++tally.total;
      const std::string test_name = text_of(test.find("description"));
      const Node* data = test.find("data");
      const Node* valid = test.find("valid");
      if (!data || !valid || !valid->is_bool()) {
        std::cout << fmt::format("FAIL {}: {}: {}: malformed test\n", name, group_name, test_name);
        continue;
      }
      if (!validator) {
        std::cout << fmt::format("FAIL {}: {}: {}: the schema does not compile\n", name, group_name, test_name);
        print_diagnostics(validator.error());
        continue;
      }
      const bool expected = valid->as_bool();
      const bool fast = validator->is_valid(*data);
      const Diagnostics diagnostics = validator->validate(Document{file.string(), parsed->source, *data});
      if (fast == expected && diagnostics.empty() == expected) {
        ++tally.passed;
        continue;
      }
      std::cout << fmt::format("FAIL {}: {}: {}: expected {}, is_valid says {}, validate gives {} diagnostics\n", name,
                               group_name, test_name, expected ? "valid" : "invalid", fast ? "valid" : "invalid",
                               diagnostics.size());
      print_diagnostics(diagnostics);
    }
  }
}

// Each of the project's schemas must be a valid draft-07 schema (by our validator and the embedded
// meta-schema) and must compile.
void check_project_schemas(const fs::path& folder, Tally& tally) {
  auto meta_document =
      wellbeing::document::parse(std::string(wellbeing::schema::embedded_schema(wellbeing::schema::k_draft07_schema)),
                                 std::string(wellbeing::schema::k_draft07_schema));
  auto meta = meta_document ? Validator::compile(*meta_document) : wellbeing::util::unexpected(meta_document.error());
  std::vector<fs::path> files;
  std::error_code code;
  for (const auto& entry : fs::directory_iterator(folder, code)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    ++tally.total;
    const std::string name = fmt::format("schemas/{}", file.filename().string());
    if (!meta) {
      std::cout << fmt::format("FAIL {}: the draft-07 meta-schema does not compile\n", name);
      print_diagnostics(meta.error());
      continue;
    }
    auto parsed = wellbeing::document::parse_file(file, file.string());
    if (!parsed) {
      std::cout << fmt::format("FAIL {}: cannot read the schema\n", name);
      print_diagnostics(parsed.error());
      continue;
    }
    const Diagnostics problems = meta->validate(*parsed);
    if (!problems.empty() || !meta->is_valid(parsed->root)) {
      std::cout << fmt::format("FAIL {}: not a valid draft-07 schema\n", name);
      print_diagnostics(problems);
      continue;
    }
    CompileOptions options;
    options.base_directory = folder;
    auto compiled = Validator::compile(*parsed, options);
    if (!compiled) {
      std::cout << fmt::format("FAIL {}: does not compile\n", name);
      print_diagnostics(compiled.error());
      continue;
    }
    ++tally.passed;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: wellbeing_conformance SUITE_ROOT [SCHEMAS_DIR]\n";
    return 2;
  }
  const fs::path suite = argv[1];
  const fs::path draft7 = suite / "tests" / "draft7";
  std::vector<fs::path> files;
  std::error_code code;
  for (const auto& entry : fs::directory_iterator(draft7, code)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  if (files.empty()) {
    std::cerr << fmt::format("wellbeing_conformance: no test files in {}\n", draft7.string());
    return 2;
  }
  std::sort(files.begin(), files.end());
  for (const char* format : {"date", "date-time", "time"}) {
    files.push_back(draft7 / "optional" / "format" / fmt::format("{}.json", format));
  }

  CompileOptions options;
  options.uri_folders["http://localhost:1234/"] = suite / "remotes";
  Tally tally;
  for (const fs::path& file : files) {
    run_file(file, file.lexically_relative(draft7).generic_string(), options, tally);
  }
  if (argc == 3) {
    check_project_schemas(argv[2], tally);
  }
  std::cout << fmt::format("passed {} of {}\n", tally.passed, tally.total);
  return tally.passed == tally.total ? 0 : 1;
}
