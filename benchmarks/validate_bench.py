#!/usr/bin/env python3
"""The speed of `wellbeing validate` on folders of records, against its floor and a peer, in one run.

Usage: validate_bench.py [--build DIR] [--sizes 50,500] [--jobs N] [--rounds R] [--no-peer]

For each size it makes a corpus (make_corpus.py, in BUILD/benchmarks/corpus-SIZE) and times, on the same
files: a bare yaml-cpp event parse (wellbeing_event_parse, the floor); validate against the schema only
(--schema) and with the rules, at -j 1 and -j N, cold (--no-cache) and warm (once the cache is filled); and
the peer, ajv 8 + ajv-formats over js-yaml 4's core schema, installed with npm into BUILD/benchmarks/peer
(skipped, saying why, where npm or the network is missing). Before timing the peer it checks that the
peer and validate --schema give the same verdict on every file, on the corpus and on a variant with 5%
broken records. Each figure is the median of R runs: wall time, MB/s, files/s, peak memory (the
process's maximum resident set, from /usr/bin/time or else wait4) and CPU time (user + system, which a
busy machine disturbs less than wall time); then the ratios of both. Last, one 10 KB record, process start
included, against `wellbeing --version`.
"""

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = ROOT / "schemas" / "wellbeing-record.schema.json"
AS_OF = "2026-12-01"  # the corpus's dates are checked against a fixed day, so every run finds the same
PEER_PACKAGES = ["ajv@8", "ajv-formats@3", "js-yaml@4"]


class Run:
    def __init__(self, seconds, peak_kb, stdout, code, cpu):
        self.seconds, self.peak_kb, self.stdout, self.code, self.cpu = seconds, peak_kb, stdout, code, cpu


TIME = shutil.which("time", path="/usr/bin:/bin")


