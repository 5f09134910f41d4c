#!/usr/bin/env python3
"""How long `summary DIR --period monthly` takes over the scripted provider repository (tests/data/period/
make_repo.py: nine people, 54 commits over 18 months), against the same summary at one date (`--at`, the
last day), in the same run. Prints the two times (best of --repeat runs, wall clock) and their ratio.

    benchmarks/period_bench.py --build build/ci [--repeat 5]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best(command, cwd, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - start)
    return min(times)


ENV = dict(os.environ, WELLBEING_NO_CACHE="1", TZ="UTC")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build", "ci"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    wellbeing = os.path.join(args.build, "cli", "wellbeing")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "data", "period", "make_repo.py"), work, wellbeing],
                       check=True)
        repo = os.path.join(work, "repo")
        span = ["--from", "2025-01-01", "--to", "2026-06-30"]
        period = best([wellbeing, "summary", "records", "--period", "monthly", *span], repo, args.repeat)
        at = best([wellbeing, "summary", "records", "--at", "2026-06-30", "--as-of", "2026-06-30"], repo, args.repeat)
        print(f"summary --period monthly (18 columns): {period * 1000:.1f} ms")
        print(f"summary --at 2026-06-30 (one date):     {at * 1000:.1f} ms")
        print(f"ratio: {period / at:.2f}")


if __name__ == "__main__":
    main()
