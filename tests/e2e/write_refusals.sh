#!/usr/bin/env bash
# The write guarantees of `wellbeing add`, each leaving the file byte-identical when it refuses:
# an invalid addition, a held lock, a file changed underneath, an injected failure before the rename,
# an interrupted write (SIGTERM, SIGINT) and a killed one (SIGKILL); plus symlinks followed, the file
# mode kept, an already-invalid record still taking an addition that adds no error, and --dry-run.
source "$(dirname "$0")/lib.sh"
cd "$work"
mkdir records
cp "$WELLBEING_ROOT/tests/data/write/comments.yaml" records/p-0101.yaml
cp records/p-0101.yaml original.yaml
record=records/p-0101.yaml
add_strength() { "$WELLBEING" add strength "$record" --level self --text "Keeps a diary." --as-of 2026-10-01 "$@"; }
same() { cmp -s original.yaml "$record" || fail "$1: the record changed"; }
# The record's temporary copy, which exists while a write waits before its rename (the lock's own
# temporary file, .p-0101.yaml.wellbeing-lock.PID.XXXXXX, exists for a moment before it and is not it).
record_temp() { find records -name '.p-0101.yaml.wellbeing-*' ! -name '.p-0101.yaml.wellbeing-lock.*'; }
no_leftovers() {
  local left
  left=$(find records -name '.*wellbeing-*' -o -name '*.lock')
  [[ -z "$left" ]] || fail "$1: left behind: $left"
}

# 1. An addition that would make the record invalid is refused, with the diagnostics.
expect_exit 1 "invalid addition" "$WELLBEING" add measure "$record" --life-satisfaction 11 --worthwhile 5 --happy 5 \
  --anxious 5 --date 2026-09-01 --as-of 2026-10-01
grep -q "nothing was written" err.txt || fail "invalid addition: no 'nothing was written'"
grep -q "life_satisfaction" err.txt || fail "invalid addition: the diagnostic does not name the answer"
same "invalid addition"
no_leftovers "invalid addition"
expect_exit 1 "unknown outcome" "$WELLBEING" add action "$record" --outcome o-9 --who self --what x --as-of 2026-10-01
grep -q "no outcome \`o-9\`" err.txt || fail "unknown outcome: message"
same "unknown outcome"

# 2. A lock held by another (running) writer: exit 5.
sleep 30 &
holder=$!
echo "$holder" >"$record.lock"
expect_exit 5 "held lock" add_strength
kill "$holder"
wait "$holder" 2>/dev/null || true
grep -q "being changed by another writer (process $holder)" err.txt || fail "held lock: message: $(cat err.txt)"
same "held lock"
[[ -f "$record.lock" ]] || fail "held lock: the other writer's lock was removed"
# ...and a lock left by a process that no longer exists is taken over.
add_strength >/dev/null 2>&1 || fail "stale lock: not taken over"
[[ ! -e "$record.lock" ]] || fail "stale lock: lock left behind"
cp original.yaml "$record"

# 3. Changed underneath: the file is modified while the command waits before its rename: exit 4.
WELLBEING_TEST_PAUSE_BEFORE_RENAME=1.5 add_strength >out.txt 2>err.txt &
writer=$!
sleep 0.5
printf '# a colleague saved this line meanwhile\n' >>"$record"
cp "$record" changed.yaml
set +e
wait "$writer"
status=$?
set -e
[[ $status == 4 ]] || fail "changed underneath: exit $status, expected 4; $(cat err.txt)"
grep -q "changed while this command was working on it" err.txt || fail "changed underneath: message"
cmp -s changed.yaml "$record" || fail "changed underneath: the colleague's version was overwritten"
no_leftovers "changed underneath"
cp original.yaml "$record"

# 4. A failure injected just before the rename: the original is intact, no temporary file is left.
WELLBEING_TEST_FAIL_BEFORE_RENAME=1 expect_exit 2 "injected failure" add_strength
grep -q "failure injected before the rename" err.txt || fail "injected failure: message"
same "injected failure"
no_leftovers "injected failure"

