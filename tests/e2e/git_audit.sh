#!/usr/bin/env bash
# Git as the audit trail: several commits by different (fictional) authors and a rename, then
# `wellbeing log` (text, JSON, Markdown, --since/--until, --blame), `wellbeing diff REV REV -- FILE`, and
# `git diff` / `git log -p` through the diff driver and textconv filter configured as setup-git would.
source "$(dirname "$0")/lib.sh"
# Compares a command's output with what is expected (commit ids masked), showing the difference.
expect() {  # name actual expected
  same_text "$1" "$3" "$(printf '%s\n' "$2" | sed -E 's/\b[0-9a-f]{7}([0-9a-f]{33})?\b/<id>/g')"
}
commit_as() { as_author "$1" "$2" "$3" git commit -q -m "$4"; }  # name email date message

repo="$work/records-folder"
mkdir -p "$repo/records"
cd "$repo"
git init -q -b main
# The drivers exactly as /tmp/helper-diff-contract.md (and so `wellbeing setup-git`) configures them.
git config diff.wellbeing.command "'$WELLBEING' diff --git-external"
git config diff.wellbeing.textconv "'$WELLBEING' show --canonical"
git config merge.wellbeing.name "wellbeing record merge"
git config merge.wellbeing.driver "'$WELLBEING' merge %O %A %B %P"
printf 'records/**/*.yaml diff=wellbeing merge=wellbeing\nrecords/**/*.yml diff=wellbeing merge=wellbeing\n' >.gitattributes
git add .gitattributes && commit_as "Dee Okafor" dee@example.org "2026-08-31T09:00:00+01:00" "Bind record files to the wellbeing drivers"

# 1. Dee creates Ivy's record.
cp "$WELLBEING_ROOT/tests/data/diff/base.yaml" records/ivy.yaml
git add records/ivy.yaml && commit_as "Dee Okafor" dee@example.org "2026-09-01T10:00:00+01:00" "New record for Ivy"

# 2. Sam adds a conversation.
sed -i '/^measures:/i\  - id: c-2\n    date: 2026-10-01\n    led_by: Sam (support worker)\n    approach: appreciative_enquiry\n    summary: Talked about the allotment and what helped her get there last year.\n' records/ivy.yaml
git add records/ivy.yaml && commit_as "Sam Patel" sam@example.org "2026-10-01T14:30:00+01:00" "Conversation about the allotment"

# 3. Sam records that outcome o-3 is met.
sed -i '/id: o-3/,/who_acts/ s/status: open/status: met\n    met_on: 2026-10-04/' records/ivy.yaml
git add records/ivy.yaml && commit_as "Sam Patel" sam@example.org "2026-10-04T16:00:00+01:00" "Ivy is back at the allotment"

# 4. Ola renames the file to the pseudonymous id, changing nothing in it.
git mv records/ivy.yaml records/p-0901.yaml
commit_as "Ola Mensah" ola@example.org "2026-10-10T11:00:00+01:00" "Name record files by person id"

# 5. Ola records that relationships now matter more to Ivy.
sed -i '/^  relationships:/,/updated/ s/level: medium/level: high/' records/p-0901.yaml
git add records/p-0901.yaml && commit_as "Ola Mensah" ola@example.org "2026-10-20T09:15:00+01:00" "Relationships: importance raised with Ivy

She said her sister's move has made the evenings long."

record=records/p-0901.yaml
"$WELLBEING" validate "$record" >/dev/null 2>&1 || true  # domain warnings do not matter here

# --- wellbeing log, text: newest first, across the rename, in the record's words.
log_text=$("$WELLBEING" log "$record" --since 2026-10-01)
expect "log --since" "$log_text" 'commit <id>
Author: Ola Mensah <ola@example.org>
Date:   2026-10-20 09:15:00 +0100
File:   records/p-0901.yaml

    Relationships: importance raised with Ivy

    She said her sister'"'"'s move has made the evenings long.

    Areas of wellbeing
      ~ Area relationships: importance medium → high (said by the person)

