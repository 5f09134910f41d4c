// The floor of `validate`: yaml-cpp's event parser over each file with a handler that does nothing, the
// least any check built on yaml-cpp must do. The text is parsed where it was read, without a copy.
//
// Usage: wellbeing_event_parse FILE|FOLDER...   (a folder: its *.yaml files, recursively)
// Prints "files N bytes B failed F" (failed: files yaml-cpp rejects), exits 0.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "wellbeing/util/file.hpp"

namespace {

class Nothing final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void add_files(const std::filesystem::path& path, std::vector<std::filesystem::path>& files) {
  if (!std::filesystem::is_directory(path)) {
    files.push_back(path);
    return;
  }
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    add_files(argv[i], files);
  }
  std::size_t bytes = 0;
  std::size_t failed = 0;
  Nothing handler;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    bytes += text.size();
    wellbeing::util::ViewStream stream(text);
    try {
      YAML::Parser parser(stream);
      while (parser.HandleNextDocument(handler)) {
      }
    } catch (const YAML::Exception&) {
      ++failed;
    }
  }
  std::printf("files %zu bytes %zu failed %zu\n", files.size(), bytes, failed);
  return 0;
}
