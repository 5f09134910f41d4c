#!/usr/bin/env bash
# `wellbeing render DIR`: the provider report's figures, and the people named behind each, over the scripted
# repository of tests/data/period/make_repo.py (nine fictional people, 18 months in git). The script works
# out from its own model what the report of the last quarter must say (expected-provider.json); the
# command's JSON must say the same. Nothing here asks the code under test what to expect.
source "$(dirname "$0")/lib.sh"
skip_without "apt install python3" python3 git

python3 "$WELLBEING_ROOT/tests/data/period/make_repo.py" "$work/provider" "$WELLBEING" ||
  fail "make_repo.py could not build the repository"
cd "$work/provider/repo"
"$WELLBEING" render records --as-of 2026-06-30 --format json >"$work/report.json" || fail "render DIR exited $?"

python3 - "$work/provider/expected-provider.json" "$work/report.json" <<'PY' || fail "the report differs from the model"
import json, sys
want = json.load(open(sys.argv[1]))
got = json.load(open(sys.argv[2]))
bad, checks = [], 0

def same(what, value, expected):
    global checks
    checks += 1
    if value != expected:
        bad.append(f"{what}: {value!r}, expected {expected!r}")

def people(figure):
    """A figure's people as {id: [what it counts for them]}."""
    return {p["id"]: [x for x in p["details_text"].split(", ") if x] for p in figure["people"]}

def ids(figure):
    return [p["id"] for p in figure["people"]]

AREAS = list(want["outcomes_by_area"])
same("people", [p["id"] for p in got["people"]], want["people"])
same("period from", got["period"]["from"], "1 April 2026")
same("sections", [s["id"] for s in got["sections"]],
     ["understood", "outcomes", "strengths", "reviews", "measures", "safeguarding", "working", "checks", "comparison"])
# 1. How wellbeing is understood
same("explored", {r["person"]["id"]: r["explored"] for r in got["understood"]["people"]}, want["explored"])
importance = {r["token"]: r for r in got["understood"]["importance"]}
same("importance by the person", importance["person"]["count"], sum(want["explored"].values()))
same("importance by the person, who", {k: v for k, v in people(importance["person"]).items()},
     {pid: [f"{n} areas"] for pid, n in want["explored"].items()})
same("cannot take part", got["understood"]["cannot_take_part"]["count"], 0)
# 2. Outcomes
same("outcomes", got["outcomes"]["total"], want["outcomes"])
for area, row in zip(AREAS, got["outcomes"]["by_area"]):
    expected = want["outcomes_by_area"][area]
    same(f"outcomes in {area}", row["count"], sum(len(v) for v in expected.values()))
    same(f"outcomes in {area}, who", people(row), expected)
    same(f"outcomes in {area} to achieve", row["achieve"], row["count"])
same("opened in the period", people(got["outcomes"]["opened"]), want["opened"])
met = {pid: [x.split(" ")[0] for x in v] for pid, v in people(got["outcomes"]["met"]).items()}
same("met in the period", met, want["met"])
same("not met", [[r["person"]["id"], r["outcome"]] for r in got["outcomes"]["not_met"]], want["not_met"])
for r in got["outcomes"]["not_met"]:
    same(f"what followed {r['person']['id']} {r['outcome']}", r["followed"].startswith("Help elsewhere: referred"), True)
# 3. Strengths first
same("who acted", {r["token"]: r["count"] for r in got["strengths"]["actors"]}, want["who_acted"])
same("the person acted, who", ids(got["strengths"]["actors"][0]), list(want["met"]))
# 4. Reviews
for key in ("on_time", "due_soon", "overdue"):
    same(f"reviews {key}", sorted(ids(got["reviews"][key])), sorted(want["reviews"][key]))
requests = {p["id"]: p["details_text"] for p in got["reviews"]["requests"]["people"]}
same("requests outstanding", sorted(requests), sorted(want["requests"]))
for pid, (rid, days) in want["requests"].items():
    same(f"request of {pid}", requests.get(pid, "").startswith(rid) and requests[pid].endswith(f"waiting {days} days"), True)