commit <id>
Author: Ola Mensah <ola@example.org>
Date:   2026-10-10 11:00:00 +0100
File:   records/p-0901.yaml
Renamed from records/ivy.yaml

    Name record files by person id

    (renamed; no change to the content)

commit <id>
Author: Sam Patel <sam@example.org>
Date:   2026-10-04 16:00:00 +0100
File:   records/ivy.yaml

    Ivy is back at the allotment

    Outcomes
      ~ Outcome o-3 "Back to the allotment on Saturdays.": status open → met
      + Outcome o-3 "Back to the allotment on Saturdays.": met on set to 2026-10-04

commit <id>
Author: Sam Patel <sam@example.org>
Date:   2026-10-01 14:30:00 +0100
File:   records/ivy.yaml

    Conversation about the allotment

    Conversations
      + Conversation 2026-10-01 added'

full_log=$("$WELLBEING" log "$record")
[[ $(grep -c '^commit ' <<<"$full_log") == 5 ]] || fail "log should list the 5 commits that changed the record: $full_log"
grep -q 'New record for Ivy' <<<"$full_log" || fail "log should reach the commit that created the record"
grep -q '+ Person added' <<<"$full_log" || fail "the first commit should show the record's parts added"
grep -q 'Bind record files' <<<"$full_log" && fail "log must not list commits that did not touch the record"

# --since and --until take whole days.
window=$("$WELLBEING" log "$record" --since 2026-10-04 --until 2026-10-10 | grep '^Date:')
expect "log --since --until" "$window" 'Date:   2026-10-10 11:00:00 +0100
Date:   2026-10-04 16:00:00 +0100'

# --- wellbeing log, JSON.
log_json=$("$WELLBEING" log "$record" --format json --since 2026-10-10)
expect "log --format json" "$log_json" '{
  "version": 1,
  "file": "records/p-0901.yaml",
  "person": "p-0901",
  "commits": [
    {
      "commit": "<id>",
      "author": {
        "name": "Ola Mensah",
        "email": "ola@example.org"
      },
      "date": "2026-10-20T09:15:00+01:00",
      "message": "Relationships: importance raised with Ivy\n\nShe said her sister'"'"'s move has made the evenings long.",
      "path": "records/p-0901.yaml",
      "renamed_from": null,
      "changes": [
        {
          "path": "/areas/relationships/importance/level",
          "kind": "changed",
          "old": "medium",
          "new": "high",
          "label": "Area relationships: importance medium → high (said by the person)"
        }
      ]
    },
    {
      "commit": "<id>",
      "author": {
        "name": "Ola Mensah",
        "email": "ola@example.org"
      },
      "date": "2026-10-10T11:00:00+01:00",
      "message": "Name record files by person id",
      "path": "records/p-0901.yaml",
      "renamed_from": "records/ivy.yaml",
      "changes": []
    }
  ]
}'
[[ $("$WELLBEING" log "$record" --format json | grep -c '"commit": ') == 5 ]] || fail "JSON log should hold 5 commits"

# Markdown, for a review pack.
log_md=$("$WELLBEING" log "$record" --format md --since 2026-10-20)
expect "log --format md" "$log_md" '# Changes to records/p-0901.yaml

## 2026-10-20: Relationships: importance raised with Ivy

By Ola Mensah on 2026-10-20 09:15:00 +0100, commit `<id>`.

> She said her sister'"'"'s move has made the evenings long.

### Areas of wellbeing

- Area relationships: importance medium → high (said by the person)'

# --- wellbeing diff between revisions, across the rename (HEAD~2 and HEAD~3 had records/ivy.yaml).
set +e
rev_diff=$("$WELLBEING" diff HEAD~3 HEAD -- "$record")
status=$?
set -e
[[ $status == 1 ]] || fail "diff HEAD~3 HEAD should exit 1 (different), not $status"
expect "diff HEAD~3 HEAD -- FILE" "$rev_diff" 'Areas of wellbeing
  ~ Area relationships: importance medium → high (said by the person)
