// Text helpers: UTF-8, source lines, edit distance, and the YAML scanners the parser, the record editor
// and the merge driver share.
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "wellbeing/util/text.hpp"

using namespace wellbeing::util;

namespace {
constexpr auto npos = std::string_view::npos;
}

TEST_SUITE("util::quoted_scalar_end") {
  TEST_CASE("finds the closing quote past escapes") {
    CHECK(quoted_scalar_end("\"a\" b", 0) == 3);
    CHECK(quoted_scalar_end("x: \"say \\\"hi\\\"\" # c", 3) == 15);
    CHECK(quoted_scalar_end("'it''s' x", 0) == 7);
    CHECK(quoted_scalar_end("'a\\' b", 0) == 4);  // no backslash escapes in single quotes
    CHECK(quoted_scalar_end("\"a\\\\\" b", 0) == 5);
    CHECK(quoted_scalar_end("\"line\nnext\"", 0) == 11);
  }

  TEST_CASE("npos when the quote is never closed") {
    CHECK(quoted_scalar_end("\"open", 0) == npos);
    CHECK(quoted_scalar_end("'it''", 0) == npos);
    CHECK(quoted_scalar_end("\"a\\\"", 0) == npos);
  }
}

TEST_SUITE("util::flow_collection_end") {
  TEST_CASE("an apostrophe inside a plain scalar is a character, not a quote") {
    const std::string_view text =
        "[{ id: s-1, level: self, text: A keen gardener who won't stop planning, areas: [control] }]\nnext: 1\n";
    CHECK(flow_collection_end(text, 0) == text.find("\nnext"));
    CHECK(flow_collection_end("[don't, can't]", 0) == 14);
    CHECK(flow_collection_end("[a \"b\" c]", 0) == 9);
    CHECK(flow_collection_end("{k: it's, v: 'x'}", 0) == 17);
  }

  TEST_CASE("nested collections close in order") {
    CHECK(flow_collection_end("[a, [b, {c: [d]}], e] tail", 0) == 21);
    CHECK(flow_collection_end("{a: [1, 2], b: {c: d}}", 0) == 22);
    CHECK(flow_collection_end("x: [a, [b, c]] y", 3) == 14);
    CHECK(flow_collection_end("[a, [b, c]", 0) == npos);
    CHECK(flow_collection_end("[a, b", 0) == npos);
  }

  TEST_CASE("quoted scalars may hold brackets, commas and quotes") {
    CHECK(flow_collection_end("[a, \"]\", 'it''s ]', {b: [c]}] tail", 0) == 29);
    CHECK(flow_collection_end("['a, b', \"c], d\"]", 0) == 17);
    CHECK(flow_collection_end("[\"say \\\"]\\\"\"]", 0) == 13);
    CHECK(flow_collection_end("{\"k\":'v]'}", 0) == 10);  // a JSON-like key: ':' needs no space after it
    CHECK(flow_collection_end("[!!str '] ', &a ']']", 0) == 20);
    CHECK(flow_collection_end("[? 'k]': v]", 0) == 11);
    CHECK(flow_collection_end("['open]", 0) == npos);
  }

  TEST_CASE("comments are skipped inside and do not matter after the closing bracket") {
    CHECK(flow_collection_end("[a, # ]\n b]", 0) == 11);
    CHECK(flow_collection_end("[a,\n# ] line comment\n b]", 0) == 24);
    CHECK(flow_collection_end("[a, b] # it's [", 0) == 6);
    CHECK(flow_collection_end("[a, b]# not a comment", 0) == 6);
    CHECK(flow_collection_end("[a#b, c]", 0) == 8);  // '#' inside a word is a character
  }

  TEST_CASE("a closing bracket before any opening one is not a collection") {
    CHECK(flow_collection_end("] a", 0) == npos);
  }
}

