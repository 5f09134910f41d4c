#!/usr/bin/env bash
# summary --combine: three providers each share `summary --format json --redact`; combined, their totals are
# those of one summary over all their records together (worked out here from that summary's own JSON, not by
# the code that combines), every format has one column per provider and a total, and an unredacted,
# malformed, person-level or filtered summary is refused (exit 2) naming the file.
source "$(dirname "$0")/lib.sh"
examples="$WELLBEING_ROOT/examples"
cd "$work"
folder() {  # NAME FILE…: a provider's folder with the example settings under its own name
  local name=$1
  shift
  mkdir -p "$name/records"
  sed "s/Larkfield Community Support (fictional)/$name Care (fictional)/" "$examples/wellbeing.yaml" >"$name/wellbeing.yaml"
  for file in "$@"; do cp "$examples/records/$file" "$name/records/"; done
}
summarise() { "$WELLBEING" summary "$@" --as-of 2026-11-22 --format json --redact 2>/dev/null; }
folder Ashby p-0001.yaml p-0002.yaml
folder Brook p-0003.yaml
folder Calder p-0004.yaml
folder All p-0001.yaml p-0002.yaml p-0003.yaml p-0004.yaml
for name in Ashby Brook Calder All; do summarise "$name" >"$name.json" || fail "summary of $name"; done

expect_exit 0 "combine as JSON" "$WELLBEING" summary --combine Ashby.json Brook.json Calder.json --format json
mv out.txt combined.json
python3 - combined.json All.json <<'PY' || fail "the combined totals differ from the summary of all the records"
import json, sys
combined = json.load(open(sys.argv[1]))
whole = json.load(open(sys.argv[2]))
assert combined["version"] == 1 and combined["kind"] == "combined", combined["kind"]
assert [p["provider"] for p in combined["providers"]] == ["Ashby Care (fictional)", "Brook Care (fictional)", "Calder Care (fictional)"]
# The figures of the summary of all four records, read from its own JSON.
expected = {
    "people": len(whole["people"]),
    "files": whole["files"]["total"],
    "files_left_out": whole["files"]["left_out"],
    "reviews.overdue": len(whole["reviews"]["overdue"]),
    "reviews.due_soon": len(whole["reviews"]["due_soon"]),
    "reviews.unknown": len(whole["reviews"]["unknown"]),
    "outcomes": whole["outcomes"]["total"],
    "outcomes.overdue_actions": whole["outcomes"]["overdue_actions"],
    "met_in_period": whole["met_in_period"]["count"],
    "review_requests_pending": len(whole["review_requests_pending"]),
    "safeguarding.open": whole["safeguarding"]["open"],
    "safeguarding.people": whole["safeguarding"]["people"],
    "no_conversation_in_period": len(whole["no_conversation_in_period"]),
}
expected.update({f"outcomes.{k}": v for k, v in whole["outcomes"]["by_status"].items()})
expected.update({f"areas.{a['area']}": a["total"] for a in whole["outcomes"]["by_area"]})
expected.update({f"who_acted.{k}": v for k, v in whole["met_in_period"]["who_acted"].items()})
expected.update({f"ons4.{q}.people": v["people"] for q, v in whole["ons4"].items()})
total = combined["total"]["figures"]
total.update({f"ons4.{q}.people": v["people"] for q, v in combined["total"]["ons4"].items()})
for key, value in expected.items():
    assert total.get(key) == value, f"{key}: combined {total.get(key)}, all records {value}"
assert expected["people"] == 4 and expected["outcomes"] > 0 and expected["met_in_period"] > 0, expected
# Each total is its column's sum.
for key, value in combined["total"]["figures"].items():
    if not key.startswith("ons4."):
        assert value == sum(p["figures"][key] for p in combined["providers"]), key
