#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wellbeing/summary/render.hpp"

using wellbeing::summary::csv_field;
using wellbeing::summary::csv_record;

TEST_SUITE("csv_field") {
  TEST_CASE("plain values are written as they are") {
    CHECK(csv_field("") == "");
    CHECK(csv_field("p-0001") == "p-0001");
    CHECK(csv_field("in_progress") == "in_progress");
    CHECK(csv_field("2026-11-22") == "2026-11-22");
    CHECK(csv_field("42") == "42");
    CHECK(csv_field("café über") == "café über");
    CHECK(csv_field("a = b + c - d @ e") == "a = b + c - d @ e");  // triggers only matter at the start
  }

  TEST_CASE("commas, quotes and line breaks are quoted, with quotes doubled (RFC 4180)") {
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("\"") == "\"\"\"\"");
    CHECK(csv_field("one\ntwo") == "\"one\ntwo\"");
    CHECK(csv_field("one\r\ntwo") == "\"one\r\ntwo\"");
  }

  TEST_CASE("a value a spreadsheet would run as a formula gets a leading quote mark and is quoted") {
    CHECK(csv_field("=1+1") == "\"'=1+1\"");
    CHECK(csv_field("+1") == "\"'+1\"");
    CHECK(csv_field("-2") == "\"'-2\"");
    CHECK(csv_field("@SUM(A1:A2)") == "\"'@SUM(A1:A2)\"");
    CHECK(csv_field("\t=1") == "\"'\t=1\"");
    CHECK(csv_field("\r=1") == "\"'\r=1\"");
    CHECK(csv_field("\n=1") == "\"'\n=1\"");
    CHECK(csv_field("=HYPERLINK(\"http://example.invalid\",\"x\")") ==
          "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"");
    CHECK(csv_field("-") == "\"'-\"");
  }
}

TEST_SUITE("csv_record") {
  TEST_CASE("fields are joined by commas and the record ends with CRLF") {
    CHECK(csv_record({"a", "b,c", "=d"}) == "a,\"b,c\",\"'=d\"\r\n");
    CHECK(csv_record({}) == "\r\n");
    CHECK(csv_record({"", ""}) == ",\r\n");
  }
}
