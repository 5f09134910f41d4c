#!/usr/bin/env bash
# `wellbeing add` of every kind, through the command line, into records written in every style (comments,
# CRLF, a UTF-8 byte order mark, four-space indentation, unindented lists without a final newline, flow lists, block scalars):
# the new file is the old one with one run of bytes inserted (for an area update: changed lines only
# inside that area), and it validates.
source "$(dirname "$0")/lib.sh"
data="$WELLBEING_ROOT/tests/data/write"

# True when $2 is $1 with one contiguous run of bytes inserted and nothing else changed.
one_insertion() {
  local old=$1 new=$2 old_size new_size first prefix rest
  old_size=$(stat -c %s "$old")
  new_size=$(stat -c %s "$new")
  (( new_size > old_size )) || return 1
  if first=$(cmp "$old" "$new" 2>/dev/null); then return 1; fi
  # "cmp: EOF on OLD after byte N" when the old file is a prefix of the new one.
  if [[ -z "$first" ]]; then prefix=$old_size; else prefix=$(( $(cmp "$old" "$new" 2>&1 | grep -o 'byte [0-9]*' | head -1 | cut -d' ' -f2) - 1 )); fi
  rest=$(( old_size - prefix ))
  cmp -s <(tail -c "$rest" "$old") <(tail -c "$rest" "$new")
}

# Line numbers (in the old file) of the area's mapping: from its key to the line before the next area.
area_lines_only() {
  local old=$1 new=$2 start end
  start=$(grep -n '^ *health:' "$old" | head -1 | cut -d: -f1)
  end=$(( $(grep -n '^ *protection:' "$old" | head -1 | cut -d: -f1) - 1 ))
  while read -r header; do
    local range=${header%%[acd]*} from to
    from=${range%%,*}
    to=${range##*,}
    if [[ $header == *a* ]]; then from=$(( from + 1 )); to=$from; fi
    (( from >= start && to <= end + 1 )) || { echo "change outside the area: $header (area $start-$end)" >&2; return 1; }
  done < <(diff "$old" "$new" | grep -E '^[0-9]')
}

kinds=(conversation outcome action progress strength review review-request measure safeguarding sharing evidence area)
args_for() {
  case $1 in
    conversation) args=(--date 2026-09-20 --led-by "Priya (support worker)" --approach appreciative_enquiry
                        --summary $'A time things went well: the garden.\nWhat helped then.' --quote no
                        --quote "It's: fine # really") ;;
    outcome) args=(--kind achieve --area participation --said "Get back to the allotment on Saturdays" --who-acts self
                   --date 2026-09-20) ;;
    action) args=(--outcome o-1 --who self --what "- Ring the allotment society" --due 2026-10-30) ;;
    progress) args=(--outcome o-1 --date 2026-09-21 --by Kate --note null) ;;
    strength) args=(--level network --text 1.0 --area relationships) ;;
    review) args=(--date 2026-09-22 --type scheduled --attendee Sam --next-review-due 2027-09-22) ;;
    review-request) args=(--date 2026-09-23 --requested-by provider --reason "Needs: more help" --sent-to "review team") ;;
    measure) args=(--date 2026-09-24 --life-satisfaction 7 --worthwhile 8 --happy 6 --anxious 2) ;;
    safeguarding) args=(--date 2026-09-25 --type financial_material --person-wishes "Stop the calls"
                        --action-taken "Told the manager" --no-referral-reason "She asked us not to: no risk to others") ;;
    sharing) args=(--date 2026-09-26 --with "GP practice" --what "ONS4 answers" --basis consent --consent-recorded true) ;;
    evidence) args=(--kind observation --date 2026-09-27 --by Kate --summary "Smiled in the garden.") ;;
    area) args=(--area health --said "Walking: good. Stairs: hard." --importance high --said-by person --concerns Stairs
                --date 2026-09-28) ;;
  esac
}

