#!/usr/bin/env bash
# `wellbeing summary DIR --period`: one column per period, each from the records as they stood in git at its
# end. The repository is built by tests/data/period/make_repo.py (a fictional provider: nine people, 18 months,
# every state validated), which works out the quarters' figures from its own model of what it wrote, in
# expected-quarterly.json; the command's JSON must give the same figures. Nothing here asks the code under
# test what to expect.
source "$(dirname "$0")/lib.sh"
skip_without "apt install python3" python3 git

python3 "$WELLBEING_ROOT/tests/data/period/make_repo.py" "$work/provider" "$WELLBEING" ||
  fail "make_repo.py could not build the repository"
repo="$work/provider/repo"
expected="$work/provider/expected-quarterly.json"

# The repository is what the issue asks for: at least 8 people, 40 commits, 18 months, and a rename.
commits=$(git -C "$repo" rev-list --count HEAD)
(( commits >= 40 )) || fail "only $commits commits"
first=$(git -C "$repo" log --format=%cs | tail -1)
last=$(git -C "$repo" log -1 --format=%cs)
[[ "$first" == 2025-01-06 && "$last" == 2026-06-29 ]] || fail "commits from $first to $last"
people=$(ls "$repo/records" | wc -l)
(( people >= 8 )) || fail "only $people people"
git -C "$repo" log --diff-filter=R --name-status --format= | grep -q 'p-0204-dov.yaml' || fail "no rename"

# The command's figures, quarter by quarter, against the model's. Default span: from the first commit of
# the records to --as-of.
cd "$repo"
"$WELLBEING" summary records --period quarterly --as-of 2026-06-30 --format json >"$work/quarterly.json" ||
  fail "summary --period quarterly exited $?"
python3 - "$expected" "$work/quarterly.json" <<'PY' || fail "the quarterly figures differ from the model's"
import json, sys
want = json.load(open(sys.argv[1]))["quarters"]
got = json.load(open(sys.argv[2]))
assert got["kind"] == "periods" and got["interval"] == "quarterly", got["kind"]
assert got["from"] == "2025-01-06" and got["to"] == "2026-06-30", (got["from"], got["to"])
columns = got["columns"]
assert [c["label"] for c in columns] == [q["label"] for q in want], [c["label"] for c in columns]
assert columns[0]["from"] == "2025-01-06", columns[0]["from"]  # cut to the span
bad = []
checks = 0
for q, c in zip(want, columns):
    if q["label"] != "2025-Q1":
        bad += [f"{q['label']} from {c['from']}"] if c["from"] != q["from"] else []
    bad += [f"{q['label']} to {c['to']}"] if c["to"] != q["to"] else []
    assert c["commit"] and len(c["commit"]) == 40
    assert c["left_out"] == 0
    for key, value in q.items():
        if key in ("label", "from", "to"):
            continue
        checks += 1
        if c["figures"][key] != value:
            bad.append(f"{q['label']} {key}: {c['figures'][key]}, expected {value}")
if bad:
    sys.exit("\n".join(bad))
assert checks >= 6 * 14, checks
print(f"{checks} figures as the model has them")
PY

# A period before the first commit stands for no records: a column of zeros with no commit.
"$WELLBEING" summary records --period yearly --from 2024-01-01 --to 2025-12-31 --format json >"$work/yearly.json"
python3 - "$work/yearly.json" <<'PY' || fail "the yearly columns are wrong"
import json, sys
c = json.load(open(sys.argv[1]))["columns"]
assert [x["label"] for x in c] == ["2024", "2025"], c
assert c[0]["commit"] is None and c[0]["figures"]["people"] == 0, c[0]
assert c[1]["to"] == "2025-12-31" and c[1]["figures"]["people"] == 7, c[1]
PY

# Monthly: one column per month, the renamed record counted once in every month after its rename.
"$WELLBEING" summary records --period monthly --from 2025-11-01 --to 2026-01-31 --format csv >"$work/monthly.csv"
head -1 "$work/monthly.csv" | grep -q '^figure,words,2025-11,2025-12,2026-01' || fail "monthly CSV header: $(head -1 "$work/monthly.csv")"
grep -q '^people,People supported,7,7,8' "$work/monthly.csv" || fail "monthly people: $(grep ^people "$work/monthly.csv")"

# Table and Markdown show the same columns.
table=$("$WELLBEING" summary records --period quarterly --as-of 2026-06-30)
has "$table" "2026-Q2" "table"
has "$table" "Open safeguarding flags" "table"
md=$("$WELLBEING" summary records --period quarterly --as-of 2026-06-30 --format md)
has "$md" "| Figure | 2025-Q1 |" "Markdown"

# Outside a git repository, --period is refused with exit 2.
mkdir "$work/plain"
cp -R "$repo/records" "$work/plain/records"
status=0
out=$("$WELLBEING" summary "$work/plain/records" --period quarterly 2>&1) || status=$?
[[ $status -eq 2 ]] || fail "--period outside a repository exited $status"
has "$out" "not in a git repository" "error outside a repository"

# One folder only, not a file, and not with --at.
status=0
"$WELLBEING" summary records/p-0201.yaml --period monthly >/dev/null 2>&1 || status=$?
[[ $status -eq 2 ]] || fail "--period on a file exited $status"
status=0
"$WELLBEING" summary records --period monthly --at 2025-06-01 >/dev/null 2>&1 || status=$?
[[ $status -eq 2 ]] || fail "--period with --at exited $status"
echo "summary --period: all checks passed"