TEST_SUITE("util::utf8") {
  TEST_CASE("utf8_length counts code points") {
    CHECK(utf8_length("") == 0);
    CHECK(utf8_length("abc") == 3);
    CHECK(utf8_length("caf\xC3\xA9") == 4);
    CHECK(utf8_length("\xF0\x9F\x8C\xB1 seedling") == 10);
  }

  TEST_CASE("is_ascii looks at every byte, inside and after the eight-byte words") {
    CHECK(is_ascii(""));
    CHECK(is_ascii("plain text, twenty-two"));
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = '\x85';  // the lone byte yaml-cpp gives for \N
      CHECK_MESSAGE(!is_ascii(text), "high byte at ", at);
    }
    CHECK_FALSE(is_ascii("caf\xC3\xA9"));
  }

  TEST_CASE("find_invalid_utf8 finds the first bad sequence") {
    CHECK_FALSE(find_invalid_utf8("plain caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8C\xB1").has_value());
    CHECK(find_invalid_utf8("ab\xE9") == 2);              // a Latin-1 byte
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);            // overlong '/'
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);       // a surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);    // above U+10FFFF
    CHECK(find_invalid_utf8("ok\xE2\x82") == 2);          // cut short
    CHECK(find_invalid_utf8("\x80") == 0);                // a lone continuation byte
  }

  TEST_CASE("long text is counted and checked alike wherever its characters fall among eight-byte words") {
    const std::string euro = "\xE2\x82\xAC";  // three bytes, one character
    for (std::size_t before = 0; before < 20; ++before) {
      CAPTURE(before);
      const std::string text = std::string(before, 'a') + euro + "caf\xC3\xA9" + std::string(17, 'z') + euro;
      CHECK(utf8_length(text) == before + 1 + 4 + 17 + 1);
      CHECK_FALSE(find_invalid_utf8(text).has_value());
      CHECK(find_invalid_utf8(std::string(before, 'a') + "\xE9" + std::string(20, 'b')) == before);
      CHECK(find_invalid_utf8(text + std::string(before, 'c') + "\xC3") == text.size() + before);
    }
  }

  TEST_CASE("find_control finds C0 controls but the line feed, and DEL, wherever they fall") {
    CHECK(find_control("") == std::string_view::npos);
    CHECK(find_control("plain text\nover lines\n and UTF-8: caf\xC3\xA9 \xE2\x82\xAC\n") == std::string_view::npos);
    // Every byte below 0x20 but the line feed, and 0x7F; never 0x20, 0x80 or a continuation byte.
    for (int c = 0; c < 256; ++c) {
      CAPTURE(c);
      const bool control = (c < 0x20 && c != '\n') || c == 0x7F;
      for (std::size_t before = 0; before < 17; ++before) {
        CAPTURE(before);
        const std::string text = std::string(before, 'a') + "\n" + static_cast<char>(c) + std::string(9, 'b');
        CHECK(find_control(text) == (control ? before + 1 : std::string_view::npos));
      }
    }
    // From an offset on, as the parser steps past a tab or a CRLF it allows.
    const std::string crlf = "line one\r\nline two\r\n\tand a tab\x01";
    CHECK(find_control(crlf) == 8);
    CHECK(find_control(crlf, 9) == 18);
    CHECK(find_control(crlf, 19) == 20);
    CHECK(find_control(crlf, 21) == crlf.size() - 1);
    CHECK(find_control(crlf, crlf.size()) == std::string_view::npos);
  }

  TEST_CASE("line_window shows a long line only around the column, cut at character boundaries") {
    const auto short_line = line_window("key: value", 6, 20);
    CHECK(short_line.text == "key: value");
    CHECK(short_line.column == 6);
    CHECK_FALSE(short_line.cut_before);
    CHECK_FALSE(short_line.cut_after);

    const std::string line = std::string(100, 'a') + "\xC3\xA9X" + std::string(100, 'b');  // X is character 102
    const auto middle = line_window(line, 102, 30);
    CHECK(middle.text == std::string(9, 'a') + "\xC3\xA9X" + std::string(19, 'b'));
    CHECK(middle.column == 11);
    CHECK(middle.cut_before);
    CHECK(middle.cut_after);

    const auto start = line_window(line, 1, 30);
    CHECK(start.text == std::string(30, 'a'));
    CHECK(start.column == 1);
    CHECK_FALSE(start.cut_before);
    CHECK(start.cut_after);

    const auto end = line_window(line, 203, 30);  // just past the last character
    CHECK(end.text == std::string(30, 'b'));
    CHECK(end.column == 31);
    CHECK(end.cut_before);
    CHECK_FALSE(end.cut_after);
  }

  TEST_CASE("source_line gives one line without its ending") {
    const std::string_view text = "one\r\ntwo\nthree";
    CHECK(source_line(text, 1) == "one");
    CHECK(source_line(text, 2) == "two");
    CHECK(source_line(text, 3) == "three");
    CHECK(source_line(text, 4).empty());
    CHECK(source_line(text, 0).empty());
  }
}

TEST_SUITE("util::closest_match") {
  TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("status", "status") == 0);
    CHECK(edit_distance("staus", "status") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
  }

  TEST_CASE("suggests the nearest candidate only when it is a likely typo") {
    const std::vector<std::string> keys = {"status", "outcomes", "strengths"};
    CHECK(closest_match("staus", keys) == "status");
    CHECK(closest_match("outcome", keys) == "outcomes");
    CHECK(closest_match("strenghts", keys) == "strengths");
    CHECK(closest_match("zzz", keys).empty());
    CHECK(closest_match("a", std::vector<std::string>{"b"}) == "b");  // at least one edit is allowed
    CHECK(closest_match("word", std::vector<std::string>{}).empty());
  }

  TEST_CASE("the first of equally near candidates wins") {
    CHECK(closest_match("cat", std::vector<std::string>{"bat", "hat"}) == "bat");
  }

  TEST_CASE("shell words: plain ones stay as they are, the rest are single-quoted") {
    CHECK(shell_quote("records/p-0001.yaml") == "records/p-0001.yaml");
    CHECK(shell_quote("") == "''");
    CHECK(shell_quote("Ann's notes.yaml") == "'Ann'\\''s notes.yaml'");
    CHECK(shell_quote("$(rm -rf /)") == "'$(rm -rf /)'");
    CHECK(single_quoted("plain") == "'plain'");
    CHECK(single_quoted("it's") == "'it'\\''s'");
  }
}
