#!/usr/bin/env bash
# `wellbeing add --edit`: the editor path, with scripted editors standing in for a person. The template
# guides the conversation; an invalid entry reopens the editor with the errors as comments; an emptied
# file cancels; a failing editor adds nothing.
source "$(dirname "$0")/lib.sh"
cd "$work"
mkdir records
cp "$WELLBEING_ROOT/tests/data/write/comments.yaml" records/p-0101.yaml
cp records/p-0101.yaml original.yaml
record=records/p-0101.yaml
export WORK="$work"

# An editor that records what it was shown, then writes a conversation.
cat >fill.sh <<'SH'
#!/bin/sh
cp "$1" "$WORK/seen-fill.yaml"
cat >"$1" <<'YAML'
led_by: Priya (support worker)
approach: appreciative_enquiry
summary: A time things went well.
quotes:
  - "The garden, in May: that was a good day."
participants:
  -
YAML
SH
# An editor that first writes an invalid entry, then (shown the errors) a valid one.
cat >twice.sh <<'SH'
#!/bin/sh
count=$(cat "$WORK/count" 2>/dev/null || echo 0)
count=$((count + 1))
echo "$count" >"$WORK/count"
cp "$1" "$WORK/seen-$count.yaml"
if [ "$count" = 1 ]; then
  printf 'approach: chatting\nsummary: Tea and a talk.\n' >"$1"
else
  printf 'led_by: Priya (support worker)\napproach: powerful_questions\nsummary: Tea and a talk.\n' >"$1"
fi
SH
# An editor that empties the file (cancel), and one that fails.
printf '#!/bin/sh\n: >"$1"\n' >empty.sh
printf '#!/bin/sh\nexit 3\n' >broken.sh
# An editor that writes an invalid entry once, then returns at once without waiting (unchanged file).
cat >hasty.sh <<'SH'
#!/bin/sh
count=$(cat "$WORK/hasty" 2>/dev/null || echo 0)
echo $((count + 1)) >"$WORK/hasty"
[ "$count" = 0 ] && printf 'approach: chatting\nsummary: Tea.\n' >"$1"
exit 0
SH
chmod +x fill.sh twice.sh empty.sh broken.sh hasty.sh

# 1. A filled-in template is added; VISUAL wins over EDITOR.
VISUAL="$work/fill.sh" EDITOR=false "$WELLBEING" add conversation "$record" --edit --as-of 2026-10-01 >out.txt 2>err.txt ||
  fail "fill: $(cat err.txt)"
grep -q "^records/p-0101.yaml:[0-9]*: added conversation c-3$" out.txt || fail "fill: output $(cat out.txt)"
grep -q '    summary: A time things went well.' "$record" || fail "fill: not in the record"
grep -q '      - "The garden, in May: that was a good day."' "$record" || fail "fill: quote not kept"
grep -q 'participants' "$record" && fail "fill: a list left empty was written"
for prompt in "Adding a conversation to records/p-0101.yaml" "Powerful questions" "What works well about the support you have?" \
  "If you had a magic wand" "Tell me about a time when things were going well" "social_economic" "contribution" \
  "^date: 2026-10-01$" "^led_by:$" "empty the file and save"; do
  grep -q -- "$prompt" seen-fill.yaml || fail "template lacks: $prompt"
done
"$WELLBEING" validate --as-of 2026-10-01 "$record" >/dev/null 2>&1 || fail "fill: the record is invalid"

# 2. Invalid first: the editor reopens with the errors as comments; the second try is added.
cp original.yaml "$record"
EDITOR="$work/twice.sh" "$WELLBEING" add conversation "$record" --edit --as-of 2026-10-01 >out.txt 2>err.txt ||
  fail "twice: $(cat err.txt)"
[[ $(cat count) == 2 ]] || fail "twice: the editor opened $(cat count) time(s)"
grep -q '^#! error: .*led_by' seen-2.yaml || fail "twice: no error about led_by in: $(cat seen-2.yaml)"
grep -q '^#! error: approach: .*chatting' seen-2.yaml || fail "twice: no error about approach in: $(cat seen-2.yaml)"
grep -q '^approach: chatting$' seen-2.yaml || fail "twice: what was written was not kept for correcting"
grep -q 'approach: powerful_questions' "$record" || fail "twice: not added"
grep -c 'id: c-3' "$record" | grep -qx 1 || fail "twice: added more than once"

# 3. An emptied file cancels, like `git commit`: nothing is written.
cp original.yaml "$record"
set +e
EDITOR="$work/empty.sh" "$WELLBEING" add outcome "$record" --edit --as-of 2026-10-01 >out.txt 2>err.txt
status=$?
set -e
[[ $status == 1 ]] || fail "empty: exit $status"
grep -q "left empty; nothing was added" err.txt || fail "empty: message $(cat err.txt)"
cmp -s original.yaml "$record" || fail "empty: the record changed"

# 4. An editor that fails adds nothing.
set +e
EDITOR="$work/broken.sh" "$WELLBEING" add outcome "$record" --edit --as-of 2026-10-01 >out.txt 2>err.txt
status=$?
set -e
[[ $status == 1 ]] || fail "broken editor: exit $status"
grep -q "the editor exited with status 3" err.txt || fail "broken editor: message $(cat err.txt)"
cmp -s original.yaml "$record" || fail "broken editor: the record changed"

# 5. An editor that does not wait (the file comes back unchanged after errors) cancels, not loops.
set +e
EDITOR="$work/hasty.sh" timeout 20 "$WELLBEING" add conversation "$record" --edit --as-of 2026-10-01 >out.txt 2>err.txt
status=$?
set -e
[[ $status == 1 ]] || fail "hasty editor: exit $status"
[[ $(cat "$work/hasty") == 2 ]] || fail "hasty editor: opened $(cat "$work/hasty") times"
grep -q "saved unchanged after its errors; nothing was added" err.txt || fail "hasty editor: message $(cat err.txt)"
cmp -s original.yaml "$record" || fail "hasty editor: the record changed"

# 6. Without content, --edit or a terminal, it is a usage error that says what to do.
set +e
"$WELLBEING" add conversation "$record" </dev/null >out.txt 2>err.txt
status=$?
set -e
[[ $status == 2 ]] || fail "no content: exit $status"
grep -q -- "--from FILE, or --edit" err.txt || fail "no content: message $(cat err.txt)"
# SIGTERM, SIGINT or SIGHUP while the editor is open leaves no editor file behind.
mkdir -p "$work/tmp"
printf '#!/bin/sh\nsleep 30\n' >"$work/waiting.sh"
chmod +x "$work/waiting.sh"
set -m  # job control: a background job would otherwise start with SIGINT ignored
for signal in TERM INT HUP; do
  TMPDIR="$work/tmp" EDITOR="$work/waiting.sh" "$WELLBEING" add outcome "$record" --edit --as-of 2026-10-01 \
    >/dev/null 2>&1 &
  writer=$!
  for _ in $(seq 50); do
    [[ -n "$(ls "$work/tmp")" ]] && break
    sleep 0.1
  done
  [[ -n "$(ls "$work/tmp")" ]] || fail "SIG$signal: the editor file never appeared"
  kill -s "$signal" "$writer"
  wait "$writer" 2>/dev/null || true
  kill -- -"$writer" 2>/dev/null || true  # the waiting editor
  [[ -z "$(ls "$work/tmp")" ]] || fail "SIG$signal: the editor file was left: $(ls "$work/tmp")"
done
set +m
echo "interactive: filled, corrected after errors, cancelled, and a failing editor all behave"
