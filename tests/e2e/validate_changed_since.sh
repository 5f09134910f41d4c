#!/usr/bin/env bash
# validate --changed-since REV checks exactly the records added, changed or renamed since REV (committed,
# staged or not yet added), and lists those deleted or renamed.
source "$(dirname "$0")/lib.sh"
skip_without "apt-get install git" git

repo="$work/care"
mkdir -p "$repo"
cp "$WELLBEING_ROOT/examples/wellbeing.yaml" "$repo/"
cp -r "$WELLBEING_ROOT/examples/records" "$repo/records"
cd "$repo"
git init -q .
git add -A
as_author "Sam Carer" sam@example.org "2026-11-01T10:00:00Z" git commit -q -m "the records"
git tag base

# Committed: a change to p-0001. Staged: p-0002 moved to an archive folder, p-0003 deleted.
# Not added: a comment in p-0004, and a new file.
echo "# reviewed" >>records/p-0001.yaml
as_author "Sam Carer" sam@example.org "2026-11-02T10:00:00Z" git commit -q -am "p-0001 reviewed"
mkdir records/archive
git mv records/p-0002.yaml records/archive/p-0002.yaml
git rm -q records/p-0003.yaml
echo "# checked" >>records/p-0004.yaml
cp records/p-0006.yaml records/p-0007.yaml

"$WELLBEING" validate --changed-since base --format json --as-of 2026-11-22 records >out.json 2>err.txt || [[ $? == 1 ]] ||
  fail "validate --changed-since failed: $(cat err.txt)"
checked=$(python3 -c 'import json; print(" ".join(f["path"] for f in json.load(open("out.json"))["files"]))')
same_text "records checked" "records/archive/p-0002.yaml records/p-0001.yaml records/p-0004.yaml records/p-0007.yaml" "$checked"
has "$(cat err.txt)" "wellbeing: deleted since base: records/p-0003.yaml" "stderr"
has "$(cat err.txt)" "wellbeing: renamed since base: records/p-0002.yaml -> records/archive/p-0002.yaml" "stderr"

# Since the last commit, p-0001 is not checked again.
"$WELLBEING" validate --changed-since HEAD --format json --as-of 2026-11-22 records >out.json 2>err.txt || [[ $? == 1 ]] ||
  fail "validate --changed-since HEAD failed: $(cat err.txt)"
checked=$(python3 -c 'import json; print(" ".join(f["path"] for f in json.load(open("out.json"))["files"]))')
same_text "records checked since HEAD" "records/archive/p-0002.yaml records/p-0004.yaml records/p-0007.yaml" "$checked"

# Nothing changed: nothing to check, and that is success.
git add -A
as_author "Sam Carer" sam@example.org "2026-11-03T10:00:00Z" git commit -q -m "tidy"
expect_exit 0 "nothing changed" "$WELLBEING" validate --changed-since HEAD records
has "$(cat err.txt)" "no record changed since HEAD" "stderr"

# A change to the folder settings can change every record's findings: every record is checked.
echo "# settings changed" >>wellbeing.yaml
"$WELLBEING" validate --changed-since HEAD --format json --as-of 2026-11-22 records >out.json 2>err.txt || [[ $? == 1 ]] ||
  fail "validate --changed-since after a settings change failed: $(cat err.txt)"
checked=$(python3 -c 'import json; print(len(json.load(open("out.json"))["files"]))')
same_text "records checked after a settings change" "$(find records -name '*.yaml' | wc -l)" "$checked"
git checkout -q wellbeing.yaml

# A record outside the repository cannot be said to have changed in it: refused, not dropped unchecked.
mkdir -p "$work/elsewhere"
printf 'schema: wellbeing/v1\nperson: { id: p-0999 }\n' >"$work/elsewhere/p-0999.yaml"
expect_exit 2 "a record outside the repository" "$WELLBEING" validate --changed-since HEAD records \
  "$work/elsewhere/p-0999.yaml"
has "$(cat err.txt)" "--changed-since: $work/elsewhere/p-0999.yaml is not in the git repository of records" "stderr"

# An unknown revision, or no repository, is a usage error.
expect_exit 2 "unknown revision" "$WELLBEING" validate --changed-since no-such-rev records
has "$(cat err.txt)" "--changed-since: unknown revision 'no-such-rev'" "stderr"
cd "$work" && mkdir plain && cd plain
expect_exit 2 "no repository" "$WELLBEING" validate --changed-since HEAD .
echo "ok"
