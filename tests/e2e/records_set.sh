#!/usr/bin/env bash
# Where a folder's records are is the folder's own setting (wellbeing.yaml `records`: the records folder,
# default records/, and `exclude` patterns), and validate, summary and the pre-commit check use the same
# set: a mkdocs.yml or a template beside the records no longer fails a run or a commit.
source "$(dirname "$0")/lib.sh"
wellbeing() { "$WELLBEING" "$@"; }

folder="$work/provider"
mkdir -p "$folder/records/templates" "$folder/drafts" "$folder/docs"
cd "$folder"
cp "$WELLBEING_ROOT/examples/wellbeing.yaml" wellbeing.yaml
cp "$WELLBEING_ROOT/examples/records/p-0001.yaml" "$WELLBEING_ROOT/examples/records/p-0003.yaml" records/
printf 'site_name: Our records\nnav: [index.md]\n' >mkdocs.yml
printf 'schema: wellbeing/v1\nperson: { id: p-9999 }\n' >records/templates/blank.yaml
printf 'schema: wellbeing/v1\nperson: { id: p-0002 }\n' >drafts/p-0002.yaml
printf 'title: not a record\n' >docs/page.yaml

# The default records folder: mkdocs.yml, drafts/ and docs/ are not records; the template under records/
# is one until it is excluded.
expect_exit 1 "validate with the template" wellbeing validate --as-of 2026-11-22
has "$(cat out.txt)" "records/templates/blank.yaml" "validate output"
lacks "$(cat out.txt)" "mkdocs.yml" "validate output"
lacks "$(cat out.txt)" "drafts/" "validate output"
printf '\nrecords:\n  folder: records\n  exclude: [records/templates/*]\n' >>wellbeing.yaml
expect_exit 0 "validate with the template excluded" wellbeing validate --as-of 2026-11-22
has "$(cat err.txt)" "2 records checked" "validate summary line"
expect_exit 0 "validate the folder from above" wellbeing validate --as-of 2026-11-22 "$folder"
has "$(cat err.txt)" "2 records checked" "validate summary line from above"

# The same set for summary.
expect_exit 0 "summary" wellbeing summary --as-of 2026-11-22 --format json
people=$(grep -c '"path": "./records/p-000[13].yaml"' out.txt) || true
[[ $people == 2 ]] || fail "summary counted $people of the two records: $(cat out.txt)"
lacks "$(cat out.txt)" "blank.yaml" "summary"
lacks "$(cat out.txt)" "mkdocs" "summary"

# A folder named inside the settings' folder, outside its records folder, was asked for: it is checked.
expect_exit 1 "validate drafts/" wellbeing validate --as-of 2026-11-22 drafts
has "$(cat out.txt)" "drafts/p-0002.yaml" "validate drafts output"
# A file named is always checked; --only-records keeps only records (the template and mkdocs.yml, both
# invalid as records, are left out, so the run passes).
expect_exit 1 "validate mkdocs.yml" wellbeing validate mkdocs.yml
expect_exit 0 "validate --only-records" wellbeing validate --only-records --as-of 2026-11-22 mkdocs.yml \
  records/templates/blank.yaml records/p-0001.yaml
expect_exit 0 "validate --only-records, no record" wellbeing validate --only-records mkdocs.yml docs/page.yaml
has "$(cat err.txt)" "none of the files named is a record" "--only-records with none"

# The pre-commit check: a staged mkdocs.yml and template do not stop a commit of valid records; an invalid
# record does.
git init -q -b main
wellbeing setup-git . >/dev/null
git add -A
git commit -q -m "Records, docs and a template" 2>"$work/commit.err" || fail "the commit was stopped: $(cat "$work/commit.err")"
sed -i 's/^  id: p-0001$/  id: not-an-id/' records/p-0001.yaml
git add records/p-0001.yaml
if git commit -q -m "Broken" 2>"$work/commit.err"; then
  fail "an invalid record was committed"
fi
has "$(cat "$work/commit.err")" "fix the records above" "the hook's refusal"
# A commit of only YAML files that are not records has nothing to check and goes through.
git reset -q records/p-0001.yaml && git checkout -q -- records/p-0001.yaml
printf 'site_name: Our records, again\nnav: [index.md]\n' >mkdocs.yml
printf 'title: still not a record\n' >docs/page.yaml
git add mkdocs.yml docs/page.yaml
git commit -q -m "Docs only" 2>"$work/commit.err" || fail "a commit of no record was stopped: $(cat "$work/commit.err")"
[[ -z $(git status --porcelain) ]] || fail "the docs commit left changes: $(git status --porcelain)"
echo "records set: validate, summary and the pre-commit check agree on which files are records"
