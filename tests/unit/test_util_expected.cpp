#include <doctest/doctest.h>

#include <string>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/util/expected.hpp"
#include "wellbeing/util/failure.hpp"

using wellbeing::util::Expected;
using wellbeing::util::Failure;
using wellbeing::util::FailureKind;
using wellbeing::util::unexpected;

namespace {

Expected<int, Failure> parse_count(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return unexpected(Failure(FailureKind::io, "'" + text + "' is not a count"));
  }
  return std::stoi(text);
}

Expected<void, Failure> check_positive(int value) {
  if (value <= 0) {
    return unexpected(std::string("the count must be more than 0"));
  }
  return {};
}

}  // namespace

TEST_CASE("Expected holds a value or an error, and passes the error on") {
  const auto good = parse_count("12");
  REQUIRE(good);
  CHECK(*good == 12);
  CHECK(good.value_or(-1) == 12);

  const auto bad = parse_count("twelve");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "'twelve' is not a count");
  CHECK(bad.value_or(-1) == -1);

  // and_then runs the next step only on a value; the first error is the one that comes out.
  const auto doubled = parse_count("21").and_then([](int n) -> Expected<int, Failure> { return n * 2; });
  REQUIRE(doubled);
  CHECK(*doubled == 42);
  int calls = 0;
  const auto skipped = parse_count("x").and_then([&](int n) -> Expected<int, Failure> {
    ++calls;
    return n;
  });
  CHECK(calls == 0);
  REQUIRE_FALSE(skipped);
  CHECK(skipped.error().message == "'x' is not a count");

  // transform maps the value and keeps the error type.
  const auto text = parse_count("7").transform([](int n) { return std::to_string(n) + " people"; });
  REQUIRE(text);
  CHECK(*text == "7 people");
  CHECK_FALSE(parse_count("").transform([](int n) { return n; }));
}

TEST_CASE("Expected<void> is success or an error, and chains") {
  CHECK(check_positive(3));
  const auto refused = check_positive(0);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == FailureKind::io);  // plain words are an I/O failure by default
  CHECK(refused.error().message == "the count must be more than 0");

  const auto chained = parse_count("0").and_then(check_positive);
  REQUIRE_FALSE(chained);
  CHECK(chained.error().message == "the count must be more than 0");
  const auto then_value = check_positive(1).and_then([]() -> Expected<int, Failure> { return 5; });
  REQUIRE(then_value);
  CHECK(*then_value == 5);
  CHECK_FALSE(check_positive(-1).and_then([]() -> Expected<int, Failure> { return 5; }));
}

TEST_CASE("Expected carries located findings as Diagnostics") {
  wellbeing::Diagnostic finding;
  finding.message = "a ': ' is not allowed here";
  finding.location.line = 3;
  const Expected<int, wellbeing::Diagnostics> located = unexpected(wellbeing::Diagnostics{finding});
  REQUIRE_FALSE(located);
  REQUIRE(located.error().size() == 1);
  CHECK(located.error().front().location.line == 3);
}
