#!/usr/bin/env python3
"""Builds, deterministically, the git repository of a fictional provider ("Heron Lane Support", home care):
nine fictional people and their records, added and changed over 18 months (January 2025 to June 2026), one
commit per event, each dated with GIT_AUTHOR_DATE and GIT_COMMITTER_DATE. Every state is checked with
`wellbeing validate`; an invalid one stops the script.

As it writes each commit it keeps its own model of the provider (who is supported, the conversations,
outcomes, reviews, requests, flags and measures it wrote) and from that model alone works out what a
summary of each quarter must say, written to expected-quarterly.json, and what the provider report (`render
DIR`) of the last quarter must say of each person, written to expected-provider.json. Nothing in it calls
the summary or the report.

    make_repo.py OUT WELLBEING    # OUT/repo is the repository, OUT/expected-*.json the figures
"""
import datetime as dt
import json
import os
import subprocess
import sys

AREAS = ["dignity", "health", "protection", "control", "participation", "social_economic", "relationships",
         "accommodation", "contribution"]
SAID = {
    "dignity": "Knock and wait for me to answer.",
    "health": "My knees are better when I walk to the shop each day.",
    "protection": "I feel safe when the door chain is on at night.",
    "control": "I choose what I wear and when I get up.",
    "participation": "The Thursday lunch club is the best bit of my week.",
    "social_economic": "I want to keep paying my own bills.",
    "relationships": "My neighbour pops in most afternoons.",
    "accommodation": "I want to stay in this flat.",
    "contribution": "I help with the garden at the community centre.",
}
WORKER = "Marta the support worker"
CONFIG = """# Settings of a fictional provider, for the period summary tests.
schema: wellbeing-config/v1
provider:
  name: Heron Lane Support (fictional)
  type: home_care
reviews:
  first_review_weeks:
    min: 6
    max: 8
  interval_months: 12
  due_soon_days: 28
redaction:
  default: false
  keep: []
"""


def d(text):
    return dt.date.fromisoformat(text)


class Person:
    def __init__(self, pid, name, started):
        self.id, self.name, self.started = pid, name, started
        self.file = f"records/{pid}.yaml"
        self.explored = {}       # area -> date updated
        self.outcomes = []       # dicts
        self.conversations = []  # (id, date, areas)
        self.measures = []       # (id, date, [ls, w, h, anx])
        self.reviews = []        # (id, date, next_due)
        self.requests = []       # dicts
        self.flags = []          # dicts

    def yaml(self):
        out = [f"# A fictional person, for the period summary tests.", "schema: wellbeing/v1", "", "person:",
               f"  id: {self.id}", f"  known_as: {self.name}", f"  support_started: {self.started}",
               "  voice: direct", "  capacity:", "    can_take_part: able", f"    date: {self.started}",
               f"    by: {WORKER}", "", "areas:"]
        for area in AREAS:
            out.append(f"  {area}:")
            if area in self.explored:
                out += ["    status: explored", f"    said: {SAID[area]}", "    importance:", "      level: high",
                        "      said_by: person", "    concerns: none raised", f"    updated: {self.explored[area]}"]
            else:
                out.append("    status: not_yet_explored")
        if self.outcomes:
            out += ["", "outcomes:"]
            for o in self.outcomes:
                out += [f"  - id: {o['id']}", "    kind: achieve", f"    areas: [{o['area']}]",
                        f"    said: I want to do more of what matters to me about {o['area'].replace('_', ' ')}.",
                        f"    opened: {o['opened']}", f"    status: {o['status']}", "    who_acts: [self, service]"]
                if o.get("met_on"):
                    out.append(f"    met_on: {o['met_on']}")
                if o.get("referral"):
                    out += ["    referral:", "      to: the community transport scheme", f"      date: {o['referral']}"]
                if o.get("safeguarding"):
                    out.append(f"    safeguarding: [{o['safeguarding']}]")
        if self.conversations:
            out += ["", "conversations:"]
            for cid, date, areas in self.conversations:
                out += [f"  - id: {cid}", f"    date: {date}", f"    led_by: {WORKER}", "    approach: everyday",
                        f"    areas: [{', '.join(areas)}]", "    summary: Talked over a cup of tea about the week.",
                        "    quotes: [It was a good week.]"]
        if self.measures:
            out += ["", "measures:"]
            for mid, date, a in self.measures:
                out += [f"  - id: {mid}", f"    date: {date}", "    instrument: ONS4", "    ons4:",
                        f"      life_satisfaction: {a[0]}", f"      worthwhile: {a[1]}", f"      happy_yesterday: {a[2]}",
                        f"      anxious_yesterday: {a[3]}"]
        if self.reviews:
            out += ["", "reviews:"]
            for rid, date, next_due in self.reviews:
                out += [f"  - id: {rid}", f"    date: {date}", f"    type: {'first' if rid == 'rv-1' else 'scheduled'}",
                        f"    attendees: [{self.name}, {WORKER}]", "    working: [The morning visits.]",
                        "    not_working: []", "    changes: []", f"    next_review_due: {next_due}"]
        if self.requests:
            out += ["", "review_requests:"]
            for r in self.requests:
                out += [f"  - id: {r['id']}", f"    date: {r['date']}", "    requested_by: provider",
                        "    reason: Needs more help than the plan allows.", "    sent_to: county adult social care",
                        f"    reference: RR-HL-{self.id[2:]}", f"    status: {r['status']}"]
        if self.flags:
            out += ["", "safeguarding:"]
            for f in self.flags:
                out += [f"  - id: {f['id']}", f"    date: {f['date']}", "    type: financial_material",
                        "    person_wishes: Wants the cold callers to stop.",
                        "    action_taken: Talked it through and told the local authority with their agreement.",
                        f"    referral_reference: SG-HL-{self.id[2:]}", f"    status: {f['status']}"]
                if f.get("closed_on"):
                    out.append(f"    closed_on: {f['closed_on']}")
        return "\n".join(out) + "\n"