# 5. Interrupted mid-write (SIGTERM, SIGINT): the signal handler removes the temporary file and the lock.
# (job control on: without it a background job starts with SIGINT ignored, and wellbeing keeps it ignored)
set -m
for signal in TERM INT; do
  # (the binary itself in the background, not a shell function, so that the signal reaches it)
  WELLBEING_TEST_PAUSE_BEFORE_RENAME=5 "$WELLBEING" add strength "$record" --level self --text "Keeps a diary." \
    --as-of 2026-10-01 >/dev/null 2>&1 &
  writer=$!
  for _ in $(seq 50); do
    [[ -n "$(record_temp)" ]] && break
    sleep 0.1
  done
  [[ -n "$(record_temp)" ]] || fail "SIG$signal: the temporary file never appeared"
  kill -s "$signal" "$writer"
  set +e
  wait "$writer"
  status=$?
  set -e
  (( status > 128 )) || fail "SIG$signal: the writer was not ended by the signal (exit $status)"
  same "SIG$signal"
  no_leftovers "SIG$signal"
done
set +m

# 6. Killed outright (SIGKILL): the original is intact; the next writer cleans up what was left.
# (the binary itself in the background, not a shell function, so that the signal reaches it)
WELLBEING_TEST_PAUSE_BEFORE_RENAME=5 "$WELLBEING" add strength "$record" --level self --text "Keeps a diary." \
  --as-of 2026-10-01 >/dev/null 2>&1 &
writer=$!
for _ in $(seq 50); do
  [[ -n "$(record_temp)" ]] && break
  sleep 0.1
done
kill -s KILL "$writer"
wait "$writer" 2>/dev/null || true
same "SIGKILL"
[[ -n "$(record_temp)" ]] || fail "SIGKILL: expected the temporary file to be left"
add_strength >/dev/null 2>&1 || fail "after SIGKILL: the next add failed"
no_leftovers "after SIGKILL"
grep -q "id: s-2" "$record" || fail "after SIGKILL: the next add did not write"
cp original.yaml "$record"

# 7. A symlink is followed to the real file, which keeps its mode; the link stays a link.
mkdir -p elsewhere
mv "$record" elsewhere/p-0101.yaml
ln -s ../elsewhere/p-0101.yaml "$record"
chmod 640 elsewhere/p-0101.yaml
add_strength >/dev/null 2>err.txt || fail "symlink: add failed: $(cat err.txt)"
[[ -L "$record" ]] || fail "symlink: the link was replaced by a file"
[[ $(stat -c %a elsewhere/p-0101.yaml) == 640 ]] || fail "symlink: mode not kept: $(stat -c %a elsewhere/p-0101.yaml)"
grep -q "id: s-2" elsewhere/p-0101.yaml || fail "symlink: the real file was not changed"
[[ -z "$(find elsewhere -name '.*wellbeing-*' -o -name '*.lock')" ]] || fail "symlink: leftovers"
rm "$record"
cp original.yaml "$record"

# 8. A record that is already invalid takes an addition that adds no error, with a warning...
sed 's/status: in_progress/status: in_progres/' original.yaml >"$record"
cp "$record" broken.yaml
expect_exit 0 "already invalid" "$WELLBEING" add safeguarding "$record" --type self_neglect --person-wishes "Help with meals" \
  --action-taken "Told the manager" --no-referral-reason "Agreed with her: support plan changed" --date 2026-09-30 \
  --as-of 2026-10-01
grep -q "already had 1 error(s)" err.txt || fail "already invalid: no warning: $(cat err.txt)"
grep -q "id: sg-1" "$record" || fail "already invalid: the flag was not added"
# ...but not one that adds an error of its own.
cp broken.yaml "$record"
expect_exit 1 "already invalid, worse" "$WELLBEING" add safeguarding "$record" --type self_neglect --person-wishes x \
  --action-taken y --date 2026-09-30 --as-of 2026-10-01
cmp -s broken.yaml "$record" || fail "already invalid, worse: the record changed"
# A file that cannot be parsed at all takes nothing.
printf 'schema: wellbeing/v1\nperson: [unclosed\n' >"$record"
cp "$record" unparseable.yaml
expect_exit 1 "unparseable" add_strength
cmp -s unparseable.yaml "$record" || fail "unparseable: the file changed"
grep -q "cannot be read as YAML" err.txt || fail "unparseable: message"
cp original.yaml "$record"

# 9. --dry-run shows a unified diff and writes nothing.
expect_exit 0 "dry run" add_strength --dry-run
same "dry run"
grep -q '^+  - id: s-2$' out.txt || fail "dry run: no added line in the diff: $(cat out.txt)"
grep -q '^--- a/records/p-0101.yaml$' out.txt || fail "dry run: no header"
no_leftovers "dry run"
echo "refusals leave the file byte-identical; interrupted writes leave the original and no temporary file"