Outcomes
  ~ Outcome o-3 "Back to the allotment on Saturdays.": status open → met
  + Outcome o-3 "Back to the allotment on Saturdays.": met on set to 2026-10-04'
expect "diff HEAD~2 HEAD -- FILE" "$("$WELLBEING" diff HEAD~2 HEAD -- "$record" || true)" 'Areas of wellbeing
  ~ Area relationships: importance medium → high (said by the person)'
"$WELLBEING" diff HEAD~1 HEAD~1 -- "$record" || fail "a revision compared with itself should exit 0"
set +e
"$WELLBEING" diff no-such-revision -- "$record" 2>"$work/err"
status=$?
set -e
[[ $status == 2 ]] || fail "an unknown revision should exit 2, not $status"
grep -q "unknown revision 'no-such-revision'" "$work/err" || fail "unknown revision message: $(cat "$work/err")"

# --- git diff through the configured external driver: a working-tree change, in the record's words.
sed -i '/^strengths:/a\  - id: s-3\n    level: community\n    text: The Friday reading group saves her a seat.\n    areas: [participation]' "$record"
git_diff=$(git diff -- "$record")
expect "git diff (external driver)" "$git_diff" 'wellbeing diff a/records/p-0901.yaml b/records/p-0901.yaml
Strengths
  + Strength s-3 "The Friday reading group saves her a seat." added
      id: s-3
      level: community
      text: The Friday reading group saves her a seat.
      areas[]: participation'
# Without the external driver, the textconv view: one value per line.
textconv_diff=$(git diff --no-ext-diff -- "$record" | grep '^[-+][^-+]')
expect "git diff --no-ext-diff (textconv)" "$textconv_diff" '+strengths/s-3/id: s-3
+strengths/s-3/level: community
+strengths/s-3/text: The Friday reading group saves her a seat.
+strengths/s-3/areas[]: participation'
git checkout -q -- "$record"

# --- git log -p through the driver (--ext-diff) and through textconv (plain -p).
ext_log=$(git log -p --ext-diff --format='== %an: %s' -2 -- "$record")
grep -qF '== Ola Mensah: Relationships: importance raised with Ivy' <<<"$ext_log" || fail "git log --ext-diff: no commit line"
grep -qF '  ~ Area relationships: importance medium → high (said by the person)' <<<"$ext_log" ||
  fail "git log -p --ext-diff should show the semantic change: $ext_log"
textconv_log=$(git log -p --format='== %an: %s' -1 -- "$record")
grep -qxF -- '-areas/relationships/importance/level: medium' <<<"$textconv_log" || fail "git log -p (textconv): $textconv_log"
grep -qxF -- '+areas/relationships/importance/level: high' <<<"$textconv_log" || fail "git log -p (textconv): $textconv_log"
[[ $(grep -c '^[-+][a-z]' <<<"$textconv_log") == 2 ]] || fail "git log -p (textconv) should show only the changed value"

# --- --blame: who last changed one value, across the rename.
expect "blame status" "$("$WELLBEING" log "$record" --blame outcomes/o-3/status)" \
  'records/p-0901.yaml outcomes/o-3/status: met
  changed by Sam Patel <sam@example.org> on 2026-10-04 16:00:00 +0100 in <id>: Ivy is back at the allotment
  before: open'
expect "blame importance" "$("$WELLBEING" log "$record" --blame /areas/relationships/importance/level)" \
  'records/p-0901.yaml /areas/relationships/importance/level: high
  changed by Ola Mensah <ola@example.org> on 2026-10-20 09:15:00 +0100 in <id>: Relationships: importance raised with Ivy
  before: medium'
