#!/usr/bin/env bash
# `wellbeing summary --format json` against numbers worked out independently from the fixture records in
# tests/data/summary/folder: by hand (the arithmetic is in the comments) and by small awk counts over the
# YAML itself. Nothing here calls the code under test to find what to expect. As of 2026-11-22, so the
# default period is 2025-11-23 to 2026-11-22 and a review is due soon within 28 days (the folder's config).
source "$(dirname "$0")/lib.sh"
checks=0

cp -R "$WELLBEING_ROOT/tests/data/summary/folder" "$work/folder"
cd "$work/folder"
valid=(records/p-0101.yaml records/p-0102.yaml records/p-0103.yaml records/p-0104.yaml)

# --- A JSON reader in awk: one line per scalar, "PATH<TAB>JSON value" (".outcomes.by_status.open<TAB>3",
# ".people[0].id<TAB>"p-0101""). Empty arrays and objects print as [] and {}.
flatten() {
  awk '
    function fail(what) { printf "bad JSON at %d: %s\n", i, what > "/dev/stderr"; exit 2 }
    function ws() { while (i <= n && index(" \t\r\n", substr(s, i, 1)) > 0) i++ }
    function str(   start, c) {
      if (substr(s, i, 1) != "\"") fail("expected a string")
      start = i; i++
      while (i <= n) {
        c = substr(s, i, 1)
        if (c == "\\") { i += 2; continue }
        i++
        if (c == "\"") return substr(s, start, i - start)
      }
      fail("unterminated string")
    }
    function value(path,   c, k, idx, start) {
      ws(); c = substr(s, i, 1)
      if (c == "{") {
        i++; ws()
        if (substr(s, i, 1) == "}") { i++; print path "\t{}"; return }
        while (1) {
          ws(); k = str(); ws()
          if (substr(s, i, 1) != ":") fail("expected :")
          i++
          value(path "." substr(k, 2, length(k) - 2))
          ws(); c = substr(s, i, 1); i++
          if (c == "}") return
          if (c != ",") fail("expected , or }")
        }
      }
      if (c == "[") {
        i++; ws()
        if (substr(s, i, 1) == "]") { i++; print path "\t[]"; return }
        idx = 0
        while (1) {
          value(path "[" idx "]"); idx++
          ws(); c = substr(s, i, 1); i++
          if (c == "]") return
          if (c != ",") fail("expected , or ]")
        }
      }
      if (c == "\"") { print path "\t" str(); return }
      start = i
      while (i <= n && index(",]} \t\r\n", substr(s, i, 1)) == 0) i++
      if (i == start) fail("expected a value")
      print path "\t" substr(s, start, i - start)
    }
    { s = s $0 "\n" }
    END { n = length(s); i = 1; value(""); ws(); if (i <= n) fail("text after the value") }'
}

json=""
# Runs `wellbeing summary ARGS… --format json` and keeps its flattened output for expect().
summarise() {
  local out status=0
  out=$("$WELLBEING" summary "$@" --format json 2>"$work/stderr") || status=$?
  [[ $status -eq 0 ]] || fail "wellbeing summary $* exited $status: $(cat "$work/stderr")"
  json=$(printf '%s' "$out" | flatten) || fail "wellbeing summary $* printed invalid JSON"
}
# expect PATH VALUE: the JSON value at PATH (strings with their quotes).
expect() {
  local path=$1 want=$2 got
  got=$(printf '%s\n' "$json" | awk -F '\t' -v p="$path" '$1 == p { print $2; found = 1 } END { exit !found }') ||
    fail "no value at $path"
  [[ "$got" == "$want" ]] || fail "$path is $got, expected $want"
  checks=$((checks + 1))
}
# expect_count PREFIX N: the array at PREFIX has N items.
expect_count() {
  local prefix=$1 want=$2 got
  got=$(printf '%s\n' "$json" | awk -F '\t' -v p="$prefix" '
    $1 == p && $2 == "[]" { print 0; exit }
    index($1, p "[") == 1 { rest = substr($1, length(p) + 2); sub(/\].*/, "", rest); if (rest + 1 > max) max = rest + 1 }
    END { if (max != "") print max }')
  [[ "${got:-0}" == "$want" ]] || fail "$prefix has ${got:-0} items, expected $want"
  checks=$((checks + 1))
}

