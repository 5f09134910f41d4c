// Hostile input: the parser must answer every byte string with a tree or located errors, never a crash,
// a hang or an exception. Mutations are deterministic (a fixed seed), so a failure reproduces.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"

namespace {

std::string read_example(int person) {
  const auto path = std::filesystem::path(WELLBEING_SOURCE_DIR) / "examples/records" /
                    ("p-000" + std::to_string(person) + ".yaml");
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Returns true when every error has a line within the text (or 0 for whole-file errors).
bool parse_is_sane(const std::string& text) {
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 2);
  auto result = wellbeing::document::parse(text, "fuzz.yaml");
  if (result) {
    return true;
  }
  return !result.error().empty() && std::all_of(result.error().begin(), result.error().end(), [&](const auto& d) {
    return d.rule == "yaml" && d.location.line <= lines && !d.message.empty();
  });
}

}  // namespace

TEST_SUITE("Parser") {
  TEST_CASE("mutated records parse or fail with located errors, never crash") {
    const std::string pieces[] = {"[", "]", "{", "}", ":", "- ", "&a ", "*a", "!!", "\"", "'", "|", ">",
                                  "#", "\n", "\t", "? ", "---\n", "%YAML 1.2\n", "\xC3", "\xEF\xBB\xBF", "~"};
    std::mt19937 random(20261122);
    int parsed = 0;
    int rejected = 0;
    for (int person = 1; person <= 6; ++person) {
      const std::string original = read_example(person);
      for (int round = 0; round < 150; ++round) {
        std::string text = original;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
          const std::size_t at = random() % (text.size() + 1);
          switch (random() % 3) {
            case 0:
              text.insert(at, pieces[random() % std::size(pieces)]);
              break;
            case 1:
              text.erase(at, random() % 8);
              break;
            default:
              if (at < text.size()) {
                text[at] = static_cast<char>(random() % 256);
              }
          }
        }
        CAPTURE(person);
        CAPTURE(round);
        const bool sane = parse_is_sane(text);
        CHECK(sane);
        (wellbeing::document::parse(text, "fuzz.yaml") ? parsed : rejected)++;
      }
    }
    // Both paths were exercised.
    CHECK(parsed > 0);
    CHECK(rejected > 0);
  }

  TEST_CASE("pathological shapes are refused quickly") {
    CHECK(parse_is_sane(std::string(50000, '[')));
    CHECK(parse_is_sane(std::string(50000, '{')));
    CHECK(parse_is_sane(std::string(20000, '-') + " x"));
    CHECK(parse_is_sane("a: " + std::string(1 << 20, 'x') + "\n"));
    CHECK(parse_is_sane(std::string(100000, '\n')));
    std::string many_anchors;
    for (int i = 0; i < 5000; ++i) {
      many_anchors += "k" + std::to_string(i) + ": &a" + std::to_string(i) + " [1, 2]\n";
    }
    CHECK(parse_is_sane(many_anchors));
    std::string deep_alias = "a0: &a0 [x]\n";
    for (int i = 1; i < 60; ++i) {
      deep_alias += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
                    std::to_string(i - 1) + "]\n";
    }
    auto result = wellbeing::document::parse(deep_alias, "bomb.yaml");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().front().message.find("expands to more than") != std::string::npos);
  }
}
