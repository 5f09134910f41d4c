#!/usr/bin/env bash
# The README's first steps, in a temporary folder: init -> new -> add -> git commit (through the
# pre-commit hook) -> validate. Also: setup-git is idempotent and leaves a foreign hook alone, the hook
# stops a commit of an invalid record, and init never overwrites.
source "$(dirname "$0")/lib.sh"
# wellbeing on PATH, as an installed one would be.
mkdir "$work/bin"
ln -s "$WELLBEING" "$work/bin/wellbeing"
export PATH="$work/bin:$PATH"
cd "$work"
day=(--as-of 2026-10-01)

wellbeing init care-records --provider "Larkfield Community Support (fictional)" --type community_support >init.txt ||
  fail "init"
cd care-records
for file in wellbeing.yaml README.md .gitattributes schemas/wellbeing-record.schema.json \
  schemas/wellbeing-config.schema.json .git/hooks/pre-commit; do
  [[ -f $file ]] || fail "init did not write $file"
done
[[ -d records ]] || fail "init did not make records/"
[[ -x .git/hooks/pre-commit ]] || fail "the hook is not executable"
[[ $(git config --local diff.wellbeing.command) == *'then exec wellbeing diff --git-external "$@"; fi;'* ]] ||
  fail "diff driver config: $(git config --local diff.wellbeing.command)"
[[ $(git config --local diff.wellbeing.textconv) == *'then exec wellbeing show --canonical "$@"; fi;'* ]] ||
  fail "textconv config"
[[ $(git config --local merge.wellbeing.driver) == *'then exec wellbeing merge "$@"; fi;'*"' wellbeing-merge %O %A %B %P" ]] ||
  fail "merge driver config"
[[ $(git config --local merge.wellbeing.name) == "wellbeing record merge" ]] || fail "merge driver name"
"$WELLBEING" validate --schema schemas/wellbeing-config.schema.json wellbeing.yaml >/dev/null 2>&1 ||
  fail "wellbeing.yaml is not valid against the config schema"

wellbeing new p-0007 --name Sam "${day[@]}" >new.txt || fail "new"
[[ $(cat new.txt) == "records/p-0007.yaml: created" ]] || fail "new: output $(cat new.txt)"
head -1 records/p-0007.yaml | grep -qx '# yaml-language-server: $schema=../schemas/wellbeing-record.schema.json' ||
  fail "new: schema line"
[[ $(grep -c 'status: not_yet_explored' records/p-0007.yaml) == 9 ]] || fail "new: not nine areas"
wellbeing validate "${day[@]}" records/p-0007.yaml >/dev/null 2>&1 || fail "new: the record is not valid"
set +e
wellbeing new p-0007 "${day[@]}" >/dev/null 2>err.txt
status=$?
set -e
[[ $status == 2 ]] && grep -q "already exists" err.txt || fail "new over an existing record: exit $status"

wellbeing add outcome records/p-0007.yaml --kind achieve --area participation \
  --said "Get back to the allotment on Saturdays" --who-acts self "${day[@]}" >add.txt || fail "add outcome"
grep -q 'added outcome o-1' add.txt || fail "add outcome: output"
wellbeing add action records/p-0007.yaml --outcome o-1 --who self --what "Ring the allotment society" "${day[@]}" \
  >/dev/null || fail "add action"
git add -A
git commit -q -m "p-0007: first outcome" || fail "commit"
[[ $(git log --oneline | wc -l) == 1 ]] || fail "no commit"
[[ $(git check-attr diff -- records/p-0007.yaml) == "records/p-0007.yaml: diff: wellbeing" ]] || fail "attributes"
wellbeing validate "${day[@]}" >/dev/null 2>&1 || fail "validate after commit"

# The hook stops a commit of an invalid record, and checks what is staged, not the working copy.
sed -i 's/status: open/status: opn/' records/p-0007.yaml
git add records/p-0007.yaml
if git commit -q -m "broken" 2>hook.txt; then fail "the hook let an invalid record in"; fi
grep -q "commit stopped" hook.txt || fail "hook message: $(cat hook.txt)"
grep -q "records/p-0007.yaml:.*status" hook.txt || fail "hook did not name the problem: $(cat hook.txt)"
git checkout -q HEAD -- records/p-0007.yaml
[[ $(git log --oneline | wc -l) == 1 ]] || fail "a commit got through"

