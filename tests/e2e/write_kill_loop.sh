#!/usr/bin/env bash
# `wellbeing add` killed at random moments, then two writers at once. Each killed run (SIGKILL, SIGTERM,
# SIGINT and SIGHUP, a quarter each) must leave the record byte-identical or the old bytes plus exactly one
# entry that validates; after SIGTERM, SIGINT or SIGHUP nothing may be left beside it, and after SIGKILL
# only what the next add takes over (a stale FILE.lock, a temporary file); and the next add, not killed,
# must succeed. Two writers started at once on one file both add their entry, or one is refused as
# locked (exit 5) with its entry absent: nothing is lost silently. WELLBEING_KILL_RUNS sets the number of
# killed runs (default 200), WELLBEING_KILL_PAIRS the concurrent pairs (default 20).
source "$(dirname "$0")/lib.sh"
runs=${WELLBEING_KILL_RUNS:-200}
pairs=${WELLBEING_KILL_PAIRS:-20}
cd "$work"
mkdir records
record=records/p-0101.yaml
# A larger record widens the window in which a kill finds a write under way: the comments.yaml record with
# a long comment at its end (kept, as every byte is).
{
  cat "$WELLBEING_ROOT/tests/data/write/comments.yaml"
  for ((i = 0; i < 300; i++)); do
    printf '# Visit notes kept in the paper file, box %04d: nothing here is read by wellbeing.\n' "$i"
  done
} >"$record"
as_of=(--as-of 2026-10-01)
"$WELLBEING" validate "${as_of[@]}" "$record" >/dev/null 2>&1 || fail "the record is not valid to start with"

n=0
add_args() {
  n=$((n + 1))
  case $((n % 3)) in
    0) args=(conversation "$record" --date 2026-09-20 --led-by "Priya (support worker)" --approach appreciative_enquiry
             --summary "Run $n: what went well this week.") ;;
    1) args=(strength "$record" --level network --text "Run $n: her neighbour Joan" --area relationships) ;;
    2) args=(evidence "$record" --kind observation --date 2026-09-27 --by Kate --summary "Run $n: smiled in the garden.") ;;
  esac
}

# Files beside the record other than the record itself, one a line.
leftovers() { find records -mindepth 1 ! -name p-0101.yaml -printf '%f\n' | sort; }

# True when $2 is $1 plus one run of added lines and nothing else (diff's only hunk is an "a" one).
one_entry() {
  local hunks
  hunks=$(diff "$1" "$2" | grep -v '^> ' || true)
  [[ $hunks =~ ^[0-9]+a[0-9]+(,[0-9]+)?$ ]]
}

# The next add, not killed: it must succeed, add exactly one entry, and take over anything left behind.
next_add_succeeds() {
  cp "$record" before-next.yaml
  add_args
  "$WELLBEING" add "${args[@]}" "${as_of[@]}" >/dev/null 2>err.txt || fail "$1: the next add failed: $(cat err.txt)"
  one_entry before-next.yaml "$record" || fail "$1: the next add did not add exactly one entry"
  [[ -z $(leftovers) ]] || fail "$1: the next add left $(leftovers | tr '\n' ' ')beside the record"
}

# One add's run time, to spread the kills over it (the sanitizer build is slower).
start=${EPOCHREALTIME/./}
next_add_succeeds "a first add"
took=$(( ${EPOCHREALTIME/./} - start ))
window=$(( took * 6 / 5 ))  # microseconds: a few kills land after the end

