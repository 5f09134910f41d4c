#include <string>

#include <doctest/doctest.h>

#include "wellbeing/report/escape.hpp"

using namespace wellbeing::report;

TEST_SUITE("Escape") {
  TEST_CASE("escape_html turns the five special characters into references and keeps the rest") {
    CHECK(escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(escape_html("café\nline two {{x}}") == "café\nline two {{x}}");
    CHECK(escape_html("") == "");
  }

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

  TEST_CASE("only http, https and mailto links with a host or an address are safe") {
    for (const char* url : {"http://example.org", "https://example.org/a_b?x=1&y=2#top", "HTTPS://EXAMPLE.ORG",
                            "mailto:someone@example.org"}) {
      CAPTURE(url);
      CHECK(is_safe_link(url));
    }
    for (const char* url : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                            "vbscript:msgbox", "file:///etc/passwd", "ftp://example.org", "//example.org", "http://",
                            "https:///path", "mailto:", "mailto:nobody", "mailto:@example.org",
                            "http://example.org/a b", "http://example.org/\"onmouseover=x", "http://a.org/<x>",
                            "http://trusted.org@evil.org/", "http://a.org/\\x", "http://a.org/`x`", ""}) {
      CAPTURE(url);
      CHECK_FALSE(is_safe_link(url));
    }
  }

  TEST_CASE("linkify_html makes safe URLs in escaped text live, and nothing else") {
    CHECK(linkify_html(escape_html("see https://example.org/a?b=1&c=2.")) ==
          "see <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>.");
    CHECK(linkify_html(escape_html("(http://example.org/x)")) ==
          "(<a href=\"http://example.org/x\">http://example.org/x</a>)");
    CHECK(linkify_html(escape_html("http://example.org/wiki/A_(b)")) ==
          "<a href=\"http://example.org/wiki/A_(b)\">http://example.org/wiki/A_(b)</a>");
    CHECK(linkify_html(escape_html("write to mailto:someone@example.org, please")) ==
          "write to <a href=\"mailto:someone@example.org\">mailto:someone@example.org</a>, please");
    // A quote or an angle bracket ends the URL: it can never carry an attribute or a tag.
    CHECK(linkify_html(escape_html("http://example.org\"onmouseover=\"alert(1)")) ==
          "<a href=\"http://example.org\">http://example.org</a>&quot;onmouseover=&quot;alert(1)");
    CHECK(linkify_html(escape_html("http://example.org<script>")) ==
          "<a href=\"http://example.org\">http://example.org</a>&lt;script&gt;");
    for (const char* text : {"javascript:alert(1)", "[x](javascript:alert(1))", "xhttp://example.org",
                             "http:// nothing", "mailto:nobody", "data:text/html,x"}) {
      CAPTURE(text);
      CHECK(linkify_html(escape_html(text)) == escape_html(text));
    }
  }

  TEST_CASE("linkify_markdown makes safe URLs in escaped text autolinks, and nothing else") {
    CHECK(linkify_markdown(escape_markdown("see https://example.org/a_b?x=1&y=2.")) ==
          "see <https://example.org/a_b?x=1&y=2>.");
    CHECK(linkify_markdown(escape_markdown("mailto:someone@example.org")) == "<mailto:someone@example.org>");
    // A pipe or an angle bracket ends the URL, so a table row and the autolink stay whole.
    CHECK(linkify_markdown(escape_markdown("http://example.org|b")) == "<http://example.org>\\|b");
    CHECK(linkify_markdown(escape_markdown("http://example.org<x>")) == "<http://example.org>\\<x\\>");
    for (const char* text : {"javascript:alert(1)", "[x](javascript:alert(1))", "xhttp://example.org",
                             "mailto:nobody"}) {
      CAPTURE(text);
      CHECK(linkify_markdown(escape_markdown(text)) == escape_markdown(text));
    }
  }

  TEST_CASE("yaml_quote writes a double-quoted scalar") {
    CHECK(yaml_quote("plain") == "\"plain\"");
    CHECK(yaml_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(yaml_quote("a\nb\x7f") == "\"a\\x0ab\\x7f\"");
    CHECK(yaml_quote("café") == "\"café\"");
  }
}
