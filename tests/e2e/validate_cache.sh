#!/usr/bin/env bash
# validate's results cache: an unchanged record comes from it; a changed record, settings, date or build
# of the tool is checked afresh; a damaged entry is ignored and written again; two runs at once leave a
# cache that every later run reads; --no-cache and --schema runs neither read nor write it.
source "$(dirname "$0")/lib.sh"
unset WELLBEING_NO_CACHE

folder="$work/care"
mkdir -p "$folder"
cp "$WELLBEING_ROOT/examples/wellbeing.yaml" "$folder/"
cp -r "$WELLBEING_ROOT/examples/records" "$folder/records"
cd "$folder"
records=$(ls records/*.yaml | wc -l)

# cached N [ARGS…]: runs validate --format json and fails unless N results came from the cache.
cached() {
  local want=$1
  shift
  "$WELLBEING" validate --format json --as-of "${AS_OF:-2026-11-22}" "$@" >out.json 2>err.txt || [[ $? == 1 ]] ||
    fail "validate failed: $(cat err.txt)"
  local got
  got=$(python3 -c 'import json,sys; print(json.load(open("out.json"))["summary"].get("cached", "none"))')
  [[ "$got" == "$want" ]] || fail "$* expected $want results from the cache, got $got"
  # The findings are the same whichever way they came.
  python3 -c 'import json; d=json.load(open("out.json")); d["summary"].pop("cached", None); print(json.dumps(d, indent=1))' >findings.json
}

cached 0 records
cp findings.json cold.json
[[ -d .wellbeing/cache ]] || fail "no cache folder beside wellbeing.yaml"
# The cache quotes what records say: it keeps itself out of git, whatever the folder's .gitignore says.
same_text ".wellbeing/.gitignore" "$(printf "# wellbeing's cache of check results: never committed.\n*")" \
  "$(cat .wellbeing/.gitignore)"
if command -v git >/dev/null; then
  git init -q . && git add -A
  lacks "$(git status --porcelain)" ".wellbeing" "git status of a folder with a cache"
  rm -rf .git
fi
cached "$records" records
same_file cold.json findings.json "findings from the cache"

# A changed record is checked again, the others come from the cache.
echo "# a comment at the end" >>records/p-0002.yaml
cached $((records - 1)) records

# Other settings, another date, another build of the tool: every record is checked again.
cp wellbeing.yaml settings.saved
echo "# settings changed" >>wellbeing.yaml
cached 0 records
cp settings.saved wellbeing.yaml
cached "$records" records
AS_OF=2026-11-23 cached 0 records
cached "$records" records
cp "$WELLBEING" "$work/wellbeing-rebuilt"
touch -d '2020-01-01' "$work/wellbeing-rebuilt"
WELLBEING="$work/wellbeing-rebuilt" cached 0 records

# A damaged entry counts as none, and is written again.
find .wellbeing/cache -type f | while read -r entry; do printf '{"format":1,"key":' >"$entry"; done
cached 0 records
same_file cold.json findings.json "findings after damaged entries"
cached "$records" records

# Two runs at once into an empty cache: both succeed, and what they leave is whole.
rm -rf .wellbeing
"$WELLBEING" validate --as-of 2026-11-22 -j 2 records >/dev/null 2>&1 &
first=$!
"$WELLBEING" validate --as-of 2026-11-22 -j 2 records >/dev/null 2>&1 &
second=$!
wait "$first" || [[ $? == 1 ]] || fail "the first of two runs failed"
wait "$second" || [[ $? == 1 ]] || fail "the second of two runs failed"
find .wellbeing/cache -type f -exec python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' {} + ||
  fail "an entry is not whole after two runs at once"
cached "$records" records

# --no-cache and --schema runs leave the cache alone.
rm -rf .wellbeing
cached none records --no-cache
WELLBEING_NO_CACHE=1 cached none records
cached none --schema "$WELLBEING_ROOT/schemas/wellbeing-record.schema.json" records
[[ ! -e .wellbeing ]] || fail "--no-cache, WELLBEING_NO_CACHE=1 or --schema wrote a cache"
# WELLBEING_NO_CACHE set to 0 or to nothing turns nothing off.
WELLBEING_NO_CACHE=0 cached 0 records
WELLBEING_NO_CACHE= cached "$records" records
rm -rf .wellbeing

# A finding from the cache shows its source line as a fresh check does, byte order mark or not.
printf '\xEF\xBB\xBFbogus: 1\n' >records/p-0900.yaml
for run in cold warm; do
  "$WELLBEING" validate --as-of 2026-11-22 records/p-0900.yaml >"$run.txt" 2>&1 && fail "p-0900 is not valid"
done
same_file cold.txt warm.txt "the text output of a record with a byte order mark, from the cache"
lacks "$(cat warm.txt)" $'\xEF\xBB\xBF' "text output from the cache"
rm records/p-0900.yaml

# A new folder keeps the cache out of git.
"$WELLBEING" init --no-git "$work/new" --provider "Larkfield Community Support (fictional)" >/dev/null
grep -qx '.wellbeing/' "$work/new/.gitignore" || fail "init's .gitignore does not leave out .wellbeing/"
echo "ok"
