#!/usr/bin/env bash
# The report's provenance and --since, in a records folder under git: the footer names the commit that
# last changed the record and its date, says when the file has uncommitted changes (or was never
# committed), and --since REV adds what changed from the semantic diff. Also -o (atomic, same bytes as
# standard output, nothing left behind on failure), deterministic output, and redaction by default.
source "$(dirname "$0")/lib.sh"
commit_at() {  # date message
  GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1 git commit -q -m "$2"
}
render() { "$WELLBEING" render records/p-0101.yaml --as-of 2026-11-22 "$@"; }

repo="$work/folder"
mkdir -p "$repo/records"
cd "$repo"
git init -q -b main
cat >wellbeing.yaml <<'EOF'
schema: wellbeing-config/v1
provider: { name: Test Provider (fictional), type: home_care }
EOF
cp "$WELLBEING_ROOT/tests/data/render/redact-by-default/p-0101.yaml" records/

# Not committed yet.
out=$(render)
has "$out" "- **In git:** records/p-0101.yaml, never committed. **The file has uncommitted changes:**" "report before the first commit"

# Committed: the footer names the commit and its date, in the committer's time zone.
git add -A && commit_at "2026-10-01T10:00:00+01:00" "First record"
first=$(git rev-parse HEAD)
out=$(render)
has "$out" "- **In git:** records/p-0101.yaml, last changed in commit ${first:0:12} (2026-10-01 10:00:00 +0100). No uncommitted changes." "report after the first commit"
html=$(render --format html)
has "$html" "last changed in commit <code>${first:0:12}</code> (2026-10-01 10:00:00 +0100). No uncommitted changes." "HTML report"

# A commit that does not touch the record leaves its last change where it was.
echo "notes" >notes.txt && git add notes.txt && commit_at "2026-10-02T09:00:00+00:00" "Notes"
has "$(render)" "last changed in commit ${first:0:12} (2026-10-01 10:00:00 +0100)" "report after an unrelated commit"

# An edit not yet committed is reported as such: a second conversation, added after the first.
awk '{ print } /quotes: \["Sundays are the best day."\]/ {
  print "  - id: c-2"; print "    date: 2026-11-02"; print "    led_by: Femi (support worker)"
  print "    approach: appreciative_enquiry"; print "    summary: Talked about a time Sundays went well."
  print "    quotes: [\"Cake helps.\"]" }' records/p-0101.yaml >"$work/edited.yaml"
mv "$work/edited.yaml" records/p-0101.yaml
"$WELLBEING" validate records/p-0101.yaml >/dev/null 2>&1 || fail "the edited record is not valid"
out=$(render)
has "$out" "last changed in commit ${first:0:12} (2026-10-01 10:00:00 +0100). **The file has uncommitted changes:** this report shows them, and the commit above does not." "report of an edited file"
has "$out" "> Cake helps." "report of an edited file"

# Committed again: the new commit, and --since the first one shows what changed.
git add records/p-0101.yaml && commit_at "2026-11-03T16:30:00+00:00" "Conversation c-2"
second=$(git rev-parse HEAD)
out=$(render --since "$first")
has "$out" "last changed in commit ${second:0:12} (2026-11-03 16:30:00 +0000). No uncommitted changes." "report after the second commit"
has "$out" "## What changed since ${first}" "report with --since"
has "$out" "Compared with the record at commit ${first:0:12} (2026-10-01 10:00:00 +0100)." "report with --since"
has "$out" "| Added | Conversations | Conversation 2026-11-02" "report with --since"
has "$(render --since HEAD)" "Nothing in the record has changed." "report with --since HEAD"
redacted=$(render --since "$first" --redact)
has "$redacted" "| Added | Conversations | /conversations/c-2 |" "redacted report with --since"
lacks "$redacted" "Cake helps" "redacted report with --since"

# --since errors are usage errors (exit 2), with the reason.
set +e
msg=$(render --since no-such-revision 2>&1 >/dev/null); status=$?
set -e
[[ $status -eq 2 ]] || fail "--since an unknown revision: exit $status, expected 2"
has "$msg" "wellbeing: error: --since no-such-revision: unknown revision 'no-such-revision'" "error"

# Outside any repository.
mkdir -p "$work/plain/records"
cp wellbeing.yaml "$work/plain/" && cp records/p-0101.yaml "$work/plain/records/"
has "$(cd "$work/plain" && render)" "- **In git:** not in a git repository." "report outside git"
set +e
msg=$(cd "$work/plain" && render --since HEAD 2>&1 >/dev/null); status=$?
set -e
[[ $status -eq 2 ]] || fail "--since outside git: exit $status, expected 2"
has "$msg" "is not in a git repository" "error"

# Deterministic: the same record and --as-of give the same bytes.
render --format html >"$work/a.html"
render --format html >"$work/b.html"
cmp -s "$work/a.html" "$work/b.html" || fail "two renders of the same record differ"

# -o: the same bytes as standard output, the format from the extension, nothing left beside it.
mkdir "$work/out"
render -o "$work/out/review.html"
cmp -s "$work/a.html" "$work/out/review.html" || fail "-o wrote other bytes than standard output"
echo "old content" >"$work/out/review.md"
render -o "$work/out/review.md"
render >"$work/c.md"
cmp -s "$work/c.md" "$work/out/review.md" || fail "-o did not replace an existing file"
[[ $(ls -A "$work/out" | wc -l) -eq 2 ]] || fail "-o left files behind: $(ls -A "$work/out")"
set +e
msg=$(render -o "$work/no-such-folder/review.md" 2>&1); status=$?
set -e
[[ $status -eq 2 ]] || fail "-o into a missing folder: exit $status, expected 2"
has "$msg" "wellbeing: error: cannot write $work/no-such-folder/review.md" "error"
[[ ! -e "$work/no-such-folder" ]] || fail "-o into a missing folder created something"

# Redaction by default from wellbeing.yaml, and --no-redact.
cat >>wellbeing.yaml <<'EOF'
redaction: { default: true, keep: [dates] }
EOF
out=$(render)
has "$out" "**Redacted copy**" "report redacted by default"
lacks "$out" "Winifred" "report redacted by default"
lacks "$out" "Alasdair" "report redacted by default"
has "$out" "Wellbeing review: p-0101" "report redacted by default"
has "$(render --no-redact)" "Wellbeing review: Winifred" "report with --no-redact"
echo "render provenance, --since, -o and redaction: all as expected"
