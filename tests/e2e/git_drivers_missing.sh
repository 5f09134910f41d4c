#!/usr/bin/env bash
# The drivers `setup-git` installs, on a machine where wellbeing cannot be found (a clone opened elsewhere,
# or wellbeing uninstalled): `git diff`, `git log -p` and a merge still work, each saying why it is git's
# plain version and how to get the record-aware one, where before git died with "external diff died".
source "$(dirname "$0")/lib.sh"

# wellbeing is on the PATH while the clone is set up, then gone.
tools="$work/my tools"
mkdir -p "$tools"
cp "$WELLBEING" "$tools/wellbeing"
repo="$work/records-folder"
mkdir -p "$repo/records"
cd "$repo"
git init -q -b main
PATH="$tools:$PATH" wellbeing setup-git . >/dev/null
printf 'records/**/*.yaml diff=wellbeing merge=wellbeing\n' >.gitattributes
record=records/p-0901.yaml
cp "$WELLBEING_ROOT/tests/data/diff/base.yaml" "$record"
git add -A && git commit -q --no-verify -m "Ivy's record"

# With wellbeing found, the record diff speaks of entries (the driver runs it).
sed -i 's/^    status: open$/    status: in_progress/' "$record"
PATH="$tools:$PATH" git diff >"$work/with.out" 2>"$work/with.err" || fail "git diff with wellbeing failed: $(cat "$work/with.err")"
grep -q "status" "$work/with.out" || fail "the record diff shows no change: $(cat "$work/with.out")"
grep -q "is not found" "$work/with.err" && fail "the driver said wellbeing is missing while it was found"
rm -rf "$tools"
hash -r

# Without it: git's line diff, exit 0, and one line saying what happened and what to do.
git diff >"$work/diff.out" 2>"$work/diff.err" || fail "git diff died without wellbeing: $(cat "$work/diff.err")"
grep -q "external diff died" "$work/diff.err" && fail "git diff died: $(cat "$work/diff.err")"
grep -q "^wellbeing: wellbeing is not found, so this is git's line diff of $record; install wellbeing" \
  "$work/diff.err" || fail "no clear message: $(cat "$work/diff.err")"
grep -q '^+    status: in_progress$' "$work/diff.out" || fail "the line diff lacks the change: $(cat "$work/diff.out")"
git commit -q -a --no-verify -m "In progress"

# git log -p uses the textconv driver: the text as written, and the same kind of message.
git log -p -1 >"$work/log.out" 2>"$work/log.err" || fail "git log -p failed: $(cat "$work/log.err")"
grep -q '^+    status: in_progress$' "$work/log.out" || fail "git log -p lacks the change: $(cat "$work/log.out")"
grep -q "is not found, so .* is compared as written" "$work/log.err" || fail "git log -p: no message: $(cat "$work/log.err")"

# A conflicting change on two branches: git's line merge, with its conflict markers, and the message.
git checkout -q -b other HEAD~1
sed -i 's/^    status: open$/    status: met/' "$record"
git commit -q -a --no-verify -m "Met"
git checkout -q main
if git merge -q --no-edit other >"$work/merge.out" 2>"$work/merge.err"; then
  fail "a conflicting merge succeeded"
fi
grep -q "is not found, so $record is merged line by line by git" "$work/merge.err" ||
  fail "merge: no message: $(cat "$work/merge.err")"
grep -q '^<<<<<<< ours$' "$record" || fail "no conflict markers in the record: $(cat "$record")"
echo "git drivers without wellbeing: diff, log -p and merge fall back to git's own, saying why"