# --- Independent counts over the YAML (block style: top-level sections, outcomes at "  - id: o-").

# Outcomes with this status, over the valid records.
count_status() {
  awk -v want="$1" '/^[a-z_]+:/ { section = $1 }
    section == "outcomes:" && $0 == "    status: " want { n++ } END { print n + 0 }' "${valid[@]}"
}
# Outcomes met from FROM to TO (by met_on), over the valid records.
count_met() {
  awk -v from="$1" -v to="$2" '
    function close_outcome() { if (status == "met" && met >= from && met <= to) n++; status = ""; met = "" }
    /^[a-z_]+:/ { if (section == "outcomes:") close_outcome(); section = $1 }
    section == "outcomes:" && /^  - id: o-/ { close_outcome() }
    section == "outcomes:" && /^    status: / { status = $2 }
    section == "outcomes:" && /^    met_on: / { met = $2 }
    END { if (section == "outcomes:") close_outcome(); print n + 0 }' "${valid[@]}"
}
# Actions due before AS_OF, not done, on outcomes open or in progress.
count_overdue() {
  awk -v as_of="$1" '
    function close_action() { if (due != "" && due < as_of && done == "") pending++; due = ""; done = "" }
    function close_outcome() { close_action(); if (status == "open" || status == "in_progress") n += pending; pending = 0; status = "" }
    FNR == 1 { close_outcome(); section = "" }
    /^[a-z_]+:/ { if (section == "outcomes:") close_outcome(); section = $1 }
    section == "outcomes:" && /^  - id: o-/ { close_outcome() }
    section == "outcomes:" && /^      - id: a-/ { close_action() }
    section == "outcomes:" && /^    status: / { status = $2 }
    section == "outcomes:" && /^        due: / { due = $2 }
    section == "outcomes:" && /^        done: / { done = $2 }
    END { close_outcome(); print n + 0 }' "${valid[@]}"
}
# The average change in ONS4 answer KEY from each person's first measure to their latest (by date), over
# the people with two measures or more, to two decimals; then the number of people.
ons4_average() {
  awk -v key="$1" '
    function close_file() {
      if (count >= 2) { total += value[last] - value[first]; people++ }
      count = 0; first = ""; last = ""; delete value
    }
    FNR == 1 { if (NR > 1) close_file(); section = "" }
    /^[a-z_]+:/ { section = $1 }
    section == "measures:" && /^    date: / { date = $2 }
    section == "measures:" && $1 == key ":" {
      value[date] = $2; count++
      if (first == "" || date < first) first = date
      if (last == "" || date > last) last = date
    }
    END { close_file(); if (people) printf "%.2f %d\n", total / people, people; else print "null 0" }' "${valid[@]}"
}
# A JSON number as nlohmann writes a value rounded to two decimals: 2.0 for 2, 1.5 for 1.50, -3.0 for -3.
json_number() {
  awk -v x="$1" 'BEGIN { s = sprintf("%.2f", x); sub(/0+$/, "", s); if (s ~ /\.$/) s = s "0"; if (s == "-0.0") s = "0.0"; print s }'
}

# =========================================================================================================
# The folder, as of 2026-11-22.
summarise records --as-of 2026-11-22
expect .kind '"folder"'
expect .as_of '"2026-11-22"'
expect .period.from '"2025-11-23"'   # 2026-11-22 less 12 months, plus one day
expect .period.to '"2026-11-22"'
expect .within_days 28               # wellbeing.yaml: due_soon_days: 28

# Six files: p-0105 has `status: compleet` (a schema error) and p-0106 a duplicate key, so both are left out.
expect .files.total 6
expect .files.counted 4
expect .files.left_out 2
expect '.files.items[4].path' '"records/p-0105.yaml"'
expect '.files.items[4].counted' false
expect '.files.items[4].first_error.rule' '"schema"'
expect '.files.items[5].counted' false
expect '.files.items[5].person' null
expect '.files.items[5].first_error.rule' '"yaml"'
expect_count .people 4

