// Parsing speed: our event-built located tree against yaml-cpp's YAML::Node, on the same text in the same
// run, so the figure is a ratio that does not depend on the machine.
//
// Usage: wellbeing_parse_bench [FILE] [ROUNDS]   (default: the example records concatenated to ~60 KB)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "wellbeing/document/parser.hpp"

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A record-shaped document of about 60 KB: the example records as a list under one key each.
std::string sample_text() {
  std::string text;
  int copy = 0;
  while (text.size() < 60 * 1024) {
    for (int person = 1; person <= 6 && text.size() < 60 * 1024; ++person) {
      const std::string record =
          read(std::filesystem::path(WELLBEING_SOURCE_DIR) / "examples/records" /
               ("p-000" + std::to_string(person) + ".yaml"));
      text += "copy_" + std::to_string(copy++) + ":\n";
      std::istringstream lines(record);
      for (std::string line; std::getline(lines, line);) {
        text += "  " + line + "\n";
      }
    }
  }
  return text;
}

// The median time of `rounds` runs of `work`, in microseconds.
double median_micros(int rounds, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::size_t count_nodes(const YAML::Node& node) {
  std::size_t count = 1;
  if (node.IsSequence() || node.IsMap()) {
    for (const auto& child : node) {
      count += node.IsMap() ? count_nodes(child.second) : count_nodes(child);
    }
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? read(argv[1]) : sample_text();
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 41;

  std::size_t sink = 0;
  const double ours = median_micros(rounds, [&] {
    auto result = wellbeing::document::parse(text, "bench.yaml");
    sink += result ? result->root.size() : 0;
  });
  const double yaml_node = median_micros(rounds, [&] {
    const YAML::Node root = YAML::Load(text);
    sink += root.size();
  });
  // A fair comparison also walks the YAML::Node tree (our tree is complete once built).
  const double yaml_node_walked = median_micros(rounds, [&] {
    const YAML::Node root = YAML::Load(text);
    sink += count_nodes(root);
  });

  std::printf("input: %zu bytes, %d rounds (median)\n", text.size(), rounds);
  std::printf("YAML::Load                       %9.0f us  (reference, 1.00)\n", yaml_node);
  std::printf("YAML::Load + walk                %9.0f us  (%.2f x reference)\n", yaml_node_walked,
              yaml_node_walked / yaml_node);
  std::printf("wellbeing::document::parse       %9.0f us  (%.2f x reference)\n", ours, ours / yaml_node);
  return sink == 0 ? 1 : 0;
}
