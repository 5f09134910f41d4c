// The renderers of a record's trail and of blame, over versions built in memory (no repository needed).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wellbeing/history/render.hpp"

using namespace wellbeing;

namespace {

constexpr const char* k_before = "schema: wellbeing/v1\nperson:\n  id: p-0901\n  name: Ada Fenwick\n"
                                 "outcomes:\n  - id: o-1\n    status: open\n";
constexpr const char* k_after = "schema: wellbeing/v1\nperson:\n  id: p-0901\n  name: Ada Fenwick\n"
                                "outcomes:\n  - id: o-1\n    status: met\n";

history::CommitInfo commit(std::string id, std::string message, std::int64_t time) {
  history::CommitInfo info;
  info.id = id + std::string(40 - id.size(), '0');
  info.short_id = info.id.substr(0, 7);
  info.author = {"Sam Okafor", "sam@example.invalid", time, 60};
  info.committer = info.author;
  info.message = std::move(message);
  info.summary = info.message.substr(0, info.message.find('\n'));
  return info;
}

// The first version creates the record; the second meets its outcome and renames the file.
std::vector<history::FileVersion> versions() {
  history::FileVersion first;
  first.commit = commit("aaaa111", "Start Ada's record", 1'780'000'000);
  first.path = "records/ada.yaml";
  first.text = k_before;
  history::FileVersion second;
  second.commit = commit("bbbb222", "Outcome met\n\nAda is back at the allotment.", 1'781'000'000);
  second.path = "records/p-0901.yaml";
  second.old_path = "records/ada.yaml";
  second.old_text = k_before;
  second.parent_texts = {k_before};
  second.text = k_after;
  return {second, first};  // newest first, as record_history gives them
}

}  // namespace

TEST_SUITE("history render") {
  TEST_CASE("the trail as text: like git log, the changes indented under each commit") {
    const auto all = versions();
    const std::vector<history::Entry> entries = {history::trail_entry(all[0]), history::trail_entry(all[1])};
    REQUIRE(entries[0].error.empty());
    REQUIRE_FALSE(entries[0].changes.empty());
    const std::string text = history::render_trail_text(entries, false);
    CHECK(text.starts_with("commit bbbb222\nAuthor: Sam Okafor <sam@example.invalid>\nDate:   "));
    CHECK(text.find("File:   records/p-0901.yaml\nRenamed from records/ada.yaml\n") != std::string::npos);
    CHECK(text.find("\n    Outcome met\n    \n") == std::string::npos);  // blank message lines stay blank
    CHECK(text.find("\n    Ada is back at the allotment.\n") != std::string::npos);
    CHECK(text.find("open → met") != std::string::npos);
    CHECK(text.find("\ncommit aaaa111\n") != std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);
    CHECK(history::render_trail_text(entries, true).find("\x1b[33mcommit bbbb222") != std::string::npos);
  }

  TEST_CASE("a version that is not readable YAML says so instead of listing changes") {
    auto all = versions();
    all[0].text = "outcomes: [unclosed\n";
    const history::Entry broken = history::trail_entry(all[0]);
    CHECK(broken.changes.empty());
    CHECK(broken.error.starts_with("this version is not readable YAML (1:"));
    const std::string text = history::render_trail_text({broken}, false);
    CHECK(text.find("    (this version is not readable YAML (") != std::string::npos);
  }

  TEST_CASE("the trail as Markdown and JSON carry the same commits") {
    const auto all = versions();
    const std::vector<history::Entry> entries = {history::trail_entry(all[0]), history::trail_entry(all[1])};
    const std::string markdown = history::render_trail_markdown(entries, "records/p-0901.yaml");
    CHECK(markdown.starts_with("# Changes to records/p-0901.yaml\n\n## 2026-"));
    CHECK(markdown.find(": Outcome met\n\nBy Sam Okafor on ") != std::string::npos);
    CHECK(markdown.find(", commit `bbbb222`, renamed from records/ada.yaml to records/p-0901.yaml.\n") !=
          std::string::npos);
    CHECK(markdown.find("\n> Ada is back at the allotment.\n") != std::string::npos);

    const auto json = nlohmann::json::parse(history::render_trail_json(entries, "records/p-0901.yaml", "p-0901"));
    CHECK(json["version"] == 1);
    CHECK(json["person"] == "p-0901");
    REQUIRE(json["commits"].size() == 2);
    CHECK(json["commits"][0]["commit"] == all[0].commit.id);
    CHECK(json["commits"][0]["renamed_from"] == "records/ada.yaml");
    CHECK(json["commits"][0]["author"]["name"] == "Sam Okafor");
    CHECK(json["commits"][0]["date"].get<std::string>().ends_with("+01:00"));
    CHECK_FALSE(json["commits"][0]["changes"].empty());
    CHECK(json["commits"][1]["renamed_from"].is_null());
  }

  TEST_CASE("blame names the commit that changed a value, and what it was before") {
    const auto all = versions();
    const history::Blame blame = history::blame_value(k_after, all, "outcomes/o-1/status");
    REQUIRE(blame.version);
    CHECK(blame.version->commit.short_id == "bbbb222");
    const std::string text = history::render_blame_text(blame, "records/p-0901.yaml", "outcomes/o-1/status", false);
    CHECK(text.starts_with("records/p-0901.yaml outcomes/o-1/status: met\n  changed by Sam Okafor"));
    CHECK(text.find(" in bbbb222: Outcome met\n  before: open\n") != std::string::npos);
    CHECK(history::render_blame_markdown(blame, "records/p-0901.yaml", "outcomes/o-1/status")
              .starts_with("- **outcomes/o-1/status**: met. Changed by Sam Okafor on "));
    const auto json =
        nlohmann::json::parse(history::render_blame_json(blame, "records/p-0901.yaml", "outcomes/o-1/status"));
    CHECK(json["version"] == 1);
    CHECK(json["present"] == true);
    CHECK(json["value"] == "met");
    CHECK(json["previous"] == "open");
    CHECK(json["change"]["commit"] == all[0].commit.id);
  }

  TEST_CASE("blame of a path that was never there names no one, and suggests the nearest path") {
    const auto all = versions();
    const history::Blame never = history::blame_value(k_after, all, "outcomes/o-1/staus");
    CHECK_FALSE(never.value);
    CHECK_FALSE(never.version);
    CHECK(history::render_blame_text(never, "f.yaml", "outcomes/o-1/staus", false).find(" by ") == std::string::npos);
    CHECK(history::nearest_value_path(k_after, "outcomes/o-1/staus") == "outcomes/o-1/status");
    CHECK(history::nearest_value_path("[unclosed", "outcomes").empty());
  }
}
