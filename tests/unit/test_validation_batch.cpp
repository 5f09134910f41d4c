// Walking command-line paths into files, and checking many files on several threads.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "temp_folder.hpp"
#include "wellbeing/validation/batch.hpp"

using namespace wellbeing;
using wellbeing::test::TempFolder;
namespace fs = std::filesystem;

namespace {

// The paths `inputs` found, relative to `root`.
std::vector<std::string> relative(const std::vector<std::string>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const std::string& file : files) {
    out.push_back(fs::path(file).lexically_relative(root).generic_string());
  }
  return out;
}

// A check that reports the document's `id` value as one info finding, so a result names its file's text.
Diagnostics report_id(const document::Document& document) {
  const document::Node* id = document.root.find("id");
  return {Diagnostic{Severity::info, "test", id ? id->as_string() : "no id", Location{document.path, 1, 1}, {}, {}}};
}

}  // namespace

TEST_SUITE("validation::collect_inputs") {
  TEST_CASE("a folder is walked for YAML files, sorted, skipping hidden files and folders") {
    TempFolder folder;
    folder.write("records/b.yaml", "id: b\n");
    folder.write("records/a.yml", "id: a\n");
    folder.write("records/sub/c.yaml", "id: c\n");
    folder.write("records/notes.txt", "not YAML\n");
    folder.write("records/.hidden.yaml", "id: hidden\n");
    folder.write("records/.git/d.yaml", "id: in git\n");
    folder.write("records/.drafts/e.yaml", "id: draft\n");
    const validation::Inputs inputs = validation::collect_inputs({(folder.path / "records").string()});
    CHECK(inputs.problems.empty());
    CHECK(relative(inputs.files, folder.path) ==
          std::vector<std::string>{"records/a.yml", "records/b.yaml", "records/sub/c.yaml"});
  }

  TEST_CASE("files keep the order and form they were given in; '-' is standard input") {
    TempFolder folder;
    const fs::path z = folder.write("z.yaml", "id: z\n");
    const fs::path a = folder.write("a.yaml", "id: a\n");
    const fs::path text = folder.write("notes.txt", "id: notes\n");
    const validation::Inputs inputs = validation::collect_inputs({z.string(), "-", a.string(), text.string()});
    CHECK(inputs.problems.empty());
    CHECK(inputs.files == std::vector<std::string>{z.string(), "-", a.string(), text.string()});
  }

  TEST_CASE("a missing path is an io problem naming it, and the other paths are still taken") {
    TempFolder folder;
    const fs::path a = folder.write("a.yaml", "id: a\n");
    const std::string missing = (folder.path / "missing.yaml").string();
    const validation::Inputs inputs = validation::collect_inputs({missing, a.string()});
    CHECK(inputs.files == std::vector<std::string>{a.string()});
    REQUIRE(inputs.problems.size() == 1);
    CHECK(inputs.problems[0].rule == "io");
    CHECK(inputs.problems[0].location.file == missing);
    CHECK(inputs.problems[0].message == "no such file or folder");
  }
}

TEST_SUITE("validation::check_files") {
  TEST_CASE("results come back in the order of the paths with two threads") {
    TempFolder folder;
    std::vector<std::string> files;
    for (int i = 0; i < 40; ++i) {
      // Sizes differ so that the threads finish out of order.
      const std::string id = "p-" + std::to_string(i);
      files.push_back(folder.write(id + ".yaml", "id: " + id + "\n" + std::string((i % 7) * 20000, '#') + "\n").string());
    }
    const auto results = validation::check_files(files, report_id, 2);
    REQUIRE(results.size() == files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      CAPTURE(i);
      CHECK(results[i].path == files[i]);
      CHECK(results[i].readable);
      REQUIRE(results[i].diagnostics.size() == 1);
      CHECK(results[i].diagnostics[0].message == "p-" + std::to_string(i));
    }
  }

  TEST_CASE("an unreadable file is reported as unreadable, a file that does not parse as its parse errors") {
    TempFolder folder;
    const std::string good = folder.write("good.yaml", "id: good\n").string();
    const std::string broken = folder.write("broken.yaml", "id: [\n").string();
    const std::string missing = (folder.path / "gone.yaml").string();
    const std::string locked = folder.write("locked.yaml", "id: locked\n").string();
    fs::permissions(locked, fs::perms::none);
    const bool can_lock = ::access(locked.c_str(), R_OK) != 0;  // root reads everything

    const auto results = validation::check_files({missing, good, broken, locked}, report_id, 2);
    REQUIRE(results.size() == 4);

    CHECK(results[0].path == missing);
    CHECK_FALSE(results[0].readable);
    CHECK(results[0].source == nullptr);
    REQUIRE(results[0].diagnostics.size() == 1);
    CHECK(results[0].diagnostics[0].rule == "io");
    CHECK(results[0].diagnostics[0].location.file == missing);

    CHECK(results[1].readable);
    CHECK(results[1].diagnostics.at(0).message == "good");

    CHECK(results[2].readable);
    REQUIRE(results[2].source != nullptr);
    CHECK(*results[2].source == "id: [\n");
    REQUIRE_FALSE(results[2].diagnostics.empty());
    CHECK(results[2].diagnostics[0].rule == "yaml");

    if (can_lock) {
      CHECK_FALSE(results[3].readable);
      CHECK(results[3].diagnostics.at(0).rule == "io");
    }
    fs::permissions(locked, fs::perms::owner_all);
  }

  TEST_CASE("each result reaches the sink in order while later files are still to be checked") {
    TempFolder folder;
    std::vector<std::string> files;
    for (int i = 0; i < 200; ++i) {
      const std::string id = "p-" + std::to_string(i);
      files.push_back(folder.write(id + ".yaml", "id: " + id + "\n" + std::string((i % 5) * 4000, '#') + "\n").string());
    }
    std::atomic<std::size_t> checked{0};
    std::atomic<std::size_t> most_ahead{0};
    std::atomic<std::size_t> received{0};
    const validation::Check counting = [&](const document::Document& document) {
      const std::size_t ahead = ++checked - received;
      std::size_t seen = most_ahead.load();
      while (ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead)) {
      }
      return report_id(document);
    };
    validation::check_files(files, counting, 2, [&](validation::FileResult&& result) {
      REQUIRE(result.path == files[received]);
      REQUIRE(result.diagnostics.size() == 1);
      CHECK(result.diagnostics[0].message == "p-" + std::to_string(received));
      ++received;
    });
    CHECK(received.load() == files.size());
    // Two threads run at most eight files ahead of the sink (and one each in hand), never the whole list.
    CHECK(most_ahead.load() <= 10);
  }
}
