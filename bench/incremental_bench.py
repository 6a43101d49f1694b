#!/usr/bin/env python3
"""Incremental `sitegen build` (issue 30): what a second build costs.

usage: bench/incremental_bench.py [--sizes 10000] [--runs 3] [--shape flat] [--no-search]

For each size N (pages per language, generate_corpus.py, shipped theme),
without and with search: true, --runs times: a first build (no output, no
build kept beside it, no cache), then a second build with nothing changed,
then one with one page's text changed (a sentence added to one page, a
different page each run). Measures each build's wall time, CPU time and
peak memory with /usr/bin/time -v and prints the medians and each second
build's share of the first build's wall time (targets: unchanged 10 %,
one page 15 %) and of its CPU time (user + system; the steadier measure
on a busy machine). Numbers for people: nothing here is a test.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_bench import SITEGEN, REPO, measure  # noqa: E402


def clear(output):
    """Removes the output, the build kept beside it and the cache."""
    parent, name = os.path.dirname(output), os.path.basename(output)
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(os.path.join(parent, "." + name + ".sitegen-previous"), ignore_errors=True)
    cache = os.path.join(parent, "." + name + ".sitegen-cache")
    if os.path.exists(cache):
        os.remove(cache)


def pages(site):
    found = []
    for folder, _, files in os.walk(os.path.join(site, "content")):
        found += [os.path.join(folder, name) for name in files if name.endswith(".md") and not name.startswith("_")]
    return sorted(found)


def bench(site, output, runs):
    """{kind: [(wall, cpu, peak KB, system)]} for first, unchanged, one page."""
    command = [SITEGEN, "build", "--quiet", "--source", site, "--output", output]
    results = {"first": [], "unchanged": [], "one page": []}
    files = pages(site)
    for run in range(runs):
        clear(output)
        results["first"].append(measure(command))
        results["unchanged"].append(measure(command))
        page = files[(run * 7919) % len(files)]
        with open(page, "a", encoding="utf-8") as file:
            file.write(f"\nA sentence added for run {run}.\n")
        results["one page"].append(measure(command))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", default="flat", choices=["sections", "flat", "deep"])
    parser.add_argument("--no-search", action="store_true", help="only without search: true")
    args = parser.parse_args()
    print(f"incremental builds: shape {args.shape}, shipped theme, {args.runs} runs each, medians")
    print(f"{'pages':>12} {'search':>6} {'build':>10} {'wall':>8} {'cpu':>8} {'peak':>8} {'wall/first':>11} {'cpu/first':>10}")
    with tempfile.TemporaryDirectory(prefix="sitegen-incremental-bench-") as work:
        for size in args.sizes:
            site = os.path.join(work, f"site-{size}")
            subprocess.run([sys.executable, os.path.join(REPO, "bench", "generate_corpus.py"), str(size), site,
                            "--shape", args.shape, "--theme", "shipped"], check=True)
            config = os.path.join(site, "sitegen.yml")
            plain = open(config, encoding="utf-8").read()
            for search in ([False] if args.no_search else [False, True]):
                with open(config, "w", encoding="utf-8") as file:
                    file.write(plain + ("search: true\n" if search else ""))
                results = bench(site, os.path.join(work, f"out-{size}"), args.runs)
                first = statistics.median(r[0] for r in results["first"])
                first_cpu = statistics.median(r[1] for r in results["first"])
                for kind, rows in results.items():
                    wall = statistics.median(r[0] for r in rows)
                    cpu = statistics.median(r[1] for r in rows)
                    peak = statistics.median(r[2] for r in rows) / 1024
                    share = "" if kind == "first" else f"{100 * wall / first:.0f} %"
                    cpu_share = "" if kind == "first" else f"{100 * cpu / first_cpu:.0f} %"
                    print(f"{'2 x ' + format(size, ','):>12} {'on' if search else 'off':>6} {kind:>10} "
                          f"{wall:>7.2f}s {cpu:>7.2f}s {peak:>6.0f}MB {share:>11} {cpu_share:>10}", flush=True)


if __name__ == "__main__":
    main()
