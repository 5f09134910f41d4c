#!/usr/bin/env bash
# --at DATE|REV for validate, summary and render: the records and their settings as they stood at a commit,
# read from git without touching the working tree; a record not there yet is absent (not an error), a
# renamed one is found under its old name, and outside a git repository --at is a clear error (exit 2).
# Also render's "What changed since the last review", worked out from the last review's date.
source "$(dirname "$0")/lib.sh"
examples="$WELLBEING_ROOT/examples/records"
commit_at() { as_author "Ada Example" ada@example.org "$1" git commit -q -m "$2"; }
provider() { printf 'schema: wellbeing-config/v1\nprovider: { name: %s, type: home_care }\n' "$1" >wellbeing.yaml; }
people() { python3 -c 'import json,sys; print(" ".join(sorted(p["id"] for p in json.load(sys.stdin)["people"])))'; }

repo="$work/provider"
mkdir -p "$repo/records" && cd "$repo" && git init -q -b main
provider "Old Name Care (fictional)"
cp "$examples/p-0001.yaml" "$examples/p-0002.yaml" records/
git add -A && commit_at 2026-01-10T10:00:00+00:00 "Two people"
first=$(git rev-parse HEAD)
cp "$examples/p-0003.yaml" records/ && git mv records/p-0001.yaml records/maureen.yaml
git add -A && commit_at 2026-03-10T10:00:00+00:00 "A third person; a record named by name"
second=$(git rev-parse HEAD)
provider "New Name Care (fictional)"
git add -A && commit_at 2026-05-10T10:00:00+00:00 "The provider's new name"

# Before p-0003 existed: the folder's summary counts the two people there were; not an error.
expect_exit 0 "summary at a date before a record existed" "$WELLBEING" summary --at 2026-02-01 --format json
same_text "people at 2026-02-01" "p-0001 p-0002" "$(people <out.txt)"
has "$(cat err.txt)" "wellbeing: the records as they stood at commit ${first:0:12} (2026-01-10 10:00:00 +0000)" "summary's note"
expect_exit 0 "summary today" "$WELLBEING" summary --format json
same_text "people now" "p-0001 p-0002 p-0003" "$(people <out.txt)"
# A date on the day of a commit includes it.
expect_exit 0 "summary on the day of a commit" "$WELLBEING" summary --at 2026-03-10 --format json
same_text "people at 2026-03-10" "p-0001 p-0002 p-0003" "$(people <out.txt)"

# The record named, before it existed: left out with a note, nothing to check, exit 0.
expect_exit 0 "validate a record before it existed" "$WELLBEING" validate records/p-0003.yaml --at 2026-02-01
has "$(cat err.txt)" "records/p-0003.yaml was not there at commit ${first:0:12}" "note"
has "$(cat err.txt)" "nothing to check" "note"
expect_exit 2 "render a record before it existed" "$WELLBEING" render records/p-0003.yaml --at 2026-02-01
has "$(cat err.txt)" "wellbeing: error: --at 2026-02-01: records/p-0003.yaml was not there at commit ${first:0:12}" "render's error"

# A rename: records/maureen.yaml is found under the name it had then, by its person id.
expect_exit 0 "validate a renamed record" "$WELLBEING" validate records/maureen.yaml --at 2026-02-01 --format json
has "$(cat out.txt)" '"path": "records/p-0001.yaml"' "validate's JSON"
expect_exit 0 "render a renamed record" "$WELLBEING" render records/maureen.yaml --at 2026-02-01 --no-redact
has "$(cat out.txt)" "# Wellbeing review: Maureen" "render at a date"
has "$(cat out.txt)" "- **In git:** records/p-0001.yaml, last changed in commit ${first:0:12}" "render's provenance"

# The footer names the last commit up to the one read that changed the record (the rename), not that one.
expect_exit 0 "render at HEAD" "$WELLBEING" render records/maureen.yaml --at HEAD --no-redact
has "$(cat out.txt)" "- **In git:** records/maureen.yaml, last changed in commit ${second:0:12} (2026-03-10 10:00:00 +0000). No uncommitted changes." "render's provenance at HEAD"