def run(command, cwd=None, peak=True):
    """Runs `command`, returning its wall time, peak memory (KB) and output (peak=False: without the
    /usr/bin/time wrapper, whose own start would count in a run of a few milliseconds)."""
    # The peak is measured by /usr/bin/time where it is installed: a child forked from this Python would
    # start its high-water mark at Python's own size.
    peak_file = None
    if TIME and peak:
        peak_file = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / f"validate_bench.{os.getpid()}.peak"
        command = [TIME, "-f", "%M", "-o", str(peak_file), *command]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd)
    # Read before waiting, so a large output cannot block the child.
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    peak = usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime  # the child's (time's own is next to nothing)
    if peak_file:
        try:
            peak = int(peak_file.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
        peak_file.unlink(missing_ok=True)
    return Run(seconds, peak, out.decode(errors="replace"), code, cpu)


def median_run(command, rounds, before=None, cwd=None, peak=True):
    runs = []
    for _ in range(rounds):
        if before:
            before()
        runs.append(run(command, cwd, peak))
    runs.sort(key=lambda r: r.seconds)
    middle = runs[len(runs) // 2]
    middle.peak_kb = max(r.peak_kb for r in runs)
    return middle


def make_corpus(folder, count, broken=0):
    marker = folder / ".corpus"
    if marker.exists():
        return
    command = [sys.executable, str(HERE / "make_corpus.py"), str(folder), str(count)]
    if broken:
        command += ["--broken", str(broken)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def corpus_bytes(folder):
    return sum(p.stat().st_size for p in (folder / "records").glob("*.yaml"))


def install_peer(build):
    """The peer's folder, or None with the reason printed."""
    peer = build / "benchmarks" / "peer"
    if not (peer / "node_modules" / "ajv").exists():
        if not shutil.which("npm") or not shutil.which("node"):
            print("peer: skipped (npm or node is not installed)")
            return None
        peer.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run(
            ["npm", "install", "--prefix", str(peer), "--no-audit", "--no-fund", "--silent", *PEER_PACKAGES],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
        if installed.returncode != 0:
            print(f"peer: skipped (npm install failed: {installed.stderr.decode(errors='replace').strip()[:200]})")
            return None
    shutil.copyfile(HERE / "peer" / "check.js", peer / "check.js")
    return peer


def wellbeing_verdicts(binary, folder):
    import json
    out = run([str(binary), "validate", "--format", "json", "--schema", str(SCHEMA), *cache_off(binary),
               str(folder / "records")])
    return {str(pathlib.Path(f["path"]).resolve()): f["valid"] for f in json.loads(out.stdout)["files"]}


def peer_verdicts(peer, folder):
    out = run(["node", str(peer / "check.js"), str(SCHEMA), str(folder / "records"), "--verdicts"])
    verdicts = {}
    for line in out.stdout.splitlines():
        word, _, path = line.partition(" ")
        if word in ("valid", "invalid"):
            verdicts[str(pathlib.Path(path).resolve())] = word == "valid"
    return verdicts


def same_verdicts(binary, peer, folder):
    ours, theirs = wellbeing_verdicts(binary, folder), peer_verdicts(peer, folder)
    differ = sorted(p for p in set(ours) | set(theirs) if ours.get(p) != theirs.get(p))
    invalid = sum(1 for v in ours.values() if not v)
    if differ:
        print(f"peer: verdicts differ on {len(differ)} of {len(ours)} files in {folder}, e.g. {differ[0]}")
        return False
    print(f"peer: same verdict on all {len(ours)} files of {folder.name} ({invalid} invalid)")
    return True


_cache_flags = {}


def cache_off(binary):
    """--no-cache where this build of validate has a cache."""
    if binary not in _cache_flags:
        help_text = subprocess.run([str(binary), "validate", "--help"], capture_output=True, text=True).stdout
        _cache_flags[binary] = ["--no-cache"] if "--no-cache" in help_text else []
    return _cache_flags[binary]


def drop_cache(folder):
    def drop():
        shutil.rmtree(folder / ".wellbeing" / "cache", ignore_errors=True)
    return drop


def row(name, result, count, size, reference=None):
    mb = size / 1e6
    ratio = f"{result.seconds / reference.seconds:6.2f}" if reference else "      "
    print(f"  {name:<38} {result.seconds:8.3f} s {mb / result.seconds:8.1f} MB/s {count / result.seconds:9.0f} files/s"
          f" {result.peak_kb / 1024:8.1f} MB {result.cpu:8.2f} s  {ratio}")


def bench_size(binary, floor, peer, build, count, jobs, rounds):
    folder = build / "benchmarks" / f"corpus-{count}"
    make_corpus(folder, count)
    size = corpus_bytes(folder)
    records = str(folder / "records")
    peer_ok = peer is not None and same_verdicts(binary, peer, folder)
    print(f"\n{count} records, {size / 1e6:.1f} MB, median of {rounds}; last column: time against the floor")
    print(f"  {'run':<38} {'wall':>10} {'':>13} {'':>15} {'peak':>11} {'cpu':>10}  ratio")
    results = {}
    results["floor"] = median_run([str(floor), records], rounds)
    row("yaml-cpp event parse (floor)", results["floor"], count, size)
    floor_run = results["floor"]
    off = cache_off(binary)
    base = [str(binary), "validate", "--as-of", AS_OF]
    for name, extra in (("schema", ["--schema", str(SCHEMA)]), ("rules", [])):
        for j in (1, jobs):
            key = f"{name} -j {j}"
            results[key] = median_run([*base, *extra, "-j", str(j), *off, records], rounds)
            label = "schema only" if name == "schema" else "schema + rules"
            row(f"validate {label}, -j {j}, cold", results[key], count, size, floor_run)
    if off:
        warm = [*base, "-j", str(jobs), records]
        drop_cache(folder)()
        run(warm)  # fills the cache
        results["warm"] = median_run(warm, rounds)
        row(f"validate schema + rules, -j {jobs}, warm", results["warm"], count, size, floor_run)
    else:
        print("  validate, warm: not measured (this build has no results cache)")
    if peer_ok:
        results["peer"] = median_run(["node", str(peer / "check.js"), str(SCHEMA), records], rounds)
        row("ajv 8 + ajv-formats, js-yaml core", results["peer"], count, size, floor_run)

    def ratio(a, b, what):
        if a in results and b in results:
            print(f"  {what:<58} {results[a].seconds / results[b].seconds:6.2f} {results[a].cpu / results[b].cpu:6.2f}")
    print(f"  {'ratios':<58} {'wall':>6} {'cpu':>6}")
    ratio("schema -j 1", "floor", "validate schema only -j 1 / floor")
    ratio("rules -j 1", "schema -j 1", "schema + rules / schema only, -j 1")
    ratio(f"schema -j {jobs}", "schema -j 1", f"schema only -j {jobs} / -j 1")
    ratio(f"rules -j {jobs}", "rules -j 1", f"schema + rules -j {jobs} / -j 1")
    ratio("warm", f"rules -j {jobs}", f"warm / cold, schema + rules -j {jobs}")
    ratio("schema -j 1", "peer", "validate schema only -j 1 / peer")
    ratio(f"schema -j {jobs}", "peer", f"validate schema only -j {jobs} / peer")
    return results


def one_file(binary, build, rounds):
    folder = build / "benchmarks" / "corpus-50"
    make_corpus(folder, 50)
    files = sorted((folder / "records").glob("*.yaml"), key=lambda p: abs(p.stat().st_size - 10 * 1024))
    record = files[0]
    command = [str(binary), "validate", "--as-of", AS_OF, *cache_off(binary), str(record)]
    one = median_run(command, rounds, peak=False)
    version = median_run([str(binary), "--version"], rounds, peak=False)
    one.peak_kb = run(command).peak_kb
    version.peak_kb = run([str(binary), "--version"]).peak_kb
    print(f"\none record of {record.stat().st_size / 1024:.1f} KB, process start included, median of {rounds}"
          " (wall time from Python's fork to the exit, CPU time of the process)")
    print(f"  validate FILE, cold   {one.seconds * 1000:7.1f} ms wall {one.cpu * 1000:7.1f} ms cpu"
          f"  {one.peak_kb / 1024:6.1f} MB")
    print(f"  wellbeing --version   {version.seconds * 1000:7.1f} ms wall {version.cpu * 1000:7.1f} ms cpu"
          f"  {version.peak_kb / 1024:6.1f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build" / "ci"), help="the CMake build folder")
    parser.add_argument("--sizes", default="50,500", help="corpus sizes, comma-separated (50, 500, 5000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N for -j N (default: cores)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-peer", action="store_true", help="leave out ajv")
    args = parser.parse_args()

    build = pathlib.Path(args.build).resolve()
    binary = build / "cli" / "wellbeing"
    floor = build / "benchmarks" / "wellbeing_event_parse"
    for needed in (binary, floor):
        if not needed.exists():
            sys.exit(f"validate_bench.py: {needed} is missing; build first (cmake --build --preset ci)")
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"machine: {os.cpu_count()} cores, {cpu}; -j N is -j {args.jobs}")

    peer = None if args.no_peer else install_peer(build)
    if peer:
        broken = build / "benchmarks" / "corpus-500-broken"
        make_corpus(broken, 500, broken=5)
        if not same_verdicts(binary, peer, broken):
            peer = None
    for count in (int(s) for s in args.sizes.split(",") if s):
        bench_size(binary, floor, peer, build, count, args.jobs, args.rounds)
    one_file(binary, build, max(args.rounds, 11))


if __name__ == "__main__":
    main()
