#!/usr/bin/env python3
"""sitegen against Hugo on the same bilingual corpus, side by side.

usage: bench/run_bench.py [--sizes 1000 10000] [--runs 5] [--delete-before-cold]

For each size N (pages per language): generates the corpus
(generate_corpus.py) and the same site for Hugo (make_hugo_site.py), then
builds both, alternating (sitegen, Hugo, sitegen, Hugo, ...) after one
warm-up each, --runs times, cold (fresh output folder) and warm (output
already there), measuring wall time, CPU time and peak memory with
/usr/bin/time -v. Prints medians, the median of the pairwise ratios
sitegen/Hugo, and a floor: the cmark command rendering the same Markdown
files in one batch. Numbers for people: nothing here is a test.
"""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITEGEN = os.path.join(REPO, ".build", "release", "sitegen")


def measure(command):
    """(wall seconds, cpu seconds, peak KB, system seconds) of one run."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    text = result.stderr
    wall = text.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, user + system, peak, system


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delete-before-cold", action="store_true",
                        help="delete the output right before each cold build instead of moving it aside")
    args = parser.parse_args()
    if not shutil.which("hugo"):
        sys.exit("hugo is missing: make bench installs it (apt-get install hugo)")
    subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"machine: {os.cpu_count()} cores; sitegen {subprocess.run([SITEGEN, '--version'], capture_output=True, text=True).stdout.strip()}; hugo {version}")

    for size in args.sizes:
        work = tempfile.mkdtemp(prefix=f"sitegen-bench-{size}-")
        corpus, hugo_site = os.path.join(work, "sitegen"), os.path.join(work, "hugo")
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "generate_corpus.py"), str(size), corpus], check=True)
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_hugo_site.py"), corpus, hugo_site], check=True)
        commands = {
            "sitegen": [SITEGEN, "build", "--quiet", "--source", corpus, "--output", os.path.join(work, "out-sitegen")],
            "hugo": ["hugo", "--quiet", "--source", hugo_site, "--destination", os.path.join(work, "out-hugo")],
        }
        outputs = {"sitegen": os.path.join(work, "out-sitegen"), "hugo": os.path.join(work, "out-hugo")}
        files = sorted(glob.glob(os.path.join(corpus, "content", "*", "**", "*.md"), recursive=True))
        floor = min(measure(["cmark", "--smart"] + files)[0] for _ in range(3))

        os.makedirs(os.path.join(work, "trash"))
        print(f"\nN = {size} pages per language ({2 * size} pages), {args.runs} runs each after a warm-up")
        print(f"  floor: cmark --smart on the same {len(files)} files in one batch: {floor:.2f} s")
        for mode in ("cold", "warm"):
            results = {"sitegen": [], "hugo": []}
            def clear(tool):
                # sitegen keeps the build before beside the output: a cold
                # build starts without either. They are moved aside, and
                # deleted after this size's runs: on ext4 without a journal
                # (as on the machines here) creating a file right after
                # thousands were deleted scans past every recently deleted
                # inode, and both tools would spend most of a cold build in
                # the kernel (--delete-before-cold shows it).
                trash = os.path.join(work, "trash", str(len(os.listdir(os.path.join(work, "trash")))))
                os.makedirs(trash)
                for folder in (outputs[tool], os.path.join(work, "." + os.path.basename(outputs[tool]) + ".sitegen-previous")):
                    if os.path.exists(folder):
                        if args.delete_before_cold:
                            shutil.rmtree(folder)
                        else:
                            os.rename(folder, os.path.join(trash, os.path.basename(folder)))

            for tool in ("sitegen", "hugo"):  # warm-up
                clear(tool)
                measure(commands[tool])
                if mode == "warm":
                    # A second build, so that sitegen also has the build
                    # before the current one, which it keeps to write less.
                    measure(commands[tool])
            for _ in range(args.runs):
                for tool in ("sitegen", "hugo"):
                    if mode == "cold":
                        clear(tool)
                    results[tool].append(measure(commands[tool]))
            print(f"  {mode} build (median of {args.runs}):")
            for tool in ("sitegen", "hugo"):
                walls, cpus, peaks, systems = zip(*results[tool])
                print(f"    {tool:8} wall {statistics.median(walls):6.2f} s   cpu {statistics.median(cpus):6.2f} s"
                      f" (system {statistics.median(systems):5.2f} s)   peak {statistics.median(peaks) / 1024:7.1f} MB")
            ratios = [s[0] / h[0] for s, h in zip(results["sitegen"], results["hugo"])]
            memory = statistics.median(s[2] for s in results["sitegen"]) / statistics.median(h[2] for h in results["hugo"])
            wall = statistics.median(s[0] for s in results["sitegen"])
            print(f"    sitegen/hugo: wall {statistics.median(ratios):.2f} (median of pairwise ratios), peak memory {memory:.2f}; sitegen/cmark floor {wall / floor:.1f}")
            shutil.rmtree(os.path.join(work, "trash"))
            os.makedirs(os.path.join(work, "trash"))
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