# setup-git again changes nothing; a foreign hook is left alone (exit 1).
cp .git/hooks/pre-commit hook.before
wellbeing setup-git >again.txt || fail "setup-git again"
grep -q '^set ' again.txt && fail "setup-git changed something the second time: $(cat again.txt)"
[[ $(grep -c '^already set' again.txt) == 5 ]] || fail "setup-git again: $(cat again.txt)"
cmp -s hook.before .git/hooks/pre-commit || fail "setup-git rewrote an up-to-date hook"
printf '#!/bin/sh\necho mine\n' >.git/hooks/pre-commit
set +e
wellbeing setup-git >/dev/null 2>err.txt
status=$?
set -e
[[ $status == 1 ]] || fail "foreign hook: exit $status"
grep -q "is not wellbeing's: left as it is" err.txt || fail "foreign hook: message"
grep -qx 'echo mine' .git/hooks/pre-commit || fail "the foreign hook was overwritten"
# The line it suggests runs wellbeing's own check, of what is staged: the foreign hook with that line added
# stops a commit whose staged record is invalid even when the working copy is fixed.
suggested=$(sed -n 's/.*add this line to it: //p' err.txt)
[[ $suggested == *wellbeing-pre-commit* ]] || fail "foreign hook: no line suggested: $(cat err.txt)"
[[ -x .git/hooks/wellbeing-pre-commit ]] || fail "foreign hook: wellbeing-pre-commit not installed beside it"
printf '%s\n' "$suggested" >>.git/hooks/pre-commit
sed -i 's/status: open/status: opn/' records/p-0007.yaml
git add records/p-0007.yaml
sed -i 's/status: opn/status: open/' records/p-0007.yaml  # the working copy is right again; the index is not
if git commit -q -m "broken, staged" 2>hook.txt; then fail "the suggested line let an invalid staged record in"; fi
grep -q "records/p-0007.yaml:.*status" hook.txt || fail "suggested line: $(cat hook.txt)"
git reset -q HEAD -- records/p-0007.yaml
git checkout -q HEAD -- records/p-0007.yaml

# A hook that cannot find wellbeing says so, and how to fix it, instead of blaming the records.
cp hook.before .git/hooks/pre-commit
echo "# a change" >>records/p-0007.yaml
git add records/p-0007.yaml
if env PATH=/usr/bin:/bin git commit -q -m "no wellbeing" 2>hook.txt; then fail "the hook let a commit through unchecked"; fi
grep -q "the record check cannot run, because wellbeing is not found" hook.txt || fail "missing wellbeing: $(cat hook.txt)"
grep -q "fix the records above" hook.txt && fail "missing wellbeing blamed the records: $(cat hook.txt)"
git reset -q HEAD -- records/p-0007.yaml
git checkout -q HEAD -- records/p-0007.yaml
cd "$work"

# init refuses to overwrite anything, and writes nothing when it refuses.
mkdir taken
echo "ours" >taken/README.md
set +e
wellbeing init taken >/dev/null 2>err.txt
status=$?
set -e
[[ $status == 2 ]] || fail "init over a README: exit $status"
grep -q "not overwriting what is already there: taken/README.md" err.txt || fail "init refusal message: $(cat err.txt)"
[[ $(ls -A taken) == README.md && $(cat taken/README.md) == ours ]] || fail "init wrote something while refusing"

# init inside an existing repository does not make a nested one.
mkdir outer && git -C outer init -q
wellbeing init outer/care --no-git >/dev/null || fail "init --no-git"
[[ ! -e outer/care/.git ]] || fail "--no-git made a repository"
wellbeing init outer/care2 >/dev/null || fail "init inside a repository"
[[ ! -e outer/care2/.git ]] || fail "init made a nested repository"
[[ -n $(git -C outer config --local diff.wellbeing.command) ]] || fail "init did not set up the outer repository"
echo "init, new, add, commit and validate work as the README shows"