PEOPLE = [("p-0201", "Anwen", "2025-01-06"), ("p-0202", "Bartek", "2025-01-20"), ("p-0203", "Celestine", "2025-03-03"),
          ("p-0204", "Dov", "2025-04-14"), ("p-0205", "Esme", "2025-06-02"), ("p-0206", "Faisal", "2025-08-11"),
          ("p-0207", "Greta", "2025-10-06"), ("p-0208", "Hamish", "2026-01-12"), ("p-0209", "Ines", "2026-03-02")]
# Measures per person: first, at the first review, at the second review, each [life satisfaction, worthwhile,
# happy yesterday, anxious yesterday].
QUESTIONS = ["life_satisfaction", "worthwhile", "happy_yesterday", "anxious_yesterday", "swemwbs"]
MEASURES = [[6, 6, 6, 4], [7, 7, 7, 3], [8, 7, 7, 3]]
FALLING = [[7, 7, 7, 3], [6, 6, 6, 4], [5, 6, 6, 5]]
STEADY = [[6, 6, 6, 4], [6, 7, 6, 5], [7, 6, 6, 4]]


def events():
    """(date, person index, what, detail): the provider's 18 months, in the order they happened."""
    ev = []
    for i, (pid, name, started) in enumerate(PEOPLE):
        s = d(started)
        late_first = i in (1, 5)  # Bartek's and Faisal's first reviews are late
        first = s + dt.timedelta(weeks=10 if late_first else 7)
        ev.append((s, i, "join", None))
        ev.append((s + dt.timedelta(days=14), i, "explore", None))
        ev.append((first, i, "review", ("rv-1", "late" if late_first else "on_time", 1)))
        late_second = i in (0, 3)  # Anwen's and Dov's second reviews are late
        second = first + dt.timedelta(days=182 + (20 if late_second else -10))
        ev.append((second, i, "review", ("rv-2", "late" if late_second else "on_time", 2)))
        ev.append((first + dt.timedelta(days=30), i, "met", "o-1"))
        if i in (2, 6):
            ev.append((first + dt.timedelta(days=45), i, "not_met", "o-2"))
    ev.append((d("2025-05-19"), 3, "flag", None))
    ev.append((d("2025-09-08"), 3, "flag_closed", None))
    ev.append((d("2026-02-16"), 7, "flag", None))
    ev.append((d("2025-07-07"), 1, "request", None))
    ev.append((d("2025-11-03"), 1, "request_accepted", None))
    ev.append((d("2026-04-20"), 4, "request", None))
    ev.append((d("2025-12-01"), 3, "rename", None))
    ev.append((d("2026-05-11"), 0, "conversation", None))
    ev.append((d("2026-06-29"), 7, "conversation", None))
    ev.sort(key=lambda e: (e[0], e[1]))
    end = d("2026-06-30")
    return [e for e in ev if e[0] <= end]


