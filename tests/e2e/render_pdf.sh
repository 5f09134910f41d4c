#!/usr/bin/env bash
# A real browser prints the HTML review report: headless Chromium turns the report of an example person
# into a PDF, and the PDF must have A4 pages numbered "Page N of M" (the print stylesheet), the report's
# text in reading order, no outcome split across two pages, table headers repeated on every page a long
# table runs onto, and, printed as the README says, no browser header or footer. Needs chromium and
# poppler-utils (scripts/install-deps --test); without them the test says so loudly and passes, except
# under CI=true, where it fails.
source "$(dirname "$0")/lib.sh"
skip_without "scripts/install-deps --test installs chromium and poppler-utils" chromium pdfinfo pdftotext

# Prints $1 (an HTML file) to $2 (a PDF), with a fresh profile and nothing from the network.
print_pdf() {
  rm -rf "$work/profile"
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" \
    >"$work/chromium.log" 2>&1 || { cat "$work/chromium.log" >&2; fail "chromium could not print $1"; }
  [[ -s "$2" ]] || { cat "$work/chromium.log" >&2; fail "chromium wrote no PDF for $1"; }
}
pages_of() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
page_text() { pdftotext -f "$2" -l "$2" "$1" - | tr -s ' \n' '  '; }
# The first page of $1 whose text holds $2.
page_with() {
  local pdf=$1 needle=$2 n
  for ((n = 1; n <= $(pages_of "$pdf"); n++)); do
    if page_text "$pdf" "$n" | grep -qF -- "$needle"; then echo "$n"; return; fi
  done
  fail "no page of $(basename "$pdf") holds '$needle'"
}

# --- Maureen's review report ---------------------------------------------------------------------------
(cd "$WELLBEING_ROOT/examples" && "$WELLBEING" render records/p-0001.yaml --as-of 2026-11-22 --format html \
  -o "$work/review.html")
# Self-contained: nothing to fetch, nothing to run.
if grep -Eiq '<script|<link|<img|<iframe|@import|url\(|src=' "$work/review.html"; then
  fail "the HTML report refers to something outside itself or runs a script"
fi
print_pdf "$work/review.html" "$work/review.pdf"

# Printed as the README says, the pages carry no browser header or footer (the date, the title, the file's URL).
readme_line=$(grep -m1 '^chromium --headless' "$WELLBEING_ROOT/README.md") || fail "the README shows no chromium command"
[[ $readme_line == *--no-pdf-header-footer* ]] || fail "the README's chromium command keeps the browser's header: $readme_line"
if pdftotext "$work/review.pdf" - | grep -qF "file://"; then fail "the PDF shows the browser's header or footer"; fi

pages=$(pages_of "$work/review.pdf")
echo "p-0001: $pages pages"
[[ "$pages" -ge 5 && "$pages" -le 14 ]] || fail "expected 5 to 14 pages for p-0001, got $pages"
# Every page is A4 (595 x 842 points) and carries its number from the @page rule.
pdfinfo -f 1 -l "$pages" "$work/review.pdf" | grep -E '^Page +[0-9]+ size:' >"$work/sizes"
[[ $(wc -l <"$work/sizes") -eq "$pages" ]] || fail "pdfinfo listed $(wc -l <"$work/sizes") page sizes"
if grep -v '594.96 x 841.92 pts (A4)' "$work/sizes"; then fail "a page is not A4"; fi
for ((n = 1; n <= pages; n++)); do
  page_text "$work/review.pdf" "$n" | grep -qF "Page $n of $pages" || fail "page $n lacks 'Page $n of $pages'"
done

