#!/usr/bin/env bash
# The format guide's complete example (schemas/README.md, "A complete example") is a valid record in the
# current format, so a care worker who copies it starts from something that passes.
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/records"
awk '/^## A complete example/ { inside = 1 } inside && /^```yaml$/ { copy = 1; next } copy && /^```$/ { exit }
     copy { print }' "$WELLBEING_ROOT/schemas/README.md" >"$work/records/p-0012.yaml"
[[ -s "$work/records/p-0012.yaml" ]] || fail "no complete example found in schemas/README.md"
grep -qx 'schema: wellbeing/v2' "$work/records/p-0012.yaml" || fail "the complete example is not wellbeing/v2"
cd "$work"
expect_exit 0 "validate the guide's complete example" "$WELLBEING" validate --as-of 2026-11-22 records/p-0012.yaml
lacks "$(cat out.txt)" "error:" "validate's output"
echo "the guide's complete example: $(cat err.txt)"
