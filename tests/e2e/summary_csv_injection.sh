#!/usr/bin/env bash
# CSV from `wellbeing summary --format csv` is RFC 4180 and no cell can run as a spreadsheet formula, even
# when every free-text field of the record is hostile (tests/data/summary/hostile/records/p-0901.yaml: a
# leading =, +, -, @, tab or carriage return, =HYPERLINK(…), embedded quotes, commas, pipes and line
# breaks). Every CSV the command can write (each --rows, one person and the folder, plain and redacted) is
# parsed here by a separate RFC 4180 reader that fails on any field a spreadsheet would evaluate.
source "$(dirname "$0")/lib.sh"

cp -R "$WELLBEING_ROOT/tests/data/summary/hostile" "$work/hostile"
cd "$work/hostile"

# Reads one CSV file strictly (RFC 4180: fields separated by commas, records ending CRLF, quoted fields with
# doubled quotes) and fails on a malformed file, a record with a different number of fields from the
# header, or a field whose value starts with = + - @ tab, CR or LF. Prints "RECORDS FIELDS".
check_csv() {
  LC_ALL=C awk -v file="$1" '
    BEGIN { RS = "\001" }
    function bad(what) { printf "%s: record %d, field %d: %s\n", file, records + 1, fields + 1, what > "/dev/stderr"; failed = 1; exit 1 }
    function field_done(value,   first) {
      first = substr(value, 1, 1)
      if (first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r" || first == "\n")
        bad("a spreadsheet would run this as a formula: " value)
      fields++; cells++
    }
    function record_done() {
      if (records == 0) width = fields
      else if (fields != width) bad("has " fields " fields, the header has " width)
      records++; fields = 0
    }
    { text = text $0 }
    END {
      if (failed) exit 1
      n = length(text); i = 1
      if (n == 0) bad("empty")
      if (substr(text, n - 1, 2) != "\r\n") bad("does not end with CRLF")
      while (i <= n) {
        value = ""
        if (substr(text, i, 1) == "\"") {
          i++
          while (1) {
            if (i > n) bad("a quoted field is never closed")
            c = substr(text, i, 1)
            if (c == "\"") {
              if (substr(text, i + 1, 1) == "\"") { value = value "\""; i += 2; continue }
              i++; break
            }
            value = value c; i++
          }
        } else {
          while (i <= n) {
            c = substr(text, i, 1)
            if (c == "," || c == "\r") break
            if (c == "\"") bad("a quote inside an unquoted field")
            if (c == "\n") bad("a line feed outside quotes, without CR")
            value = value c; i++
          }
        }
        field_done(value)
        c = substr(text, i, 2)
        if (substr(c, 1, 1) == ",") { i++; continue }
        if (c == "\r\n") { i += 2; record_done(); continue }
        bad("a field is followed by neither a comma nor CRLF")
      }
      print records, cells
    }' "$1"
}

runs=0
for target in records/p-0901.yaml records; do
  for rows in people outcomes actions reviews; do
    for redact in --no-redact --redact; do
      out="$work/$rows${redact}.csv"
      "$WELLBEING" summary "$target" --as-of 2026-11-22 --format csv --rows "$rows" "$redact" >"$out" ||
        fail "summary $target --rows $rows $redact exited $?"
      read -r records cells < <(check_csv "$out") || fail "$target --rows $rows $redact: not safe CSV"
      [[ $records -ge 2 ]] || fail "$target --rows $rows $redact: no data rows"
      runs=$((runs + 1))
    done
  done
done
[[ $runs -eq 16 ]] || fail "checked $runs CSV files, expected 16"

# The hostile text itself is there, neutralised (not dropped): checked byte for byte in the unredacted CSV.
summary_csv() { "$WELLBEING" summary records --as-of 2026-11-22 --format csv --rows "$1"; }
contains() {  # contains ROWS NEEDLE (printf format)
  local needle
  needle=$(printf "$2")
  summary_csv "$1" | grep -qF -- "$needle" || fail "--rows $1 lacks $(printf '%q' "$needle")"
}
contains people "p-0901,\"'=HYPERLINK(\"\"http://example.invalid/?k=Xanthe\"\",\"\"Xanthe\"\")\","
contains reviews "p-0901,\"'=HYPERLINK(\"\"http://example.invalid/?k=Xanthe\"\",\"\"Xanthe\"\")\",rv-1"
contains outcomes ",\"'=HYPERLINK(\"\"http://example.invalid/o\"\",\"\"outcome one said papaya\"\")\","
contains outcomes ",\"'-outcome two said yak\","
contains outcomes ",\"'@outcome three said bilberry\","
contains actions ",\"'@action name salamander\",\"'=action what, \"\"quoted\"\", tapir\","
contains actions ",\"'\taction name with tab ugli\",\"'\raction what with carriage return vicuna\","
contains actions ",\"'-action three name zucchini\",\"'+action three what, with \"\"quotes\"\" and a comma aardwolf\","
contains actions ",\"\"\"quoted at the start\"\" then =more fossa\","
# Every record ends CRLF, and the only bare LF or CR is inside a quoted field: the people CSV has none.
summary_csv people | od -c | grep -q '\\r  \\n' || fail "people CSV has no CRLF"
[[ $(summary_csv people | tr -cd '\n' | wc -c) -eq 2 ]] || fail "people CSV is not two lines"

echo "summary CSV: $runs files safe, hostile text present and neutralised"
