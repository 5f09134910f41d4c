#!/usr/bin/env bash
# `wellbeing summary --redact` leaves out every name and every piece of free text: the output of every
# format (table, md, json, csv with each --rows), for the folder and for each person, standard output and
# standard error, is scanned for every string value of the fixture records except ids, dates and enum
# values. The same scan finds those strings in unredacted output, so it can fail; ids and counts stay.
source "$(dirname "$0")/lib.sh"

cp -R "$WELLBEING_ROOT/tests/data/summary/folder" "$work/folder"
cp -R "$WELLBEING_ROOT/tests/data/summary/hostile" "$work/hostile"
cd "$work"

# Every string value of the records, one a line: `key: value` and `- value` lines (the fixtures are block
# style; a flow collection or block scalar fails the test rather than being skipped), quotes removed, and
# double-quoted escapes (\n, \t, \r, \e) taken as breaks between pieces. Keys holding ids, dates, numbers,
# booleans and enum values are left out; so are pieces under four characters, too short to mean anything.
strings_of() {
  awk '
    function piece(text) { if (length(text) >= 4) print text }
    function emit(key, raw,   parts, count, k, text) {
      if (key ~ /^(id|schema|status|kind|level|said_by|representative|voice|can_take_part|role|who|approach|accessible_format|formats|type|requested_by|basis|who_at_risk|areas|who_acts|evidence|review_request|consent_recorded|service_can_meet|instrument|date|updated|opened|met_on|due|done|until|support_started|next_review_due|closed_on|agreed_on|since|life_satisfaction|worthwhile|happy_yesterday|anxious_yesterday|score)$/) return
      if (raw ~ /^[\[{|>]/) { printf "%s:%d: a flow collection or block scalar; write the fixture in block style\n", FILENAME, FNR > "/dev/stderr"; exit 2 }
      if (raw ~ /^"/) {
        text = substr(raw, 2, length(raw) - 2)
        gsub(/\\\\/, "\001", text); gsub(/\\"/, "\"", text)
        count = split(text, parts, /\\[ntre]/)
        for (k = 1; k <= count; k++) { gsub(/\001/, "\\", parts[k]); piece(parts[k]) }
        return
      }
      if (raw ~ /^'\''/) { text = substr(raw, 2, length(raw) - 2); gsub(/'\'''\''/, "'\''", text); piece(text); return }
      piece(raw)
    }
    /^[ \t]*(#|$)/ { next }
    {
      line = $0
      sub(/^[ ]*/, "", line)
      item = 0
      if (line ~ /^- /) { item = 1; line = substr(line, 3) }
      if (match(line, /^[a-z0-9_]+:( |$)/)) {
        key = substr(line, 1, RLENGTH); sub(/:.*/, "", key)
        value = substr(line, RLENGTH + 1)
        if (value == "") { parent = key; next }
        emit(key, value)
      } else if (item) {
        emit(parent, line)
      } else {
        printf "%s:%d: not understood\n", FILENAME, FNR > "/dev/stderr"; exit 2
      }
    }' "$@" | sort -u
}

strings_of folder/records/*.yaml hostile/records/*.yaml >strings.txt
total=$(wc -l <strings.txt)
[[ $total -ge 150 ]] || fail "only $total strings read from the fixtures"
for name in Adaeze Bronwen Cosimo Dashiell Ezinne Florentyna Tobiah Wrenna "Gwilym her brother" \
    "Quillon the support worker" "Fenella from the office"; do
  grep -qxF "$name" strings.txt || fail "the scan does not read '$name'"
done

# Runs the summary in every format for a target; all output (stdout and stderr) goes into FILE.
every_format() {  # FILE TARGET ARGS…
  local file=$1 target=$2
  shift 2
  : >"$file"
  local format rows status
  for format in table md json; do
    status=0
    "$WELLBEING" summary "$target" --as-of 2026-11-22 --format "$format" "$@" >>"$file" 2>&1 || status=$?
    [[ $status -le 1 ]] || fail "summary $target --format $format $* exited $status"
  done
  for rows in people outcomes actions reviews; do
    status=0
    "$WELLBEING" summary "$target" --as-of 2026-11-22 --format csv --rows "$rows" "$@" >>"$file" 2>&1 || status=$?
    [[ $status -le 1 ]] || fail "summary $target --rows $rows $* exited $status"
  done
}

# The scan finds what it looks for: unredacted output holds names and words from the records.
every_format plain.txt folder/records
every_format plain-hostile.txt hostile/records/p-0901.yaml
found=$(cat plain.txt plain-hostile.txt | grep -oF -f strings.txt | sort -u | wc -l)
[[ $found -ge 40 ]] || fail "the scan found only $found fixture strings in unredacted output"
for name in Adaeze Tobiah "Fenella from the office" "I want my knees to stop hurting on the stairs."; do
  grep -qF "$name" plain.txt || fail "unredacted output lacks '$name'"
done

# Redacted: nothing at all, for the folder, each person, the hostile record, and a folder whose settings
# redact by default.
scanned=0
scan() {  # FILE WHAT
  if grep -F -f strings.txt "$1" >leaks.txt; then
    echo "leaked in $2:" >&2
    grep -oF -f strings.txt "$1" | sort -u | head -20 >&2
    fail "redacted output of $2 holds names or free text from the records"
  fi
  [[ -s "$1" ]] || fail "no output from $2"
  scanned=$((scanned + 1))
}
every_format redacted.txt folder/records --redact
scan redacted.txt "the folder"
for file in folder/records/p-010*.yaml; do
  every_format redacted.txt "$file" --redact
  scan redacted.txt "$file"
done
every_format redacted.txt hostile/records --redact
scan redacted.txt "the hostile folder"
every_format redacted.txt hostile/records/p-0901.yaml --redact
scan redacted.txt "the hostile record"
sed -i 's/^  default: false$/  default: true/' folder/wellbeing.yaml
grep -q '^  default: true$' folder/wellbeing.yaml || fail "could not switch redaction on in the settings"
every_format redacted.txt folder/records
scan redacted.txt "the folder with redaction.default: true"
# --no-redact overrides the settings.
"$WELLBEING" summary folder/records --as-of 2026-11-22 --no-redact 2>/dev/null | grep -qF Adaeze ||
  fail "--no-redact did not show names"
sed -i 's/^  default: true$/  default: false/' folder/wellbeing.yaml

# Names become ids; counts are kept: every number in the JSON is the same redacted or not, except the count
# of open safeguarding flags by type (the types are kept only when the settings keep safeguarding).
"$WELLBEING" summary folder/records --as-of 2026-11-22 --format json >plain.json 2>/dev/null
"$WELLBEING" summary folder/records --as-of 2026-11-22 --format json --redact >redacted.json 2>/dev/null
grep -q '"known_as": "p-0101"' redacted.json || fail "known_as is not replaced by the id"
grep -q '"redacted": true' redacted.json || fail "the JSON does not say it is redacted"
numbers() {
  grep -E '": -?[0-9][0-9.]*,?$' "$1" |
    grep -vE '"(physical|domestic|sexual|psychological|financial_material|modern_slavery|discriminatory|organisational|neglect|self_neglect)":'
}
diff <(numbers plain.json) <(numbers redacted.json) >/dev/null || fail "redaction changed the counts"
[[ $(numbers plain.json | wc -l) -ge 50 ]] || fail "too few numbers compared"
# Dates are kept to the month unless the settings keep dates.
grep -q '"next_due": "2026-10"' redacted.json || fail "dates are not shortened to the month"

# What the settings keep is kept, and only that: with keep [known_as], the names the people go by appear.
sed -i 's/^  keep: \[\]$/  keep: [known_as]/' folder/wellbeing.yaml
every_format redacted.txt folder/records --redact
grep -qF Adaeze redacted.txt || fail "redaction.keep: [known_as] did not keep the name"
grep -vxF -e Adaeze -e Bronwen -e Cosimo -e Dashiell -e Ezinne strings.txt >strings-without-names.txt
if grep -F -f strings-without-names.txt redacted.txt >/dev/null; then
  grep -oF -f strings-without-names.txt redacted.txt | sort -u | head >&2
  fail "keeping known_as let other text through"
fi

echo "summary redaction: $total strings, $found seen unredacted, none in $scanned redacted runs"