# Reviews. p-0101: rv-1 sets next_review_due 2026-10-01; to 2026-11-22 is 30 days (rest of October) + 22 =
# 52 days overdue. p-0102: no review, support started 2026-10-05; the first review is due 6 to 8 weeks
# later, from 2026-11-16 (+42 days) to 2026-11-30 (+56 days, 8 days ahead): its window is open, so it is due
# soon. p-0103: next 2027-06-01, 191 days away (8 + 31 + 31 + 28 + 31 + 30 + 31 + 1): neither.
# p-0104: no review and no start date: unknown.
expect_count .reviews.overdue 1
expect '.reviews.overdue[0].person' '"p-0101"'
expect '.reviews.overdue[0].next_due' '"2026-10-01"'
expect '.reviews.overdue[0].days' -52
expect_count .reviews.due_soon 1
expect '.reviews.due_soon[0].person' '"p-0102"'
expect '.reviews.due_soon[0].next_due' '"2026-11-30"'
expect '.reviews.due_soon[0].days' 8
expect_count .reviews.unknown 1
expect '.reviews.unknown[0].person' '"p-0104"'

# Outcomes by status: p-0101 met, in_progress, open, withdrawn; p-0102 in_progress, open; p-0103 met, met,
# not_met; p-0104 open. Counted again from the YAML.
expect .outcomes.total 10
for status in open in_progress met not_met withdrawn; do
  expect ".outcomes.by_status.$status" "$(count_status "$status")"
done
expect .outcomes.by_status.open 3
expect .outcomes.by_status.met 3
# By area (an outcome counts under each area it names): health is named by p-0101 o-2 (in progress) and o-4
# (withdrawn) and p-0104 o-1 (open); participation by p-0101 o-1 (met), p-0102 o-2 (open) and p-0103 o-1
# (met); protection by none. The nine rows are in statutory order.
expect '.outcomes.by_area[0].area' '"dignity"'
expect '.outcomes.by_area[1].area' '"health"'
expect '.outcomes.by_area[1].total' 3
expect '.outcomes.by_area[1].by_status.open' 1
expect '.outcomes.by_area[1].by_status.in_progress' 1
expect '.outcomes.by_area[1].by_status.withdrawn' 1
expect '.outcomes.by_area[2].total' 0
expect '.outcomes.by_area[4].area' '"participation"'
expect '.outcomes.by_area[4].total' 3
expect '.outcomes.by_area[4].by_status.met' 2
expect '.outcomes.by_area[8].area' '"contribution"'
expect_count .outcomes.by_area 9
# Overdue actions: p-0101 a-2 (due 2026-10-01) and p-0102 a-1 (due 2026-11-21); not p-0101 a-4 (its outcome
# is withdrawn), nor those due later.
expect .outcomes.overdue_actions 2
expect .outcomes.overdue_actions "$(count_overdue 2026-11-22)"

# Met in the period: p-0101 o-1 (2026-03-15) and p-0103 o-2 (2026-11-22, the last day); p-0103 o-1 was met
# on 2025-11-22, the day before the period. Who acted: p-0101 o-1 who_acts self and community, its action
# network; p-0103 o-2 who_acts service, its action other_agency.
expect .met_in_period.count 2
expect .met_in_period.count "$(count_met 2025-11-23 2026-11-22)"
expect '.met_in_period.items[0].person' '"p-0101"'
expect '.met_in_period.items[0].outcome' '"o-1"'
expect '.met_in_period.items[1].person' '"p-0103"'
expect '.met_in_period.items[1].met_on' '"2026-11-22"'
for actor in self network community service other_agency; do
  expect ".met_in_period.who_acted.$actor" 1
done

# Review requests pending: only p-0101 rr-1 (p-0103's is accepted), sent 2026-08-01: 30 days (rest of
# August) + 30 + 31 + 22 = 113 days waiting.
expect_count .review_requests_pending 1
expect '.review_requests_pending[0].person' '"p-0101"'
expect '.review_requests_pending[0].id' '"rr-1"'
expect '.review_requests_pending[0].days_waiting' 113
expect '.review_requests_pending[0].reference' '"RR-ALPHA-0101"'

# Safeguarding: p-0101 sg-1 (neglect) is open and sg-2 closed; p-0103 sg-1 (financial_material) is open.
expect .safeguarding.open 2
expect .safeguarding.people 2
expect .safeguarding.by_type.neglect 1
expect .safeguarding.by_type.financial_material 1