cd "$work"
count=0
for style in comments four_space compact flow block_scalars; do
  for ending in lf crlf bom; do
    original="$work/$style-$ending.yaml"
    case $ending in
      crlf) sed 's/$/\r/' "$data/$style.yaml" >"$original" ;;
      bom) { printf '\xEF\xBB\xBF'; cat "$data/$style.yaml"; } >"$original" ;;
      *) cp "$data/$style.yaml" "$original" ;;
    esac
    if [[ $style == compact && $ending == crlf ]]; then
      # keep "no final line ending" for the CRLF copy too
      head -c -1 "$original" >"$original.tmp" && mv "$original.tmp" "$original"
    fi
    "$WELLBEING" validate --as-of 2026-10-01 "$original" >/dev/null 2>&1 || fail "$original is not valid to start with"
    for kind in "${kinds[@]}"; do
      file="$work/$style-$ending-$kind.yaml"
      cp "$original" "$file"
      args_for "$kind"
      "$WELLBEING" add "$kind" "$file" "${args[@]}" --as-of 2026-10-01 >"$work/out" 2>"$work/err" ||
        fail "$style/$ending: add $kind failed: $(cat "$work/err")"
      if [[ $kind == area ]]; then
        area_lines_only "$original" "$file" || fail "$style/$ending: area changed lines outside health"
      else
        one_insertion "$original" "$file" || fail "$style/$ending: add $kind changed more than one inserted block"
      fi
      if [[ $ending == crlf && $(grep -c $'\r$' "$file") != $(wc -l <"$file") ]]; then
        fail "$style/$ending: add $kind wrote a line without CRLF"
      fi
      if [[ $ending == bom && $(head -c 3 "$file" | od -An -tx1 | tr -d ' ') != efbbbf ]]; then
        fail "$style/$ending: add $kind lost the byte order mark"
      fi
      "$WELLBEING" validate --as-of 2026-10-01 "$file" >"$work/out" 2>&1 || fail "$style/$ending: after add $kind the record is invalid: $(cat "$work/out")"
      count=$((count + 1))
    done
  done
done
# Values that YAML would misread were quoted, and read back as written.
grep -q -- '- "no"' "$work/comments-lf-conversation.yaml" || fail "quote 'no' not quoted"
grep -q -- 'what: "- Ring the allotment society"' "$work/comments-lf-action.yaml" || fail "leading dash not quoted"
grep -q -- 'text: "1.0"' "$work/comments-lf-strength.yaml" || fail "1.0 not quoted"
grep -q -- 'summary: |-' "$work/comments-lf-conversation.yaml" || fail "multi-line text not a literal block"

# The byte order mark is kept by every path into a record: the editor, and the dry run's diff shows only
# the added lines (a lost mark would show as the first line changed).
bom_record="$work/bom-edit.yaml"
cp "$work/comments-bom.yaml" "$bom_record"
printf '#!/bin/sh\nprintf "led_by: Priya\\napproach: appreciative_enquiry\\nsummary: Tea and a talk.\\n" >"$1"\n' >"$work/editor.sh"
chmod +x "$work/editor.sh"
VISUAL="$work/editor.sh" "$WELLBEING" add conversation "$bom_record" --edit --as-of 2026-10-01 >"$work/out" 2>"$work/err" ||
  fail "bom: add --edit failed: $(cat "$work/err")"
one_insertion "$work/comments-bom.yaml" "$bom_record" || fail "bom: add --edit changed more than one inserted block"
cp "$work/comments-bom.yaml" "$bom_record"
"$WELLBEING" add strength "$bom_record" --dry-run --level network --text "Her sister" --area relationships --as-of 2026-10-01 \
  >"$work/diff" 2>"$work/err" || fail "bom: add --dry-run failed: $(cat "$work/err")"
cmp -s "$work/comments-bom.yaml" "$bom_record" || fail "bom: the dry run wrote to the record"
removed=$(grep -c '^-[^-]' "$work/diff" || true)
added=$(grep -c '^+[^+]' "$work/diff" || true)
[[ $removed == 0 && $added -gt 0 ]] || fail "bom: the dry run's diff is not only added lines: $(cat "$work/diff")"

echo "$count additions in 15 styles: each inserted only its own lines and validated"