expect "blame conversation" "$("$WELLBEING" log "$record" --blame conversations/c-2/summary)" \
  'records/p-0901.yaml conversations/c-2/summary: "Talked about the allotment and what helped her get there last year."
  set by Sam Patel <sam@example.org> on 2026-10-01 14:30:00 +0100 in <id>: Conversation about the allotment'
expect "blame unchanged since creation" "$("$WELLBEING" log "$record" --blame person/known_as)" \
  'records/p-0901.yaml person/known_as: "Ivy"
  set by Dee Okafor <dee@example.org> on 2026-09-01 10:00:00 +0100 in <id>: New record for Ivy'
expect "blame JSON" "$("$WELLBEING" log "$record" --blame outcomes/o-3/status --format json)" '{
  "version": 1,
  "file": "records/p-0901.yaml",
  "path": "outcomes/o-3/status",
  "value": "met",
  "present": true,
  "previous": "open",
  "change": {
    "commit": "<id>",
    "author": {
      "name": "Sam Patel",
      "email": "sam@example.org"
    },
    "date": "2026-10-04T16:00:00+01:00",
    "message": "Ivy is back at the allotment"
  }
}'
# A value taken out is blamed on the commit that took it out.
sed -i '/^  - id: sh-1/,$d' "$record" && sed -i 's/^sharing:$/sharing: []/' "$record"
git add "$record" && commit_as "Dee Okafor" dee@example.org "2026-10-21T08:00:00+01:00" "Remove a sharing entry recorded twice"
expect "blame removed" "$("$WELLBEING" log "$record" --blame sharing/sh-1)" \
  'records/p-0901.yaml sharing/sh-1: not in the record now
  removed by Dee Okafor <dee@example.org> on 2026-10-21 08:00:00 +0100 in <id>: Remove a sharing entry recorded twice
  before: {id: "sh-1", date: 2026-09-02, with: "adult social care review team", what: "The review request and her stairs concern.", basis: consent, consent_recorded: true}'
set +e
"$WELLBEING" log "$record" --blame outcomes/o-9/status >/dev/null 2>"$work/err"
status=$?
set -e
[[ $status == 1 ]] || fail "blaming a path that never existed should exit 1, not $status"
grep -qF 'has never had a value at outcomes/o-9/status (did you mean `outcomes/o-1/status`?)' "$work/err" ||
  fail "message: $(cat "$work/err")"

# In a repository whose first commit holds the record, a path that never existed (or a typo) is never blamed
# on that commit's author: it is said to have never existed, with the path probably meant.
fresh="$work/fresh-folder"
mkdir -p "$fresh/records" && cp "$WELLBEING_ROOT/examples/records/p-0001.yaml" "$fresh/records/"
(cd "$fresh" && git init -q && git add -A &&
  commit_as "Ola Mensah" ola@example.org "2026-10-01T09:00:00+01:00" "First record")
for wanted in "outcomes/o-99/status|outcomes/o-1/status" "outcomes/o-1/staus|outcomes/o-1/status"; do
  set +e
  (cd "$fresh" && "$WELLBEING" log records/p-0001.yaml --blame "${wanted%%|*}") >"$work/out" 2>"$work/err"
  status=$?
  set -e
  [[ $status == 1 ]] || fail "blaming ${wanted%%|*} in a first commit should exit 1, not $status"
  [[ ! -s "$work/out" ]] || fail "blaming ${wanted%%|*} named someone: $(cat "$work/out")"
  grep -qF "records/p-0001.yaml has never had a value at ${wanted%%|*} (did you mean \`${wanted##*|}\`?)" \
    "$work/err" || fail "message for ${wanted%%|*}: $(cat "$work/err")"
done

# Outside a repository, log is a clear error.
set +e
"$WELLBEING" log "$WELLBEING_ROOT/tests/data/diff/base.yaml" --since nonsense >/dev/null 2>"$work/err"
status=$?
set -e
[[ $status == 2 ]] || fail "a bad --since should exit 2, not $status"

echo "git_audit: ok"
