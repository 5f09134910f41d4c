// Hostile input: the parser must answer every byte string with a tree or located errors, never a crash,
// a hang or an exception. Mutations are deterministic (a fixed seed), so a failure reproduces.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

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

// 5000 keys, each an anchored flow list of two numbers.
std::string many_anchors() {
  std::string text;
  for (int i = 0; i < 5000; ++i) {
    text += "k" + std::to_string(i) + ": &a" + std::to_string(i) + " [1, 2]\n";
  }
  return text;
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

  // Each shape is refused by the rule or limit it breaks, at the place it breaks it: the parser stops there,
  // so what it builds is bounded by the limit, not by the input (the error's place shows where it stopped).
  // yaml-cpp's scanner may still read ahead through a run of brackets before the first event, so a
  // generous clock bound backs this up (these shapes took minutes once; they now take milliseconds).
  TEST_CASE("pathological shapes are refused where they cross a limit") {
    const auto refused = [](const std::string& text, const wellbeing::document::ParseOptions& options = {}) {
      const auto start = std::chrono::steady_clock::now();
      auto result = wellbeing::document::parse(text, "hostile.yaml", options);
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
      REQUIRE_FALSE(result.has_value());
      REQUIRE(result.error().size() == 1);
      const wellbeing::Diagnostic& error = result.error().front();
      CHECK(error.rule == "yaml");
      CHECK(error.location.file == "hostile.yaml");
      return fmt::format("{}:{}: {}", error.location.line, error.location.column, error.message);
    };

    // yaml-cpp reads an unclosed run of brackets as the key of an implicit mapping entry.
    CHECK(refused(std::string(50000, '[')) == "1:1: a mapping key must be a plain value, not a list or mapping");
    CHECK(refused(std::string(50000, '{')) == "1:1: a mapping key must be a plain value, not a list or mapping");
    std::string deep_block;
    for (int i = 0; i < 20000; ++i) {
      deep_block += "- ";
    }
    CHECK(refused(deep_block + "x") == "1:201: nesting is deeper than 100 levels");
    CHECK(refused("a: " + std::string(17 << 20, 'x') + "\n") ==
          "0:0: the file is 17825796 bytes, more than the limit of 16777216 bytes");

    CHECK(refused(many_anchors(), {.max_nodes = 10'000}) ==
          "2500:19: the document expands to more than 10000 values (through aliases, or sheer size); refusing to go on");

    std::string deep_alias = "a0: &a0 [x]\n";
    for (int i = 1; i < 60; ++i) {
      deep_alias += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
                    std::to_string(i - 1) + "]\n";
    }
    CHECK(refused(deep_alias) ==
          "18:6: the document expands to more than 1000000 values (through aliases, or sheer size); refusing to go on");
  }

  TEST_CASE("long but harmless shapes parse to what they hold") {
    const auto start = std::chrono::steady_clock::now();
    auto scalar = wellbeing::document::parse("a: " + std::string(1 << 20, 'x') + "\n", "long.yaml");
    REQUIRE(scalar.has_value());
    CHECK(scalar->root.find("a")->as_string() == std::string(1 << 20, 'x'));

    auto dashes = wellbeing::document::parse(std::string(20000, '-') + " x", "dashes.yaml");
    REQUIRE(dashes.has_value());
    CHECK(dashes->root.as_string() == std::string(20000, '-') + " x");

    auto blank = wellbeing::document::parse(std::string(100000, '\n'), "blank.yaml");
    REQUIRE(blank.has_value());
    CHECK(blank->root.is_null());

    auto anchors = wellbeing::document::parse(many_anchors(), "anchors.yaml");
    REQUIRE(anchors.has_value());
    CHECK(anchors->root.size() == 5000);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  }
}