signals=(KILL TERM INT HUP)
declare -A sent=() identical=() entry=() finished=() left=()
for s in "${signals[@]}"; do sent[$s]=0 identical[$s]=0 entry[$s]=0 finished[$s]=0 left[$s]=0; done
for ((run = 0; run < runs; run++)); do
  signal=${signals[run % 4]}
  cp "$record" before.yaml
  add_args
  # A third of the runs pause just before the rename (the test hook), with the temporary file written and
  # the lock held, so that many kills find a write under way.
  pause=()
  if (( run % 3 == 0 )); then pause=(WELLBEING_TEST_PAUSE_BEFORE_RENAME=0.003); fi
  # Started with default signal handling: a background job of a script would otherwise ignore SIGINT.
  env --default-signal "${pause[@]}" "$WELLBEING" add "${args[@]}" "${as_of[@]}" >/dev/null 2>err.txt &
  pid=$!
  delay=$(( (RANDOM * 32768 + RANDOM) % (window + 1) ))
  sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
  kill -s "$signal" "$pid" 2>/dev/null || true
  status=0
  { wait "$pid"; } 2>/dev/null || status=$?  # (the shell's "Killed" notice left out)
  sent[$signal]=$(( sent[$signal] + 1 ))
  what="run $run (SIG$signal after ${delay}us, exit $status)"
  signal_status=$(( 128 + $(kill -l "$signal") ))
  if [[ $status == 0 ]]; then
    finished[$signal]=$(( finished[$signal] + 1 ))
  elif [[ $status != "$signal_status" ]]; then
    fail "$what: a killed add should end by the signal: $(cat err.txt)"
  fi
  if cmp -s before.yaml "$record"; then
    [[ $status != 0 ]] || fail "$what: the add finished but the record is unchanged"
    identical[$signal]=$(( identical[$signal] + 1 ))
  elif one_entry before.yaml "$record"; then
    "$WELLBEING" validate "${as_of[@]}" "$record" >out.txt 2>&1 || fail "$what: the entry left is not valid: $(cat out.txt)"
    [[ $status == 0 ]] || entry[$signal]=$(( entry[$signal] + 1 ))
  else
    diff before.yaml "$record" | head -20 >&2 || true
    fail "$what: the record is neither as it was nor the old bytes plus one entry"
  fi
  if [[ -n $(leftovers) ]]; then
    [[ $signal == KILL ]] || fail "$what: left $(leftovers | tr '\n' ' ')beside the record"
    left[$signal]=$(( left[$signal] + 1 ))
  fi
  # An add that finished was itself the next add, not killed.
  [[ $status == 0 ]] || next_add_succeeds "$what"
done

# Two writers at once: both entries kept, or the loser refused as locked (exit 5) and its entry absent.
both=0 refused=0
for ((pair = 0; pair < pairs; pair++)); do
  cp "$record" before.yaml
  "$WELLBEING" add strength "$record" --level network --text "Pair $pair: first writer" --area relationships \
    "${as_of[@]}" >/dev/null 2>err-a.txt &
  a=$!
  "$WELLBEING" add strength "$record" --level network --text "Pair $pair: second writer" --area relationships \
    "${as_of[@]}" >/dev/null 2>err-b.txt &
  b=$!
  status_a=0 status_b=0
  wait "$a" || status_a=$?
  wait "$b" || status_b=$?
  what="pair $pair (exits $status_a and $status_b)"
  for side in first:$status_a second:$status_b; do
    name=${side%%:*} status=${side#*:}
    count=$(grep -c "Pair $pair: $name writer" "$record" || true)
    case $status in
      0) [[ $count == 1 ]] || fail "$what: the $name writer succeeded but its entry is there $count times" ;;
      5) [[ $count == 0 ]] || fail "$what: the $name writer was refused but its entry is there" ;;
      *) fail "$what: the $name writer exited $status: $(cat err-a.txt err-b.txt)" ;;
    esac
  done
  [[ $status_a == 0 || $status_b == 0 ]] || fail "$what: both writers were refused"
  if [[ $status_a == 0 && $status_b == 0 ]]; then both=$((both + 1)); else refused=$((refused + 1)); fi
  if [[ $status_a != 0 || $status_b != 0 ]]; then
    one_entry before.yaml "$record" || fail "$what: the winner's entry is not the only change"
  fi
  [[ -z $(leftovers) ]] || fail "$what: left $(leftovers | tr '\n' ' ')beside the record"
done
"$WELLBEING" validate "${as_of[@]}" "$record" >out.txt 2>&1 || fail "after the pairs the record is not valid: $(cat out.txt)"

for s in "${signals[@]}"; do
  echo "SIG$s: ${sent[$s]} runs: ${identical[$s]} left the record as it was, ${entry[$s]} left it with the one" \
    "entry, ${finished[$s]} had finished before the signal; ${left[$s]} left a lock or temporary file (taken over)"
done
echo "one add took ${took}us; kills spread over ${window}us"
# The loop tests something only if signals landed while adds ran: some of each before the add finished,
# and some SIGKILLs while the lock was held (SIGKILL is the one that cannot clean up after itself).
for s in "${signals[@]}"; do
  (( identical[$s] + entry[$s] > 0 )) || fail "no SIG$s arrived before its add finished: nothing was tested for it"
done
(( left[KILL] > 0 )) || fail "no SIGKILL arrived while the lock was held: the kills missed the write"
echo "$pairs concurrent pairs: $both with both entries added, $refused with one writer refused as locked"