# A revision, and the settings as they stood: the provider's name then and now.
expect_exit 0 "summary at a revision" "$WELLBEING" summary --at HEAD~1
has "$(cat out.txt)" "Provider: Old Name Care (fictional)" "summary at HEAD~1"
git tag before-rename "$first"
expect_exit 0 "summary at a tag" "$WELLBEING" summary --at before-rename --format json
same_text "people at the tag" "p-0001 p-0002" "$(people <out.txt)"
expect_exit 0 "summary at HEAD" "$WELLBEING" summary --at HEAD
has "$(cat out.txt)" "Provider: New Name Care (fictional)" "summary at HEAD"

# From a folder inside the repository, paths stay as typed; an edit not committed is not read.
echo "not: [a record" >records/broken.yaml
(cd records && expect_exit 0 "validate from inside the records folder" "$WELLBEING" validate . --at HEAD)
has "$(cat records/err.txt)" "3 records checked, all valid" "validate at HEAD"
rm records/out.txt records/err.txt
expect_exit 1 "validate the working tree" "$WELLBEING" validate
rm records/broken.yaml
# The working tree and the index are untouched.
same_text "git status" "" "$(git status --porcelain --untracked-files=all | grep -v -e out.txt -e err.txt || true)"

# The copy is removed when the command ends; one left by a command ended by a signal (its process gone) is
# removed by the next.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
sleep 0 & gone=$!
wait "$gone"
mkdir -p "$TMPDIR/wellbeing-at-$gone-abcdef/records"
expect_exit 0 "summary with a copy left behind" "$WELLBEING" summary --at HEAD
same_text "temporary folders" "" "$(ls -A "$TMPDIR")"
unset TMPDIR

# Unknown revisions, dates before the first commit and bad dates are usage errors.
expect_exit 2 "an unknown revision" "$WELLBEING" validate --at no-such-branch
has "$(cat err.txt)" "wellbeing: error: --at no-such-branch: unknown revision 'no-such-branch'" "error"
expect_exit 2 "a date before the first commit" "$WELLBEING" summary --at 2025-12-31
has "$(cat err.txt)" "wellbeing: error: --at 2025-12-31: no commit on or before 2025-12-31 in the history of HEAD" "error"
expect_exit 2 "not a date" "$WELLBEING" summary --at 2026-02-30
has "$(cat err.txt)" "'2026-02-30' is not a date" "error"

# Outside a git repository: a clear error for each command, exit 2.
mkdir -p "$work/plain/records" && cp "$examples/p-0002.yaml" "$work/plain/records/"
cd "$work/plain"
for command in "validate" "summary" "render records/p-0002.yaml"; do
  expect_exit 2 "$command --at outside git" $WELLBEING $command --at 2026-02-01
  has "$(cat err.txt)" "wellbeing: error: --at 2026-02-01:" "$command's error"
  has "$(cat err.txt)" "is not in a git repository" "$command's error"
done

# render works out "since the last review" by itself: p-0001's last review is on 2026-04-14, so it compares
# with the last commit on or before that day (2026-03-10), not with the later ones.
cd "$repo"
sed -i 's/^    summary: /    summary: (edited) /' records/maureen.yaml
"$WELLBEING" validate records/maureen.yaml >/dev/null 2>&1 || fail "the edited record is not valid"
git add -A && commit_at 2026-11-01T09:00:00+00:00 "An edit after the review"
expect_exit 0 "render since the last review" "$WELLBEING" render records/maureen.yaml --as-of 2026-11-22 --no-redact
has "$(cat out.txt)" "## What changed since the last review" "render"
has "$(cat out.txt)" "Compared with the record at commit ${second:0:12} (2026-03-10 10:00:00 +0000)." "render"
has "$(cat out.txt)" "| Changed | Conversations |" "render"
# --since REV still names its own revision.
expect_exit 0 "render --since" "$WELLBEING" render records/maureen.yaml --as-of 2026-11-22 --since HEAD
has "$(cat out.txt)" "Nothing in the record has changed." "render --since HEAD"
lacks "$(cat out.txt)" "since the last review" "render --since HEAD"
echo "history_at: ok"
