#include <string>

#include <doctest/doctest.h>

#include "wellbeing/util/escape.hpp"

using namespace wellbeing::util;

TEST_SUITE("util::escape") {
  TEST_CASE("escape_markdown escapes what would start or end markup") {
    struct Row {
      const char* text;
      const char* escaped;
    };
    const Row rows[] = {
        {"a | b", "a \\| b"},
        {"[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
        {"<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"},
        {"*b* _i_ `c` \\", "\\*b\\* \\_i\\_ \\`c\\` \\\\"},
        {"{{mustache}}", "\\{\\{mustache\\}\\}"},
        {"$x$ @cite ^s^ ~t~ &amp; !", "\\$x\\$ \\@cite \\^s\\^ \\~t\\~ \\&amp; \\!"},
        {"# heading", "\\# heading"},
        {"end #", "end \\#"},
        {"- item", "\\- item"},
        {"+ item", "\\+ item"},
        {"= underline", "\\= underline"},
        {": definition", "\\: definition"},
        {"1. first", "1\\. first"},
        {"12) first", "12\\) first"},
        {"2026 was a year", "2026 was a year"},
        {"a - b", "a - b"},
        {"Tea: then we talk.", "Tea: then we talk."},
        {"café – naïve", "café – naïve"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CHECK(escape_markdown(row.text) == row.escaped);
    }
  }

  TEST_CASE("escape_markdown keeps a value on one line, without surrounding spaces") {
    CHECK(escape_markdown("line one\nline two") == "line one line two");
    CHECK(escape_markdown("a\r\nb\rc\td") == "a  b c d");
    CHECK(escape_markdown("x\n# not a heading\n- not a list\n| c | d |") ==
          "x \\# not a heading - not a list \\| c \\| d \\|");
    CHECK(escape_markdown("    indented code?") == "indented code?");
    CHECK(escape_markdown("\n- after a line break") == "\\- after a line break");
    CHECK(escape_markdown(" \n\t ") == "");
    CHECK(escape_markdown("") == "");
  }

  TEST_CASE("yaml_double_quoted writes a double-quoted scalar, naming the common control characters") {
    CHECK(yaml_double_quoted("plain") == "\"plain\"");
    CHECK(yaml_double_quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(yaml_double_quoted("a\nb\tc\rd\x01\x7f") == "\"a\\nb\\tc\\rd\\x01\\x7F\"");
    CHECK(yaml_double_quoted("café") == "\"café\"");
  }

  TEST_CASE("terminal_safe escapes line breaks, control characters and bidirectional controls, and keeps the rest") {
    CHECK(terminal_safe("plain café, a backslash \\n") == "plain café, a backslash \\n");
    CHECK(terminal_safe("tab\there") == "tab\\there");
    CHECK(terminal_safe("red \x1b[31mtext") == "red \\x1B[31mtext");
    CHECK(terminal_safe("one\ntwo\r\x7f") == "one\\ntwo\\r\\x7F");
    CHECK(terminal_safe("a\xC2\x9B" "b") == "a\\u009Bb");                          // C1 CSI
    CHECK(terminal_safe("id \xE2\x80\xAE" "cba") == "id \\u202Ecba");              // RIGHT-TO-LEFT OVERRIDE
    CHECK(terminal_safe("\xE2\x80\xAA\xE2\x80\xAD") == "\\u202A\\u202D");      // embedding, override
    CHECK(terminal_safe("\xE2\x81\xA6x\xE2\x81\xA9") == "\\u2066x\\u2069");       // isolates
    CHECK(terminal_safe("\xE2\x80\x8F\xD8\x9C") == "\\u200F\\u061C");             // marks
    CHECK(terminal_safe("a\xE2\x80\xA8" "b") == "a\\u2028b");                     // LINE SEPARATOR
    CHECK(terminal_safe("\xE2\x80\x94 \xE2\x80\x99 \xE2\x81\xA0") == "\xE2\x80\x94 \xE2\x80\x99 \xE2\x81\xA0");
    CHECK(terminal_safe("\xC2\xA0") == "\xC2\xA0");                                 // no-break space
    CHECK(terminal_safe(std::string("\0", 1)) == "\\x00");
  }
}