# The ONS4 average change, weighted by the people each covers, is the whole folder's (to rounding).
for q, v in whole["ons4"].items():
    got = combined["total"]["ons4"][q]["average_change"]
    assert (got is None) == (v["average_change"] is None), q
    if got is not None:
        assert abs(got - v["average_change"]) <= 0.01, f"{q}: {got} against {v['average_change']}"
# Nothing about any one person travels.
text = open(sys.argv[1]).read()
for word in ["p-0001", "Maureen", "records/", "known_as"]:
    assert word not in text, word
PY

# Every format: one column per provider, then the total.
expect_exit 0 "combine as a table" "$WELLBEING" summary --combine Ashby.json Brook.json Calder.json
has "$(cat out.txt)" "Combined wellbeing summary: 3 providers" "table"
has "$(head -6 out.txt | tail -1)" "Figure" "table"
people=$(python3 -c 'import json; print(json.load(open("All.json"))["files"]["counted"])')
grep -qE "^  People counted +2 +1 +1 +$people\$" out.txt || fail "table: people counted per provider and in total: $(grep 'People counted' out.txt)"
expect_exit 0 "combine as Markdown" "$WELLBEING" summary --combine Ashby.json Brook.json Calder.json --format md
has "$(cat out.txt)" "| Figure | Ashby Care (fictional) | Brook Care (fictional) | Calder Care (fictional) | Total |" "Markdown"
has "$(cat out.txt)" "| People counted | 2 | 1 | 1 | $people |" "Markdown"
expect_exit 0 "combine as CSV" "$WELLBEING" summary --combine Ashby.json Brook.json Calder.json --format csv
has "$(cat out.txt)" $'figure,words,Ashby Care (fictional),Brook Care (fictional),Calder Care (fictional),total\r' "CSV"
has "$(cat out.txt)" $'people,People counted,2,1,1,'"$people"$'\r' "CSV"

# Refused, naming the file: unredacted, malformed, another version, one person's, filtered.
"$WELLBEING" summary Brook --as-of 2026-11-22 --format json --no-redact >plain.json 2>/dev/null
expect_exit 2 "an unredacted summary" "$WELLBEING" summary --combine Ashby.json plain.json
has "$(cat err.txt)" "wellbeing: error: --combine: plain.json is not redacted" "error"
[[ ! -s out.txt ]] || fail "an unredacted summary: something was printed"
printf '{"version": 1,\n "kind": "folder",\n "redacted": true,\n "files": {"total": 2,, }}\n' >broken.json
expect_exit 2 "a malformed summary" "$WELLBEING" summary --combine Ashby.json broken.json
has "$(cat err.txt)" "wellbeing: error: --combine: broken.json:4:" "error"
sed 's/"version": 1/"version": 2/' Ashby.json >v2.json
expect_exit 2 "another version" "$WELLBEING" summary --combine Ashby.json v2.json
has "$(cat err.txt)" "v2.json:2:14: summary format version 2 is not one this wellbeing reads (it reads version 1)" "error"
summarise Ashby/records/p-0001.yaml >person.json
expect_exit 2 "one person's summary" "$WELLBEING" summary --combine Ashby.json person.json
has "$(cat err.txt)" "person.json:3:11: this is one person's summary" "error"
summarise Ashby --area health >filtered.json
expect_exit 2 "a filtered summary" "$WELLBEING" summary --combine Ashby.json filtered.json
has "$(cat err.txt)" "filtered.json:" "error"
has "$(cat err.txt)" "counts only some outcomes or people (areas)" "error"
python3 -c 'import json; d=json.load(open("Ashby.json")); del d["outcomes"]["total"]; json.dump(d, open("short.json","w"), indent=2)'
expect_exit 2 "a figure missing" "$WELLBEING" summary --combine Ashby.json short.json
has "$(cat err.txt)" "short.json: expected a count at /outcomes/total" "error"
expect_exit 2 "records with --combine" "$WELLBEING" summary Ashby --combine Ashby.json
echo "summary_combine: ok"