def apply(p, i, what, detail, date):
    day = str(date)
    if what == "join":
        c = f"c-{len(p.conversations) + 1}"
        p.conversations.append((c, day, AREAS[:3]))
        for a in AREAS[:3]:
            p.explored[a] = day
        p.outcomes.append({"id": "o-1", "area": "health", "opened": day, "status": "open"})
        p.measures.append(("m-1", day, series(i)[0]))
    elif what == "explore":
        c = f"c-{len(p.conversations) + 1}"
        p.conversations.append((c, day, AREAS[3:5]))
        for a in AREAS[3:5]:
            p.explored[a] = day
        p.outcomes.append({"id": "o-2", "area": "control", "opened": day, "status": "in_progress"})
    elif what == "review":
        rid, _, n = detail
        p.reviews.append((rid, day, str(date + dt.timedelta(days=182))))
        c = f"c-{len(p.conversations) + 1}"
        p.conversations.append((c, day, [AREAS[5]] if n == 1 else [AREAS[6]]))
        p.explored[AREAS[5] if n == 1 else AREAS[6]] = day
        p.measures.append((f"m-{n + 1}", day, series(i)[n]))
    elif what == "met":
        o = next(o for o in p.outcomes if o["id"] == detail)
        o["status"], o["met_on"] = "met", day
    elif what == "not_met":
        o = next(o for o in p.outcomes if o["id"] == detail)
        o["status"], o["referral"] = "not_met", day
    elif what == "flag":
        p.flags.append({"id": f"sg-{len(p.flags) + 1}", "date": day, "status": "open"})
        for o in p.outcomes:
            if o["status"] in ("open", "in_progress"):
                o["safeguarding"] = p.flags[-1]["id"]
    elif what == "flag_closed":
        p.flags[-1]["status"], p.flags[-1]["closed_on"] = "closed", day
    elif what == "request":
        p.requests.append({"id": f"rr-{len(p.requests) + 1}", "date": day, "status": "pending"})
    elif what == "request_accepted":
        p.requests[-1]["status"] = "accepted"
    elif what == "conversation":
        c = f"c-{len(p.conversations) + 1}"
        p.conversations.append((c, day, [AREAS[7]]))
        p.explored[AREAS[7]] = day


def series(i):
    return FALLING if i in (2, 7) else STEADY if i in (4,) else MEASURES


def quarters(first, last):
    y, q = first.year, (first.month - 1) // 3
    while True:
        start = dt.date(y, 3 * q + 1, 1)
        if start > last:
            return
        end = (dt.date(y + (q == 3), (3 * q + 3) % 12 + 1, 1)) - dt.timedelta(days=1)
        yield f"{y}-Q{q + 1}", start, end
        y, q = (y + 1, 0) if q == 3 else (y, q + 1)


def main():
    out, wellbeing = sys.argv[1], sys.argv[2]
    repo = os.path.join(out, "repo")
    os.makedirs(os.path.join(repo, "records"))
    env = dict(os.environ, TZ="UTC", GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Marta Kowalczyk",
               GIT_AUTHOR_EMAIL="marta@heron-lane.example", GIT_COMMITTER_NAME="Marta Kowalczyk",
               GIT_COMMITTER_EMAIL="marta@heron-lane.example", WELLBEING_NO_CACHE="1")

    def git(*args, date=None):
        e = dict(env)
        if date:
            e["GIT_AUTHOR_DATE"] = e["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+0000"
        subprocess.run(["git", "-C", repo, *args], env=e, check=True, stdout=subprocess.DEVNULL)

    git("init", "-q", "-b", "main")
    people = [Person(*p) for p in PEOPLE]
    joined = set()
    counts = {}  # quarter -> counts of what happened in it (events, by date)
    states = []  # (date, model figures at the end of that commit)
    with open(os.path.join(repo, "wellbeing.yaml"), "w") as f:
        f.write(CONFIG)
    commits = 0
    for date, i, what, detail in events():
        p = people[i]
        label = next(lab for lab, s, e in quarters(date, date))
        c = counts.setdefault(label, {"conversations": 0, "opened": 0, "met": 0, "not_met": 0, "on_time": 0, "late": 0})
        before = len(p.conversations)
        apply(p, i, what, detail, date)
        c["conversations"] += len(p.conversations) - before
        c["opened"] += {"join": 1, "explore": 1}.get(what, 0)
        c["met"] += what == "met"
        c["not_met"] += what == "not_met"
        if what == "review":
            c[detail[1]] += 1
        joined.add(i)
        if what == "rename":
            old, p.file = p.file, f"records/{p.id}-{p.name.lower()}.yaml"
            git("mv", old, p.file)
        with open(os.path.join(repo, p.file), "w") as f:
            f.write(p.yaml())
        check = subprocess.run([wellbeing, "validate", "--as-of", str(date), os.path.join(repo, "records")],
                               env=env, capture_output=True, text=True)
        if check.returncode != 0:
            sys.exit(f"the records after '{what}' for {p.name} on {date} are not valid:\n{check.stdout}{check.stderr}")
        git("add", "-A")
        git("commit", "-q", "-m", f"{p.name}: {what.replace('_', ' ')}", date=str(date))
        commits += 1
        states.append((date, snapshot([people[j] for j in sorted(joined)])))

    expected = []
    for label, start, end in quarters(d(PEOPLE[0][2]), d("2026-06-30")):
        at_end = [s for when, s in states if when <= end]
        figures = dict(at_end[-1]) if at_end else {}
        c = counts.get(label, {"conversations": 0, "opened": 0, "met": 0, "not_met": 0, "on_time": 0, "late": 0})
        expected.append({"label": label, "from": str(start), "to": str(end), **figures,
                         "conversations": c["conversations"], "outcomes_opened": c["opened"],
                         "outcomes_met": c["met"], "outcomes_not_met": c["not_met"],
                         "reviews_on_time": c["on_time"], "reviews_late": c["late"]})
    with open(os.path.join(out, "expected-quarterly.json"), "w") as f:
        json.dump({"commits": commits, "people": len(PEOPLE), "quarters": expected}, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "expected-provider.json"), "w") as f:
        json.dump(provider_expected(people, d("2026-06-30"), expected), f, indent=2)
        f.write("\n")


