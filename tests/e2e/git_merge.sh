#!/usr/bin/env bash
# The record merge driver in a real repository: two branches each adding a conversation merge cleanly with
# both kept and every other byte intact; both adding one under the same id keeps both; a one-sided status
# change merges; a two-sided conflicting change leaves a minimal conflict and exit 1; a merge whose result
# has an error (even one both sides had) is not clean.
source "$(dirname "$0")/lib.sh"
# Inserts the lines of file $2 into file $1 at the end of the section before the line that is exactly $3
# (before the blank line that separates them), as a person adding an item at the end of a list would.
insert_before() {
  local file=$1 lines=$2 marker=$3
  awk -v marker="$marker" -v lines="$lines" '
    BEGIN { while ((getline l < lines) > 0) block = block l "\n" }
    { text[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) {
        if ((text[i] == "" && text[i + 1] == marker) || (text[i] == marker && text[i - 1] != "")) printf "%s", block
        print text[i]
      }
    }' "$file" >"$file.new"
  mv "$file.new" "$file"
}

repo="$work/records-folder"
mkdir -p "$repo/records"
cd "$repo"
git init -q -b main
git config merge.wellbeing.name "wellbeing record merge"
git config merge.wellbeing.driver "'$WELLBEING' merge %O %A %B %P"
git config diff.wellbeing.command "'$WELLBEING' diff --git-external"
printf 'records/**/*.yaml diff=wellbeing merge=wellbeing\n' >.gitattributes
record=records/p-0901.yaml
cp "$WELLBEING_ROOT/tests/data/diff/base.yaml" "$record"
git add -A && as_author "Dee Okafor" dee@example.org "2026-09-01T10:00:00+01:00" git commit -q -m "Ivy's record"
cp "$record" "$work/base.yaml"

cat >"$work/c2.yaml" <<'EOF'
  - id: c-2
    date: 2026-10-01
    led_by: Sam (support worker)
    approach: appreciative_enquiry
    summary: Talked about the allotment and what helped her get there last year.
EOF
cat >"$work/c3.yaml" <<'EOF'
  - id: c-3
    date: 2026-10-03
    led_by: Dee (support worker)
    approach: powerful_questions
    summary: Asked what a good Friday looks like. "The library, then a cup of tea."
EOF

# --- 1. Each branch adds a conversation: a clean merge, both kept in date order, nothing else touched.
git checkout -q -b sam
insert_before "$record" "$work/c2.yaml" "measures:"
git add "$record" && as_author "Sam Patel" sam@example.org "2026-10-01T15:00:00+01:00" git commit -q -m "Conversation about the allotment"
git checkout -q main
cp "$work/base.yaml" "$record"
insert_before "$record" "$work/c3.yaml" "measures:"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-03T12:00:00+01:00" git commit -q -m "Conversation about Fridays"
cp "$record" "$work/ours-before-merge.yaml"

as_author "Dee Okafor" dee@example.org "2026-10-04T09:00:00+01:00" git merge -q --no-edit sam ||
  fail "two branches each adding a conversation should merge cleanly"
[[ -z $(git status --porcelain) ]] || fail "the merge should leave nothing unresolved: $(git status --porcelain)"
cp "$work/base.yaml" "$work/expected.yaml"
cat "$work/c2.yaml" "$work/c3.yaml" >"$work/both.yaml"
insert_before "$work/expected.yaml" "$work/both.yaml" "measures:"
same_file "$work/expected.yaml" "$record" "record after merging two new conversations"
grep -c '^  - id: c-' "$record" | grep -qx 3 || fail "three conversations expected"
"$WELLBEING" validate "$record" >/dev/null 2>&1 || fail "the merged record should be valid"
# The semantic view of the merge commit shows the conversation brought in from the other branch.
git diff HEAD~1 HEAD -- "$record" | grep -qF '+ Conversation 2026-10-01 added' || fail "git diff of the merge"

