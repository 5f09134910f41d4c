#!/usr/bin/env bash
# The Markdown report through pandoc, as the README shows it: `wellbeing render … --format md | pandoc -o
# review.docx` makes a Word document with the report's title, areas and tables; and the report of a record
# whose every free-text field is hostile stays safe through pandoc's Markdown and GFM readers (no script,
# no javascript: link, every table whole). Needs pandoc (scripts/install-deps --test); without it the test
# says so loudly and passes, except under CI=true, where it fails.
source "$(dirname "$0")/lib.sh"
skip_without "scripts/install-deps --test installs it" pandoc
cd "$WELLBEING_ROOT/examples"

# --- The README's pipeline ------------------------------------------------------------------------------
"$WELLBEING" render records/p-0003.yaml --format md --as-of 2026-11-22 | pandoc -o "$work/review.docx"
[[ -s "$work/review.docx" ]] || fail "pandoc wrote no document"
pandoc "$work/review.docx" -t plain --wrap=none >"$work/review.txt"
for words in "About Tomasz" "The nine areas of wellbeing" "Personal dignity" "Contribution to society" \
    "The stairs are a prison." "council housing options team" "ASC-RR-26-1142" "Sign-off" \
    "About this report" "wellbeing $WELLBEING_VERSION"; do
  grep -qF -- "$words" "$work/review.txt" || fail "the Word document lacks '$words'"
done
# The front matter became the document's title, and the tables are Word tables.
pandoc "$work/review.docx" -s -t markdown | grep -qE '^title: .*Wellbeing review: Tomasz' ||
  fail "the Word document's title is not the report's"
tables=$(pandoc "$work/review.docx" -t html | grep -c '<table' || true)
expected=$("$WELLBEING" render records/p-0003.yaml --format md --as-of 2026-11-22 | grep -c '^|---' || true)
[[ "$tables" -eq "$expected" ]] || fail "the Word document has $tables tables; the report has $expected"
echo "review.docx: $(wc -c <"$work/review.docx") bytes, $tables tables"

# --- Hostile text through pandoc's readers -----------------------------------------------------------------
cd "$WELLBEING_ROOT/tests/data/render"
"$WELLBEING" render hostile.yaml --format md --as-of 2026-11-22 >"$work/hostile.md"
md_tables=$(grep -c '^|---' "$work/hostile.md")
for reader in markdown gfm; do
  pandoc -f "$reader" -t html --wrap=none "$work/hostile.md" -o "$work/hostile-$reader.html"
  html="$work/hostile-$reader.html"
  if grep -Eqi '<(script|img|iframe|svg)|<[^>]*[[:space:]]on[a-z]+=' "$html"; then
    fail "$reader: person text became markup"
  fi
  if grep -o 'href="[^"]*"' "$html" | grep -vE '^href="(https://example\.org/a_b\?x=1&amp;y=2|mailto:someone@example\.org)"$'; then
    fail "$reader: a link other than the record's https and mailto links"
  fi
  [[ $(grep -c '<table' "$html") -eq "$md_tables" ]] || fail "$reader: $(grep -c '<table' "$html") tables, expected $md_tables"
  # Each hostile value in a table is whole in one cell: its pipes and line breaks did not split the row.
  hostile='&lt;script&gt;alert(1)&lt;/script&gt; &lt;/table&gt; | a | b | [x](javascript:alert(1)) {{mustache}} {{{raw}}} &amp;amp; *b* _i_ `c` \ $x$ @cite ^s^ ~t~ {.cls} # not a heading - not a list | c | d | &lt;/td&gt;&lt;/tr&gt;&lt;img src=x onerror=alert(1)&gt;'
  for marker in rep-name rep-relationship rep-supports-with old-led-by old-conversation-summary strength-text \
      measure-note instrument licence request-reason request-sent-to request-reference sharing-with sharing-what \
      sharing-by; do
    grep -qF "<td>$marker $hostile</td>" "$html" || fail "$reader: the table cell of $marker is not whole"
  done
  grep -qF '{{mustache}}' "$html" || fail "$reader: {{mustache}} in the record is not shown as text"
  echo "hostile.md through pandoc -f $reader: $md_tables tables whole, no markup from the record"
done