def provider_expected(people, as_of, quarters_expected):
    """What the provider report as of `as_of` must say, from the model: the quarter holding as_of, and for
    each figure the people behind it."""
    start = dt.date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)

    def in_period(day):
        return day is not None and start <= d(day) <= as_of

    def by_person(pairs):
        out = {}
        for pid, item in pairs:
            out.setdefault(pid, []).append(item)
        return out

    reviews = {"on_time": [], "due_soon": [], "overdue": []}
    for p in people:
        last = max(p.reviews, key=lambda r: r[1])
        days = (d(last[2]) - as_of).days
        reviews["overdue" if days < 0 else "due_soon" if days <= 28 else "on_time"].append(p.id)
    questions = ["life_satisfaction", "worthwhile", "happy_yesterday", "anxious_yesterday"]
    measures = {}
    for k, key in enumerate(questions):
        moved = {"better": [], "same": [], "worse": []}
        for p in people:
            if len(p.measures) < 2:
                continue
            delta = p.measures[-1][2][k] - p.measures[0][2][k]
            if key == "anxious_yesterday":
                delta = -delta
            moved["same" if abs(delta) < 1 else "better" if delta > 0 else "worse"].append(p.id)
        measures[key] = moved
    working = {}
    for p in people:
        last = max(p.reviews, key=lambda r: r[1])
        areas = sorted({a for _, day, names in p.conversations if day == last[1] for a in names}, key=AREAS.index)
        for a in areas or [""]:
            working.setdefault(a, []).append(p.id)
    met = [(p.id, o["id"]) for p in people for o in p.outcomes if in_period(o.get("met_on"))]
    return {
        "as_of": str(as_of), "from": str(start), "people": [p.id for p in people],
        "explored": {p.id: len(p.explored) for p in people},
        "outcomes": sum(len(p.outcomes) for p in people),
        "outcomes_by_area": {a: by_person((p.id, o["id"]) for p in people for o in p.outcomes if o["area"] == a)
                             for a in AREAS},
        "opened": by_person((p.id, o["id"]) for p in people for o in p.outcomes if in_period(o["opened"])),
        "met": by_person(met),
        "who_acted": {"self": len(met), "network": 0, "community": 0, "service": len(met), "other_agency": 0},
        "not_met": [[p.id, o["id"]] for p in people for o in p.outcomes if o["status"] == "not_met"],
        "reviews": reviews,
        "requests": {p.id: [r["id"], (as_of - d(r["date"])).days] for p in people for r in p.requests
                     if r["status"] == "pending"},
        "measures": measures,
        "safeguarding": {"flags": sum(len(p.flags) for p in people),
                         "open": sorted(p.id for p in people for f in p.flags if f["status"] == "open")},
        "working": working,
        "comparison": {"previous": quarters_expected[-2], "current": quarters_expected[-1]},
    }


def snapshot(people):
    """What the model says stands at the end of a commit."""
    figures = {"people": len(people),
               "review_requests_outstanding": sum(r["status"] == "pending" for p in people for r in p.requests),
               "safeguarding_open": sum(f["status"] == "open" for p in people for f in p.flags),
               "areas_unexplored": sum(9 - len(p.explored) for p in people),
               "measured": sum(len(p.measures) >= 2 for p in people)}
    # Per question, latest answer against the first: ONS4 answers are whole numbers, so any change of a
    # point counts; for anxiety lower is better. Nobody here is measured with SWEMWBS.
    for q, key in enumerate(QUESTIONS):
        moves = {"better": 0, "same": 0, "worse": 0}
        for p in people:
            if q < 4 and len(p.measures) >= 2:
                change = p.measures[-1][2][q] - p.measures[0][2][q]
                change = -change if key == "anxious_yesterday" else change
                moves["better" if change > 0 else "worse" if change < 0 else "same"] += 1
        figures.update({f"{key}_{move}": n for move, n in moves.items()})
    return figures


if __name__ == "__main__":
    main()
