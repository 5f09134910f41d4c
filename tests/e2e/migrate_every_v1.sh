# `wellbeing migrate` on every valid wellbeing/v1 record in examples/records and tests/: the result is a
# wellbeing/v2 record with no error, and every word of the person survives. Each area's said must be
# there as a view's said of the same area, each concern as a concern's text, and every other line of
# `show --canonical` unchanged (the schema line aside).
source "$(dirname "$0")/lib.sh"

count=0
while IFS= read -r file; do
  # Only records that are valid as they are: a broken fixture is not migrate's to mend.
  "$WELLBEING" show --canonical "$file" >"$work/old" 2>/dev/null || continue
  "$WELLBEING" validate "$file" >"$work/before" 2>&1 || true
  grep -q 'error' "$work/before" && continue
  copy="$work/record.yaml"
  cp "$file" "$copy"
  "$WELLBEING" migrate "$copy" >/dev/null 2>"$work/err" || fail "migrate $file: $(cat "$work/err")"
  grep -q '^schema: wellbeing/v2' "$copy" || fail "$file: not v2 after migrate"
  if "$WELLBEING" validate "$copy" >"$work/validate" 2>&1; [[ $? -gt 1 ]]; then
    fail "$file: validate failed after migrate: $(cat "$work/validate")"
  fi
  grep ': error:' "$work/validate" && fail "$file: errors after migrate"
  "$WELLBEING" show --canonical "$copy" >"$work/new"
  while IFS= read -r line; do
    case "$line" in
      'schema: wellbeing/v1') grep -qxF 'schema: wellbeing/v2' "$work/new" || fail "$file: schema" ;;
      areas/*/said:*)
        area=${line#areas/}; area=${area%%/*}; words=${line#*/said: }
        grep -F "areas/$area/views/" "$work/new" | grep -qF "/said: $words" ||
          fail "$file: area $area lost its said: $words" ;;
      areas/*/concerns\[\]:*)
        area=${line#areas/}; area=${area%%/*}; words=${line#*concerns[]: }
        grep -F "areas/$area/concerns/" "$work/new" | grep -qF "/text: $words" ||
          fail "$file: area $area lost a concern: $words" ;;
      *) grep -qxF -- "$line" "$work/new" || fail "$file: lost or changed: $line" ;;
    esac
  done <"$work/old"
  count=$((count + 1))
done < <(grep -rlx --include='*.yaml' 'schema: wellbeing/v1' "$WELLBEING_ROOT/examples/records" "$WELLBEING_ROOT/tests" | sort)

[[ $count -gt 5 ]] || fail "only $count v1 records were found"
echo "migrated $count v1 records"