# --- 2. Both add a conversation under the same id (each ran `wellbeing add`): both kept, theirs renumbered.
git checkout -q -b ola
sed 's/id: c-3/id: c-4/; s/2026-10-03/2026-10-06/; s/a good Friday/a good Sunday/' "$work/c3.yaml" >"$work/c4-ola.yaml"
insert_before "$record" "$work/c4-ola.yaml" "measures:"
git add "$record" && as_author "Ola Mensah" ola@example.org "2026-10-06T10:00:00+01:00" git commit -q -m "Conversation about Sundays"
git checkout -q main
sed 's/id: c-3/id: c-4/; s/2026-10-03/2026-10-05/; s/a good Friday/the garden/' "$work/c3.yaml" >"$work/c4-dee.yaml"
insert_before "$record" "$work/c4-dee.yaml" "measures:"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-05T10:00:00+01:00" git commit -q -m "Conversation about the garden"
as_author "Dee Okafor" dee@example.org "2026-10-07T09:00:00+01:00" git merge -q --no-edit ola 2>"$work/err" ||
  fail "the same id added on both sides should still merge: $(cat "$work/err")"
grep -qF 'both sides added conversation c-4 with different content: theirs is kept as c-5' "$work/err" ||
  fail "the merge should say what it renumbered: $(cat "$work/err")"
grep -q '^  - id: c-5$' "$record" || fail "theirs' conversation should be kept as c-5"
grep -qF 'a good Sunday' "$record" && grep -qF 'the garden' "$record" || fail "both conversations should be kept"
[[ $(grep -o 'id: c-[45]$\|date: 2026-10-0[56]$' "$record" | tr '\n' ,) == "id: c-4,date: 2026-10-05,id: c-5,date: 2026-10-06," ]] ||
  fail "the conversations should stay in date order: $(grep -A1 'id: c-[45]$' "$record")"
"$WELLBEING" validate "$record" >/dev/null 2>&1 || fail "the merged record should be valid"

# --- 3. A status changed on one side only merges; the other side's unrelated edit stays.
git checkout -q -b status-change
sed -i '/id: o-3/,/who_acts/ s/status: open/status: in_progress/' "$record"
git add "$record" && as_author "Sam Patel" sam@example.org "2026-10-08T10:00:00+01:00" git commit -q -m "Allotment outcome in progress"
git checkout -q main
sed -i 's/^  known_as: Ivy$/  known_as: Ivy May/' "$record"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-08T11:00:00+01:00" git commit -q -m "Ivy prefers Ivy May"
cp "$record" "$work/expected.yaml"
sed -i '/id: o-3/,/who_acts/ s/status: open/status: in_progress/' "$work/expected.yaml"
as_author "Dee Okafor" dee@example.org "2026-10-09T09:00:00+01:00" git merge -q --no-edit status-change ||
  fail "a one-sided status change should merge cleanly"
same_file "$work/expected.yaml" "$record" "record after a one-sided status change"

# --- 4. Both change the same status differently: a conflict around that one line, exit 1.
git checkout -q -b met
sed -i '/id: o-3/,/who_acts/ s/status: in_progress/status: met\n    met_on: 2026-10-11/' "$record"
git add "$record" && as_author "Sam Patel" sam@example.org "2026-10-11T10:00:00+01:00" git commit -q -m "Outcome met"
git checkout -q main
sed -i '/id: o-3/,/who_acts/ s/status: in_progress/status: not_met/' "$record"
sed -i 's/^  known_as: Ivy May$/  known_as: Ivy/' "$record"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-11T11:00:00+01:00" git commit -q -m "Outcome not met"
cp "$record" "$work/ours.yaml"
git show met:"$record" >"$work/theirs.yaml"
git show "$(git merge-base main met)":"$record" >"$work/ancestor.yaml"
if as_author "Dee Okafor" dee@example.org "2026-10-12T09:00:00+01:00" git merge -q --no-edit met >"$work/out" 2>&1; then
  fail "a two-sided change of one status should not merge cleanly"
fi
grep -qF "CONFLICT (content): Merge conflict in $record" "$work/out" || fail "git should report the conflict: $(cat "$work/out")"
grep -qF 'Outcome o-3 "Back to the allotment on Saturdays.": status: ours not_met, theirs met' "$work/out" ||
  fail "the driver should name the conflict: $(cat "$work/out")"
# Expected: ours, with theirs' one-sided edit (met_on, added by theirs only) and markers around the status
# line alone.
awk '
  /^  - id: o-3$/ { in_o3 = 1 }
  in_o3 && $0 == "    status: not_met" {
    print "<<<<<<< ours"; print $0; print "======="; print "    status: met"; print ">>>>>>> theirs"
    print "    met_on: 2026-10-11"; in_o3 = 0; next
  }
  { print }' "$work/ours.yaml" >"$work/expected.yaml"