# ONS4, first to latest: p-0101 (5,6,5,6) -> (7,7,6,3) = (+2,+1,+1,-3); p-0103 (4,4,4,8) -> (6,3,6,5) =
# (+2,-1,+2,-3); p-0104 has one measure. Averages over 2 people: +2, 0, +1.5, -3.
expect .ons4.life_satisfaction.people 2
expect .ons4.life_satisfaction.average_change 2.0
expect .ons4.worthwhile.average_change 0.0
expect .ons4.happy_yesterday.average_change 1.5
expect .ons4.anxious_yesterday.average_change -3.0
for key in life_satisfaction worthwhile happy_yesterday anxious_yesterday; do
  read -r average people < <(ons4_average "$key")
  expect ".ons4.$key.people" "$people"
  expect ".ons4.$key.average_change" "$(json_number "$average")"
done

# No conversation in the period: p-0103 (last on 2025-11-01) and p-0104 (none); p-0101 talked on 2026-09-10
# and p-0102 on 2026-10-12.
expect_count .no_conversation_in_period 2
expect '.no_conversation_in_period[0].person' '"p-0103"'
expect '.no_conversation_in_period[0].last_conversation' '"2025-11-01"'
expect '.no_conversation_in_period[1].person' '"p-0104"'
expect '.no_conversation_in_period[1].last_conversation' null

# --- Another period and a longer notice: from 2025-11-01 to 2026-03-31, p-0101 o-1 (2026-03-15) and p-0103
# o-1 (2025-11-22) are met in it, both acted on by the person (self): 2; network and community 1 each (p-0101
# o-1), service and other agency 0. Only p-0103 talked in it (2025-11-01). Within 200 days, p-0103's review
# (191 days ahead) is due soon too, after p-0102's (8 days).
summarise records --as-of 2026-11-22 --from 2025-11-01 --to 2026-03-31 --within 200
expect .met_in_period.count 2
expect .met_in_period.count "$(count_met 2025-11-01 2026-03-31)"
expect .met_in_period.who_acted.self 2
expect .met_in_period.who_acted.network 1
expect .met_in_period.who_acted.service 0
expect .met_in_period.who_acted.other_agency 0
expect_count .no_conversation_in_period 3
expect '.no_conversation_in_period[0].person' '"p-0101"'
expect '.no_conversation_in_period[1].person' '"p-0102"'
expect '.no_conversation_in_period[2].person' '"p-0104"'
expect_count .reviews.due_soon 2
expect '.reviews.due_soon[0].person' '"p-0102"'
expect '.reviews.due_soon[1].person' '"p-0103"'
expect '.reviews.due_soon[1].days' 191
expect .within_days 200

# --- Filters. --area health: p-0101 o-2 (in progress), o-4 (withdrawn), p-0104 o-1 (open); one area row;
# p-0101 a-2 is the one overdue action among them; none met.
summarise records --as-of 2026-11-22 --area health
expect .outcomes.total 3
expect .outcomes.by_status.in_progress 1
expect .outcomes.by_status.withdrawn 1
expect .outcomes.by_status.open 1
expect_count .outcomes.by_area 1
expect .outcomes.overdue_actions 1
expect .met_in_period.count 0
# --area by the statute's letter, and --status: e (participation) with status met is p-0101 o-1 and
# p-0103 o-1.
summarise records --as-of 2026-11-22 --area e --status met
expect .outcomes.total 2
expect '.outcomes.by_area[0].area' '"participation"'
expect .met_in_period.count 1   # p-0103 o-1 was met before the period
# --person p-0103: one person; the unparsable p-0106 could be anyone's, so it is still listed.
summarise records --as-of 2026-11-22 --person p-0103
expect_count .people 1
expect .files.total 2
expect .outcomes.total 3
expect .safeguarding.open 1

# =========================================================================================================
# One person: p-0101, as of 2026-11-22.
summarise records/p-0101.yaml --as-of 2026-11-22
expect .kind '"person"'
expect .counted true
expect .person.id '"p-0101"'
expect .person.known_as '"Adaeze"'
# All nine areas, in statutory order.
expect_count .person.areas 9
i=0
for area in dignity health protection control participation social_economic relationships accommodation contribution; do
  expect ".person.areas[$i].id" "\"$area\""
  i=$((i + 1))
