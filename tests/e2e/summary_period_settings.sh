#!/usr/bin/env bash
# summary --period checks each period's records with the folder's settings as they stood at that period's
# end, not today's: here the first-review window was 6 weeks until the provider widened it to 8, so a first
# review held in the seventh week was late when it was held, and is counted late in its quarter. Settings
# that validate would have refused then (a protected rule turned off) give way to today's: the record with
# a risk to a child and no mitigation is left out of that quarter, not counted as valid.
source "$(dirname "$0")/lib.sh"
skip_without "apt install python3 git" python3 git

repo="$work/provider"
mkdir -p "$repo/records" && cd "$repo" && git init -q -b main
settings() {
  printf 'schema: wellbeing-config/v1\nprovider: { name: Alder Row Support (fictional), type: home_care }\n' >wellbeing.yaml
  printf 'reviews:\n  first_review_weeks: { min: 4, max: %s }\n' "$1" >>wellbeing.yaml
}
review() {
  cat <<'YAML'
reviews:
  - { id: rv-1, date: 2026-02-23, type: first, attendees: [Nell, Ola (support worker)], next_review_due: 2027-02-23 }
YAML
}
commit() { git add -A && as_author "Ola Example" ola@example.org "$1T10:00:00+00:00" git commit -q -m "$2"; }
record() {
  cat <<'YAML'
# Nell (fictional), for the settings-over-time test.
schema: wellbeing/v2
person: { id: p-0401, known_as: Nell, support_started: 2026-01-05, voice: direct }
areas:
  dignity: { status: not_yet_explored }
  health:
    status: explored
    views:
      - { date: 2026-01-12, said: My chest is better in the mornings., from: c-1 }
    importance: { level: high, said_by: person }
    concerns: none raised
    updated: 2026-01-12
  protection: { status: not_yet_explored }
  control: { status: not_yet_explored }
  participation: { status: not_yet_explored }
  social_economic: { status: not_yet_explored }
  relationships: { status: not_yet_explored }
  accommodation: { status: not_yet_explored }
  contribution: { status: not_yet_explored }
conversations:
  - { id: c-1, date: 2026-01-12, led_by: Ola (support worker), approach: everyday, areas: [health], summary: Over tea. }
YAML
}
settings 6
record >records/p-0401.yaml
commit 2026-01-12 "Nell"
(record && review) >records/p-0401.yaml
commit 2026-02-23 "Nell's first review, in week 7"
settings 8
commit 2026-04-15 "First reviews within 8 weeks"
# July: a risk to a child with no mitigation, and a folder setting that turns the protection rule off.
printf 'rules:\n  WB010: { severity: "off", reason: Not needed for us. }\n' >>wellbeing.yaml
(record && review && cat <<'YAML') >records/p-0401.yaml
outcomes:
  - id: o-1
    kind: achieve
    areas: [relationships]
    said: I want my granddaughter to stay over.
    opened: 2026-07-01
    status: open
    who_acts: [self, network]
    risk_to_others: { description: A night on her own with Nell after a fall., who_at_risk: child }
YAML
commit 2026-07-01 "Nell's new outcome; WB010 off"
settings 8
(record && review) >records/p-0401.yaml
commit 2026-10-05 "The outcome withdrawn for now; the rule back on"

reviews() {
  python3 -c 'import json,sys
for c in json.load(sys.stdin)["columns"]:
    f = c["figures"]; print(c["label"], f["people"], c["left_out"], f["reviews_on_time"], f["reviews_late"])'
}
expect_exit 0 "summary --period" "$WELLBEING" summary records --period quarterly --from 2026-01-01 --to 2026-12-31 --as-of 2026-12-31 --format json
same_text "quarters (label, people, left out, reviews on time, late)" "2026-Q1 1 0 0 1
2026-Q2 1 0 0 0
2026-Q3 0 1 0 0
2026-Q4 1 0 0 0" "$(reviews <out.txt)"

echo "settings as they stood: Q1's first review late under its 6-week window; Q3's refused settings not applied"