# The report's parts, in the order a reviewer reads them.
text=$(pdftotext "$work/review.pdf" - | tr -s ' \n' '  ')
last=0
for heading in "Wellbeing review: Maureen" "About Maureen" "Their voice this period" \
    "The nine areas of wellbeing" "(a) Personal dignity" "(b) Health and emotional wellbeing" \
    "(c) Protection from abuse and neglect" "(d) Control over day-to-day life" \
    "(e) Work, education, training or recreation" "(f) Social and economic wellbeing" \
    "(g) Domestic, family and personal relationships" "(h) Suitability of living accommodation" \
    "(i) Contribution to society" "Strengths" "Outcomes" "What the service cannot meet" \
    "What is working and what is not" "Wellbeing measures" "Safeguarding" "Reviews" "Information shared" \
    "Sign-off" "About this report"; do
  rest=${text:$last}
  [[ "$rest" == *"$heading"* ]] || fail "'$heading' is missing or out of order"
  before=${rest%%"$heading"*}
  last=$((last + ${#before} + ${#heading}))
done
for words in "Sundays with Julie and the grandchildren." "Next review: 14 April 2027" \
    "Life satisfaction" "examples/records/p-0001.yaml" "wellbeing $WELLBEING_VERSION" "No safeguarding flags"; do
  [[ "$text" == *"$words"* ]] || fail "the PDF lacks '$words'"
done

# No outcome is split across pages (break-inside: avoid): each starts and ends on the same page.
for pair in "I want to get back to the Wednesday lunch club.|Lift to and from the lunch club" \
    "I want to keep my garden going myself.|Assess for a garden kneeler" \
    "I don't want to feel so lonely in the evenings.|Set up a video call with her"; do
  first=$(page_with "$work/review.pdf" "${pair%%|*}")
  end=$(page_with "$work/review.pdf" "${pair##*|}")
  [[ "$first" == "$end" ]] || fail "the outcome '${pair%%|*}' starts on page $first and ends on page $end"
done

# --- A long table repeats its header on each page --------------------------------------------------------
# Amira's record with fifty ONS4 measures added, one a month from 2022: the table runs over pages.
mkdir -p "$work/long/records"
cp "$WELLBEING_ROOT/examples/wellbeing.yaml" "$work/long/"
{
  sed -n '1,/^# No reviews yet/p' "$WELLBEING_ROOT/examples/records/p-0006.yaml"
  echo "measures:"
  for ((i = 0; i < 50; i++)); do
    printf '  - { id: m-%d, date: %04d-%02d-15, instrument: ONS4, ons4: { life_satisfaction: %d, worthwhile: 6, happy_yesterday: 7, anxious_yesterday: 3 } }\n' \
      "$((i + 1))" "$((2022 + i / 12))" "$((i % 12 + 1))" "$((i % 11))"
  done
} >"$work/long/records/p-0006.yaml"
"$WELLBEING" render "$work/long/records/p-0006.yaml" --as-of 2026-11-22 --allow-invalid -o "$work/long.html"
print_pdf "$work/long.html" "$work/long.pdf"
first=$(page_with "$work/long.pdf" "15 January 2022")
end=$(page_with "$work/long.pdf" "15 February 2026")
[[ "$end" -gt "$first" ]] || fail "the long table was expected to run over more than one page"
for ((n = first; n <= end; n++)); do
  page_text "$work/long.pdf" "$n" | grep -qF "Worthwhile" || fail "page $n of the long table has no header row"
done
echo "long ONS4 table: pages $first to $end, each with its header"

# --- The provider report: every section, in order, on A4 pages numbered as the person report's --------
cp -r "$WELLBEING_ROOT/examples" "$work/provider"
(cd "$work/provider" && "$WELLBEING" render records --as-of 2026-11-22 -o "$work/provider.html")
if grep -Eiq '<script|<link|<img|<iframe|@import|url\(|src=' "$work/provider.html"; then
  fail "the provider page refers to something outside itself or runs a script"
fi
print_pdf "$work/provider.html" "$work/provider.pdf"
pages=$(pages_of "$work/provider.pdf")
echo "provider report: $pages pages"
for ((n = 1; n <= pages; n++)); do
  page_text "$work/provider.pdf" "$n" | grep -qF "Page $n of $pages" || fail "provider page $n lacks 'Page $n of $pages'"
done
text=$(pdftotext "$work/provider.pdf" - | tr -s ' \n' '  ')
last=0
for heading in "Provider review: Larkfield Community Support (fictional)" "1. How wellbeing is understood" \
    "How views were established for people who cannot take part" "Importance set by whom" \
    "2. Outcomes by area and kind" "Not met, and what followed" "3. Strengths first: who acted on the outcomes met" \
    "4. Reviews and review requests" "5. Wellbeing measures: distance travelled" \
    "6. Safeguarding and risk to others" "7. What works" "8. The checks" "9. This period against the last"; do
  rest=${text:$last}
  [[ "$rest" == *"$heading"* ]] || fail "the provider report's '$heading' is missing or out of order"
  before=${rest%%"$heading"*}
  last=$((last + ${#before} + ${#heading}))
done
# The chart is drawn (its words are in the PDF), and the comparison says why there is none outside git.
for words in "75% better, 25% worse" "No comparison: records is not in a git repository." "p-0005 (Graham)"; do
  [[ "$text" == *"$words"* ]] || fail "the provider PDF lacks '$words'"
done
first=$(page_with "$work/provider.pdf" "5. Wellbeing measures")
echo "provider report: measures on page $first"