done
# Health: updated 2026-06-01, but conversation c-2 (2026-09-10) names it: last discussed 2026-09-10.
# Participation: updated 2026-03-01, also named by c-2. Dignity: updated 2026-09-10, no conversation.
expect '.person.areas[1].last_discussed' '"2026-09-10"'
expect '.person.areas[4].last_discussed' '"2026-09-10"'
expect '.person.areas[0].last_discussed' '"2026-09-10"'
expect '.person.areas[1].importance.level' '"high"'
expect '.person.areas[1].importance.said_by' '"person"'
# Open outcomes by area: health has o-2 (in progress; o-4 is withdrawn), accommodation o-3 (open),
# participation none (o-1 is met).
expect '.person.areas[1].open_outcomes[0]' '"o-2"'
expect_count '.person.areas[1].open_outcomes' 1
expect '.person.areas[7].open_outcomes[0]' '"o-3"'
expect_count '.person.areas[4].open_outcomes' 0
expect .person.outcomes.total 4
expect .person.outcomes.by_status.open 1
expect .person.outcomes.by_status.in_progress 1
expect .person.outcomes.by_status.met 1
expect .person.outcomes.by_status.withdrawn 1
# o-1: who_acts self and community, action a-1 by network: in strengths-first order.
expect '.person.outcomes.items[0].who_acts[0]' '"self"'
expect '.person.outcomes.items[0].who_acts[1]' '"network"'
expect '.person.outcomes.items[0].who_acts[2]' '"community"'
expect_count .person.overdue_actions 1
expect '.person.overdue_actions[0].id' '"a-2"'
expect '.person.overdue_actions[0].days_overdue' 52
expect .person.review.last.id '"rv-1"'
expect .person.review.next_due '"2026-10-01"'
expect .person.review.status '"overdue"'
expect .person.review.days -52
# ONS4: m-1 (5,6,5,6) on 2025-01-10, m-2 (7,7,6,3) on 2026-09-10.
expect .person.ons4.measures 2
expect .person.ons4.first.date '"2025-01-10"'
expect .person.ons4.latest.answers.anxious_yesterday 3
expect .person.ons4.change.life_satisfaction 2
expect .person.ons4.change.worthwhile 1
expect .person.ons4.change.happy_yesterday 1
expect .person.ons4.change.anxious_yesterday -3
expect '.person.review_requests_pending[0].days_waiting' 113
expect .person.safeguarding.open 1
expect '.person.safeguarding.types[0]' '"neglect"'
expect_count .person.safeguarding.types 1
# Conversations: c-1 on 2025-06-01 (before the period) and c-2 on 2026-09-10 (in it).
expect .person.conversations.total 2
expect .person.conversations.in_period 1
expect .person.conversations.last '"2026-09-10"'
expect .person.voice.voice '"direct"'
expect '.person.voice.representatives[0].name' '"Tobiah"'
# Rule findings: the review overdue since 2026-10-01 (WB007), rr-1 pending for 113 days, over 8 weeks
# (WB024), and large print, which she needs, used in neither conversation (WB036): three warnings, no errors.
expect .findings.errors 0
expect .findings.warnings 3
expect .findings.by_rule.WB007 1
expect .findings.by_rule.WB024 1
expect .findings.by_rule.WB036 1

# p-0102: importance from the advocate; the first review is due soon; one action overdue by a day.
summarise records/p-0102.yaml --as-of 2026-11-22
expect '.person.areas[0].importance.said_by' '"representative"'
expect '.person.areas[0].importance.representative' '"r-1"'
expect '.person.areas[0].importance.representative_name' '"Wrenna"'
expect .person.review.basis '"first_review"'
expect .person.review.window_opens '"2026-11-16"'   # 2026-10-05 + 42 days
expect .person.review.next_due '"2026-11-30"'
expect .person.review.status '"due_soon"'
expect '.person.overdue_actions[0].days_overdue' 1   # due 2026-11-21
expect .person.voice.can_take_part '"not_at_present"'
expect .person.voice.evidence.earlier_views 1
expect .person.voice.evidence.observation 1

# An invalid file alone: reported, nothing counted, exit 1 (there is no summary to give).
status=0
"$WELLBEING" summary records/p-0105.yaml --as-of 2026-11-22 --format json >"$work/out.json" 2>"$work/err" || status=$?
[[ $status -eq 1 ]] || fail "an invalid file alone exited $status, expected 1"
json=$(flatten <"$work/out.json")
expect .counted false
expect .person null
expect .findings.errors 1
grep -q "left out records/p-0105.yaml: 1 error" "$work/err" || fail "no note on standard error: $(cat "$work/err")"

echo "summary numbers: $checks checks passed"
