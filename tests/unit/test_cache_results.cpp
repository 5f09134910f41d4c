// The results cache: what a file's results are kept by, and entries that cannot be read.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "temp_folder.hpp"
#include "wellbeing/cache/results.hpp"

using namespace wellbeing;
using wellbeing::test::TempFolder;
namespace fs = std::filesystem;

namespace {

Diagnostics findings(const std::string& path) {
  return {Diagnostic{Severity::warning, "WB012", "no voice: \"quoted\"\nand a new line", Location{path, 3, 7}, "/person",
                     ""},
          Diagnostic{Severity::error, "schema", "unknown key 'staus'", Location{path, 9, 1}, "/areas/health", "additionalProperties"}};
}

}  // namespace

TEST_SUITE("cache::ResultCache") {
  TEST_CASE("results come back for the same path, text and scope, and not when any of them changes") {
    TempFolder folder;
    const fs::path settings = folder.write("wellbeing.yaml", "schema: wellbeing-config/v1\n");
    const cache::Scope today = cache::scope_for(settings, "as-of 2026-11-22");
    const cache::Scope tomorrow = cache::scope_for(settings, "as-of 2026-11-23");
    CHECK(today.folder == settings.parent_path() / ".wellbeing" / "cache");
    const cache::Scope* scope = &today;
    const cache::ResultCache results([&](const std::string&) { return scope; });

    CHECK_FALSE(results.find("records/p-0001.yaml", "text").has_value());
    results.keep("records/p-0001.yaml", "text", findings("records/p-0001.yaml"));
    const auto found = results.find("records/p-0001.yaml", "text");
    REQUIRE(found.has_value());
    CHECK(*found == findings("records/p-0001.yaml"));
    CHECK(results.hits() == 1);

    CHECK_FALSE(results.find("records/p-0001.yaml", "text changed").has_value());
    CHECK_FALSE(results.find("records/p-0002.yaml", "text").has_value());
    scope = &tomorrow;
    CHECK_FALSE(results.find("records/p-0001.yaml", "text").has_value());

    folder.write("wellbeing.yaml", "schema: wellbeing-config/v1\nrules: {}\n");
    const cache::Scope other_settings = cache::scope_for(settings, "as-of 2026-11-22");
    scope = &other_settings;
    CHECK_FALSE(results.find("records/p-0001.yaml", "text").has_value());
    CHECK(results.hits() == 1);
  }

  TEST_CASE("a damaged entry counts as none and is written again") {
    TempFolder folder;
    const fs::path settings = folder.write("wellbeing.yaml", "schema: wellbeing-config/v1\n");
    const cache::Scope scope = cache::scope_for(settings, "");
    const cache::ResultCache results([&](const std::string&) { return &scope; });
    results.keep("a.yaml", "text", findings("a.yaml"));
    for (const std::string damage : {"", "{\"format\":1,\"key\":", "[1,2,3]", "{\"format\":1,\"key\":\"other\",\"diagnostics\":[]}"}) {
      CAPTURE(damage);
      for (const auto& entry : fs::recursive_directory_iterator(scope.folder)) {
        if (entry.is_regular_file()) {
          folder.write(entry.path().lexically_relative(folder.path), damage);
        }
      }
      CHECK_FALSE(results.find("a.yaml", "text").has_value());
      results.keep("a.yaml", "text", findings("a.yaml"));
      CHECK(results.find("a.yaml", "text") == findings("a.yaml"));
    }
  }

  TEST_CASE("files with no scope, or a scope with no folder, are not kept") {
    const cache::Scope nowhere{{}, "x"};
    const cache::ResultCache none([&](const std::string& path) { return path == "a.yaml" ? nullptr : &nowhere; });
    none.keep("a.yaml", "text", {});
    none.keep("b.yaml", "text", {});
    CHECK_FALSE(none.find("a.yaml", "text").has_value());
    CHECK_FALSE(none.find("b.yaml", "text").has_value());
  }
}