# 5. Measures: distance travelled
questions = {q["key"]: q for q in got["measures"]["questions"]}
for key, moved in want["measures"].items():
    q = questions[key]
    same(f"{key} measured", q["measured"], sum(len(v) for v in moved.values()))
    for direction, who in moved.items():
        same(f"{key} {direction}", ids(q[direction]), who)
        same(f"{key} {direction} share", q[direction]["share"], f"{round(100 * len(who) / q['measured'])}%")
same("measures chart", bool(got["measures"]["chart"]), True)
# 6. Safeguarding
same("flags", got["safeguarding"]["count"], want["safeguarding"]["flags"])
same("open flags, who", sorted(ids(got["safeguarding"]["open"])), want["safeguarding"]["open"])
same("every flag has its reference", got["safeguarding"]["all_accounted"], True)
# 7. What works, by the areas of the conversation on the review's day
titles = {"social_economic": "Social and economic wellbeing", "relationships": "Domestic, family and personal relationships"}
got_working = {a["area"]: [i["person"]["id"] for i in a["items"]] for a in got["working"]["areas"]}
same("what works", got_working, {titles.get(a, "Across the person's support"): v for a, v in want["working"].items()})
# 8. The checks
same("records valid", (got["checks"]["valid"], got["checks"]["files"]), (9, 9))
# 9. This quarter against the last, from git
c = got["comparison"]
same("comparison available", c["available"], True)
same("comparison labels", (c["previous"]["label"], c["current"]["label"]),
     (want["comparison"]["previous"]["label"], want["comparison"]["current"]["label"]))
figures = [k for k in want["comparison"]["current"] if k not in ("label", "from", "to")]
same("comparison figures", sorted(row["id"] for row in c["rows"]), sorted(figures))
for row in c["rows"]:
    same(f"{row['figure']} before", row["previous"], want["comparison"]["previous"][row["id"]])
    same(f"{row['figure']} now", row["current"], want["comparison"]["current"][row["id"]])
if bad:
    sys.exit("\n".join(bad))
print(f"render DIR: {checks} figures and their people as the model has them")
PY

# Markdown and HTML of the same report carry every section heading; redacted, no name appears.
md=$("$WELLBEING" render records --as-of 2026-06-30)
for heading in "How wellbeing is understood" "This period against the last"; do has "$md" "$heading" "Markdown"; done
redacted=$("$WELLBEING" render records --as-of 2026-06-30 --redact --format html)
for name in Anwen Bartek Celestine Dov Esme Faisal Greta Hamish Ines Marta; do
  [[ "$redacted" != *"$name"* ]] || fail "the redacted report names $name"
done
# --at reads the records of a commit; the comparison still reads the repository's history.
"$WELLBEING" render records --at 2025-06-30 --as-of 2025-06-30 --format json 2>/dev/null >"$work/at.json"
python3 - "$work/at.json" <<'PY' || fail "render DIR --at is wrong"
import json, sys
got = json.load(open(sys.argv[1]))
assert [p["id"] for p in got["people"]] == ["p-0201", "p-0202", "p-0203", "p-0204", "p-0205"], got["people"]
assert got["at"].startswith("commit "), got["at"]
assert got["comparison"]["available"] and got["comparison"]["current"]["label"] == "2025-Q2", got["comparison"]
PY
# --at with --site: one page per person there was at that commit, each the record as it stood then.
"$WELLBEING" render records --at 2025-06-30 --as-of 2025-06-30 --site "$work/at-site" 2>/dev/null
[[ $(ls "$work/at-site/people" | wc -l) -eq 5 ]] || fail "the site at 2025-06-30 has $(ls "$work/at-site/people" | wc -l) person pages"
has "$(cat "$work/at-site/people/p-0201.html")" "Wellbeing review: Anwen" "Anwen's page at 2025-06-30"
lacks "$(cat "$work/at-site/provider.html")" "p-0206" "the provider page at 2025-06-30 (Faisal joined in August)"

# --period monthly compares June with May.
"$WELLBEING" render records --as-of 2026-06-30 --period monthly --format json >"$work/monthly.json"
python3 - "$work/monthly.json" <<'PY' || fail "render DIR --period monthly is wrong"
import json, sys
c = json.load(open(sys.argv[1]))["comparison"]
assert (c["previous"]["label"], c["current"]["label"]) == ("2026-05", "2026-06"), c
assert (c["current"]["from"], c["current"]["to"]) == ("2026-06-01", "2026-06-30"), c["current"]
PY
echo "render DIR: all checks passed"
