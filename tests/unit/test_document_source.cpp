// The source-text model: marks and byte offsets, lines, blocks.
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "wellbeing/document/source.hpp"

using wellbeing::document::Mark;
using wellbeing::document::SourceText;

TEST_SUITE("document::SourceText") {
  TEST_CASE("marks become byte offsets, counting characters and skipping a byte order mark") {
    const std::string text = "\xEF\xBB\xBF" "a: caf\xC3\xA9 x\n";
    const SourceText source(text);
    CHECK(source.offset({1, 1}) == 3);
    CHECK(source.offset({1, 9}) == 3 + 9);  // "a: café " is 8 characters, 9 bytes
    CHECK(source.line(1) == "a: caf\xC3\xA9 x");  // the line starts after the byte order mark
    CHECK(source.offset({9, 1}) == text.size());
  }

  TEST_CASE("byte offsets become marks, the inverse of offset") {
    const std::string text = "a: 1\nb: caf\xC3\xA9 x\n";
    const SourceText source(text);
    CHECK(source.mark_at(0) == Mark{1, 1});
    CHECK(source.mark_at(5) == Mark{2, 1});
    CHECK(source.mark_at(13) == Mark{2, 8});  // after "b: café"
    CHECK(source.offset(source.mark_at(13)) == 13);
    CHECK(source.mark_at(text.size()) == Mark{3, 1});
    // An all-ASCII text counts bytes as characters; the same line with one accent counts one less.
    const SourceText ascii("a: 1\nb: cafe x\n");
    CHECK(ascii.mark_at(14) == Mark{2, 10});
    CHECK(ascii.column_at(5, 14) == 10);
    CHECK(source.column_at(5, 14) == 9);
  }

  TEST_CASE("a final line ending is followed by an empty last line") {
    const SourceText source("a: 1\r\nb: 2\r\n");
    CHECK(source.line_count() == 3);
    CHECK(source.newline() == "\r\n");
    CHECK(source.line(1) == "a: 1");
    CHECK(source.line_end(1) == 4);
    CHECK(source.next_line_start(1) == 6);
    CHECK(source.line(3).empty());
    CHECK(source.line_of(12) == 3);
    CHECK(source.line_start(3) == 12);
    CHECK(SourceText("a: 1").line_count() == 1);
    CHECK(SourceText("a: 1\nb: 2").newline() == "\n");
  }

  TEST_CASE("lines are blank, comments or indented") {
    const SourceText source("a:\n  # note\n   \n  b: 1\n");
    CHECK(source.indent(4) == 2);
    CHECK(source.is_comment(2));
    CHECK_FALSE(source.is_comment(4));
    CHECK(source.is_blank(3));
    CHECK_FALSE(source.is_blank(2));
  }

  TEST_CASE("a block runs over its deeper lines and comments, not its trailing blank lines") {
    const std::string text = "a:\n  b: 1\n  # c\n\nd:\n- x\n- y\ne: 2\n";
    const SourceText source(text);
    CHECK(source.block_last_line(1, 0) == 3);
    CHECK(source.block_end(1, 0) == text.find("\nd:"));
    CHECK(source.block_last_line(5, 0) == 5);
    CHECK(source.block_last_line(5, 0, true) == 7);
    CHECK(source.block_end(5, 0, true) == text.find("e: 2"));
    CHECK(source.block_last_line(8, 0) == 8);
  }
  TEST_CASE("comments: whole-line and after content, never inside quotes or a block scalar") {
    const std::string text =
        "a: [x, \"y #1\"]  # after a flow list\n"   // 1
        "  # a whole line\n"                          // 2
        "b: it's #2, she said # not quoted\n"         // 3
        "c: 'it''s # in quotes'\n"                    // 4
        "d: \"two\n"                                  // 5
        "  lines # still quoted\" # after\n"          // 6
        "e: |  # header\n"                            // 7
        "  # content, not a comment\n"                // 8
        "f: x#y\n";                                   // 9
    const SourceText source(text);
    const std::vector<std::string_view> found = source.comments(1, 9);
    REQUIRE(found.size() == 5);
    CHECK(found[0] == "# after a flow list");
    CHECK(found[1] == "# a whole line");
    CHECK(found[2] == "#2, she said # not quoted");
    CHECK(found[3] == "# after");
    CHECK(found[4] == "# header");
    CHECK(source.comments(4, 5).empty());
    CHECK(source.comments(8, 9).size() == 1);  // read alone, line 8 is a comment
  }
}
