#include <string>

#include <doctest/doctest.h>

#include "wellbeing/report/escape.hpp"
#include "wellbeing/util/escape.hpp"

using namespace wellbeing::report;
using wellbeing::util::escape_markdown;
using wellbeing::util::escape_markup;

TEST_SUITE("Escape") {
  TEST_CASE("escape_markup turns the five special characters into references and keeps the rest") {
    CHECK(escape_markup("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(escape_markup("café\nline two {{x}}") == "café\nline two {{x}}");
    CHECK(escape_markup("") == "");
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
    CHECK(linkify_html(escape_markup("see https://example.org/a?b=1&c=2.")) ==
          "see <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>.");
    CHECK(linkify_html(escape_markup("(http://example.org/x)")) ==
          "(<a href=\"http://example.org/x\">http://example.org/x</a>)");
    CHECK(linkify_html(escape_markup("http://example.org/wiki/A_(b)")) ==
          "<a href=\"http://example.org/wiki/A_(b)\">http://example.org/wiki/A_(b)</a>");
    CHECK(linkify_html(escape_markup("write to mailto:someone@example.org, please")) ==
          "write to <a href=\"mailto:someone@example.org\">mailto:someone@example.org</a>, please");
    // A quote or an angle bracket ends the URL: it can never carry an attribute or a tag.
    CHECK(linkify_html(escape_markup("http://example.org\"onmouseover=\"alert(1)")) ==
          "<a href=\"http://example.org\">http://example.org</a>&quot;onmouseover=&quot;alert(1)");
    CHECK(linkify_html(escape_markup("http://example.org<script>")) ==
          "<a href=\"http://example.org\">http://example.org</a>&lt;script&gt;");
    for (const char* text : {"javascript:alert(1)", "[x](javascript:alert(1))", "xhttp://example.org",
                             "http:// nothing", "mailto:nobody", "data:text/html,x"}) {
      CAPTURE(text);
      CHECK(linkify_html(escape_markup(text)) == escape_markup(text));
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
}