same_file "$work/expected.yaml" "$record" "record with a conflict"
[[ $(grep -c '^<<<<<<< ours$' "$record") == 1 ]] || fail "exactly one conflict expected"

# The same through the driver directly: exit 1, and ours is the file written.
cp "$work/ours.yaml" "$work/direct.yaml"
set +e
"$WELLBEING" merge "$work/ancestor.yaml" "$work/direct.yaml" "$work/theirs.yaml" "$record" 2>/dev/null
status=$?
set -e
[[ $status == 1 ]] || fail "the merge driver should exit 1 on a conflict, not $status"
same_file "$work/expected.yaml" "$work/direct.yaml" "driver output with a conflict"

# Resolving it by hand (keep theirs) gives a valid record, and the merge can be committed.
awk '/^<<<<<<< ours$/ { skip = 1; next } /^=======$/ { skip = 0; next } /^>>>>>>> theirs$/ { next } !skip' \
  "$record" >"$work/resolved.yaml"
cp "$work/resolved.yaml" "$record"
"$WELLBEING" validate "$record" >/dev/null 2>&1 || fail "the resolved record should be valid"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-12T09:30:00+01:00" git commit -q --no-edit

# --- 5. A side that is not readable YAML: a line-level merge, exit 1, neither side lost.
printf 'schema: wellbeing/v1\nperson: [broken\n' >"$work/broken.yaml"
cp "$work/broken.yaml" "$work/direct.yaml"
set +e
"$WELLBEING" merge "$work/base.yaml" "$work/direct.yaml" "$work/theirs.yaml" "$record" 2>"$work/err"
status=$?
set -e
[[ $status == 1 ]] || fail "an unreadable side should exit 1, not $status"
grep -qF 'ours is not readable YAML, so the versions were merged line by line' "$work/err" || fail "$(cat "$work/err")"
grep -qF 'person: [broken' "$work/direct.yaml" || fail "ours' text must not be lost"
grep -qF 'met_on: 2026-10-11' "$work/direct.yaml" || fail "theirs' text must not be lost"

# --- 6. Both sides already have the same error and each makes a clean change of its own: git must not
# commit the merge as if it were clean. The driver writes the merge, shows its errors and exits 1, so git
# marks the file conflicted; once corrected it is added and committed.
git checkout -q -b invalid-base
sed -i '0,/level: high/s//level: urgent/' "$record"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-13T09:00:00+01:00" git commit -q -m "An importance level that is not one"
git checkout -q -b invalid-theirs
sed -i 's/said: I feel safe\.$/said: I feel safe at home./' "$record"
git add "$record" && as_author "Sam Patel" sam@example.org "2026-10-13T10:00:00+01:00" git commit -q -m "Safe at home"
git checkout -q invalid-base
sed -i 's/^  known_as: Ivy$/  known_as: Ivy May/' "$record"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-13T11:00:00+01:00" git commit -q -m "Ivy May"
if as_author "Dee Okafor" dee@example.org "2026-10-14T09:00:00+01:00" git merge -q --no-edit invalid-theirs >"$work/out" 2>&1; then
  fail "a merge that leaves an invalid record should not be committed as clean"
fi
grep -qF "CONFLICT (content): Merge conflict in $record" "$work/out" || fail "git should report the conflict: $(cat "$work/out")"
grep -qF "$record: the merged record is not valid (1 error, which ours or theirs already had)" "$work/out" ||
  fail "the driver should say why: $(cat "$work/out")"
grep -qE "^$record:[0-9]+:[0-9]+: error: .*urgent" "$work/out" || fail "the error should be located: $(cat "$work/out")"
grep -q '^<<<<<<<' "$record" && fail "no conflict markers are expected: both changes merge"
grep -qF 'known_as: Ivy May' "$record" && grep -qF 'I feel safe at home.' "$record" || fail "both changes should be in the file"
[[ $(git ls-files -u -- "$record" | wc -l) == 3 ]] || fail "git should hold the file as unmerged"
sed -i 's/level: urgent/level: high/' "$record"
"$WELLBEING" validate --as-of 2026-10-14 "$record" >/dev/null 2>&1 || fail "the corrected record should be valid"
git add "$record" && as_author "Dee Okafor" dee@example.org "2026-10-14T09:30:00+01:00" git commit -q --no-edit

echo "git_merge: ok"
