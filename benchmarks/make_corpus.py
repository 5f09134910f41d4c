#!/usr/bin/env python3
"""Writes a records folder of fictional people for the validate benchmark, the same bytes on every run.

Usage: make_corpus.py OUT_DIR COUNT [--broken PERCENT]

Each record is one of the example records (examples/records) under a new id (p-00001 ... in a file of the
same name), grown to its size by more conversations of made-up words. Sizes run from 5 KB to 200 KB,
most records small and a few large (the first file is 200 KB, the second 5 KB), about 27 KB on average and 11 KB the median.
Every record is valid unless --broken is given: then that share of them (one in 100/PERCENT) carries one
error each, in turn a misspelt word from a list, a month 13, a missing required field, a YAML syntax error
and a key written twice. OUT_DIR gets wellbeing.yaml (the examples' settings) and records/; an existing
OUT_DIR is replaced only when it holds a corpus (its .corpus file).
"""

import argparse
import math
import pathlib
import random
import shutil
import sys

SOURCE = pathlib.Path(__file__).resolve().parent.parent / "examples"
KB = 1024

WORDS = (
    "garden morning walk tea visit sister neighbour market bus library music radio kitchen letter "
    "photo church club friend park bench cards dinner lunch shopping bread weather winter spring "
    "summer autumn evening week plan choir bowls knitting painting reading bakery river dog cat "
    "birds window chair stairs step path door bike swim class course college work volunteer shop "
    "café football match quiz game puzzle recipe soup cake birthday holiday beach train"
).split()
APPROACHES = ("powerful_questions", "appreciative_enquiry", "observation", "consultation")
LEADERS = ("Sam (support worker)", "Jo (support worker)", "team leader", "Alex (key worker)")


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


def conversation(rng, number, date):
    quotes = "".join(f'      - "{sentence(rng, 5, 14)}"\n' for _ in range(rng.randint(1, 3)))
    return (
        f"  - id: c-{number}\n"
        f"    date: {date}\n"
        f"    led_by: {rng.choice(LEADERS)}\n"
        f"    approach: {rng.choice(APPROACHES)}\n"
        f"    summary: {sentence(rng, 12, 40)}\n"
        f"    quotes:\n{quotes}"
    )


def target_size(index, rng):
    if index == 0:
        return 200 * KB
    if index == 1:
        return 5 * KB
    return int(min(200 * KB, 5 * KB * math.exp(rng.expovariate(0.9))))


BREAKS = ("enum", "month", "required", "syntax", "duplicate")


def break_record(text, kind):
    """One error of `kind`, placed in the first conversation the corpus added."""
    marker = "\n  - id: c-1000\n"
    at = text.index(marker) + len(marker)
    head, tail = text[:at], text[at:]
    if kind == "enum":
        tail = tail.replace("    approach: ", "    approach: powerfull_", 1)
    elif kind == "month":
        line_end = tail.index("\n")
        tail = "    date: 2025-13-02" + tail[line_end:]
    elif kind == "required":
        start = tail.index("    led_by: ")
        tail = tail[:start] + tail[tail.index("\n", start) + 1 :]
    elif kind == "syntax":
        tail = tail.replace("    summary: ", '    summary: "never closed ', 1)
    elif kind == "duplicate":
        start = tail.index("    led_by: ")
        line = tail[start : tail.index("\n", start) + 1]
        tail = tail[:start] + line + line + tail[start + len(line) :]
    return head + tail


def record(index, bases, broken_every):
    rng = random.Random(index * 7919 + 13)
    base_name, base = bases[index % len(bases)]
    person = f"p-{index + 1:05d}"
    text = base.replace(f"  id: {base_name}\n", f"  id: {person}\n", 1)
    text = text.replace(f"# {base_name}", f"# {person}")
    anchor = "\nconversations:\n"
    at = text.index(anchor) + len(anchor)
    first_date = text[at:].split("date: ", 1)[1].split("\n", 1)[0]
    size = target_size(index, rng)
    added = []
    grown = len(text.encode())
    number = 1000
    while grown < size or number == 1000:
        item = conversation(rng, number, first_date)
        added.append(item)
        grown += len(item.encode())
        number += 1
    text = text[:at] + "".join(added) + text[at:]
    broken = broken_every > 0 and index % broken_every == broken_every // 2
    if broken:
        text = break_record(text, BREAKS[(index // broken_every) % len(BREAKS)])
    return person, text, broken


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--broken", type=float, default=0.0, help="percent of records with one error (default 0)")
    args = parser.parse_args()
    if args.count < 1:
        sys.exit("make_corpus.py: COUNT must be at least 1")
    broken_every = round(100 / args.broken) if args.broken > 0 else 0

    out = pathlib.Path(args.out)
    if out.exists():
        if not (out / ".corpus").exists():
            sys.exit(f"make_corpus.py: {out} exists and is not a corpus; not replacing it")
        shutil.rmtree(out)
    (out / "records").mkdir(parents=True)
    shutil.copyfile(SOURCE / "wellbeing.yaml", out / "wellbeing.yaml")
    bases = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SOURCE / "records").glob("p-*.yaml"))]

    total = 0
    broken = 0
    for index in range(args.count):
        person, text, was_broken = record(index, bases, broken_every)
        data = text.encode()
        (out / "records" / f"{person}.yaml").write_bytes(data)
        total += len(data)
        broken += was_broken
    (out / ".corpus").write_text(f"{args.count} records, {total} bytes, {broken} broken\n")
    print(f"{out}: {args.count} records, {total / 1e6:.1f} MB, {broken} broken")


if __name__ == "__main__":
    main()
