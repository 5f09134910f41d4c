#!/usr/bin/env bash
# `add` and `merge` refuse to replace a file the invoking user could not write, leaving it as it was;
# as root, a file with no write bit for its owner is refused too, and another user's file keeps its owner.
source "$(dirname "$0")/lib.sh"
cd "$work"
mkdir records
cp "$WELLBEING_ROOT/tests/data/write/comments.yaml" records/p-0101.yaml
record=records/p-0101.yaml
cp "$record" original.yaml
add_strength() { "$WELLBEING" add strength "$1" --level self --text "Keeps a diary." --as-of 2026-10-01; }

# A read-only record (0444): refused, for root as for anyone, byte-identical, mode kept.
chmod 0444 "$record"
expect_exit 2 "read-only add" add_strength "$record"
has "$(cat err.txt)" "$record: the file is read-only (mode 0444)" "read-only add error"
cmp -s original.yaml "$record" || fail "read-only add: the record changed"
[[ $(stat -c %a "$record") == 444 ]] || fail "read-only add: mode changed"
cp original.yaml base.yaml
cp original.yaml theirs.yaml
expect_exit 2 "read-only merge" "$WELLBEING" merge base.yaml "$record" theirs.yaml
has "$(cat err.txt)" "the file is read-only" "read-only merge error"
cmp -s original.yaml "$record" || fail "read-only merge: the record changed"
chmod 0644 "$record"

if [[ $(id -u) == 0 ]] && id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null; then
  # Root's file in a world-writable folder: another user may not replace it.
  chmod 0755 "$work"  # so that the other user reaches the folder
  mkdir -m 1777 shared
  cp original.yaml shared/p-0102.yaml
  chmod 0644 shared/p-0102.yaml
  expect_exit 2 "someone else's file" setpriv --reuid=nobody --regid=nogroup --clear-groups \
    "$WELLBEING" add strength shared/p-0102.yaml --level self --text "Keeps a diary." --as-of 2026-10-01
  has "$(cat err.txt)" "you may not write this file" "someone else's file error"
  cmp -s original.yaml shared/p-0102.yaml || fail "someone else's file: it changed"
  [[ $(stat -c %U shared/p-0102.yaml) == root ]] || fail "someone else's file: owner changed"
  # Root replacing another user's file keeps its owner and mode.
  chown nobody:nogroup shared/p-0102.yaml
  chmod 0640 shared/p-0102.yaml
  add_strength shared/p-0102.yaml >/dev/null 2>err.txt || fail "root add: $(cat err.txt)"
  [[ $(stat -c %U:%a shared/p-0102.yaml) == nobody:640 ]] || fail "root add: $(stat -c %U:%a shared/p-0102.yaml)"
else
  echo "(not root: the other-user cases need root to set them up; the read-only case ran)"
fi
echo "unwritable files are refused and left as they were"
