#!/usr/bin/env bash
# summary --period checks each period's records with the folder's settings as they stood at that period's
# end, not today's: here the first-review window was 6 weeks until the provider widened it to 8, so a first
# review held in the seventh week was late when it was held, and is counted late in its quarter.
source "$(dirname "$0")/lib.sh"
skip_without "apt install python3 git" python3 git

repo="$work/provider"
mkdir -p "$repo/records" && cd "$repo" && git init -q -b main
settings() {
  printf 'schema: wellbeing-config/v1\nprovider: { name: Alder Row Support (fictional), type: home_care }\n' >wellbeing.yaml
  printf 'reviews:\n  first_review_weeks: { min: 4, max: %s }\n' "$1" >>wellbeing.yaml
}
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
git add -A && as_author "Ola Example" ola@example.org 2026-01-12T10:00:00+00:00 git commit -q -m "Nell"
record >records/p-0401.yaml
cat >>records/p-0401.yaml <<'YAML'
reviews:
  - { id: rv-1, date: 2026-02-23, type: first, attendees: [Nell, Ola (support worker)], next_review_due: 2027-02-23 }
YAML
git add -A && as_author "Ola Example" ola@example.org 2026-02-23T10:00:00+00:00 git commit -q -m "Nell's first review, in week 7"
settings 8
git add -A && as_author "Ola Example" ola@example.org 2026-04-15T10:00:00+00:00 git commit -q -m "First reviews within 8 weeks"

reviews() {
  python3 -c 'import json,sys
for c in json.load(sys.stdin)["columns"]:
    f = c["figures"]; print(c["label"], f["people"], f["reviews_on_time"], f["reviews_late"])'
}
expect_exit 0 "summary --period" "$WELLBEING" summary records --period quarterly --from 2026-01-01 --to 2026-06-30 --format json
same_text "quarters (label, people, reviews on time, late)" "2026-Q1 1 0 1
2026-Q2 1 0 0" "$(reviews <out.txt)"

echo "settings as they stood: Q1's first review late under the 6-week window it was held in"
