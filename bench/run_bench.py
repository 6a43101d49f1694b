#!/usr/bin/env python3
"""sitegen against Hugo on the same bilingual corpus, side by side.

usage: bench/run_bench.py [--sizes 1000 10000] [--runs 5] [--shapes sections flat deep deep7]
                          [--themes minimal shipped] [--modes cold warm] [--no-hugo] [--languages 2..6]
                          [--delete-before-cold] [--highlight | --code-heavy | --link-heavy]
       bench/run_bench.py --search [--sizes 1000 10000] [--runs 3]

For each size N (pages per language), shape (generate_corpus.py --shape:
sections of 100, one flat folder, a tree five folders deep, or seven) and theme (the
shipped one, or a minimal one that the Hugo layout matches page for page):
generates the corpus and the same site for Hugo (make_hugo_site.py), then
builds both, alternating (sitegen, Hugo, sitegen, Hugo, ...) after one
warm-up each, --runs times, cold (fresh output folder) and warm (output
already there), measuring wall time, CPU time and peak memory with
/usr/bin/time -v. Prints medians, the median of the pairwise ratios
sitegen/Hugo, a floor (the cmark command rendering the same Markdown files
in one batch), and at the end a table with the growth of each time from the
smallest size to the largest. --no-hugo measures sitegen alone (for sizes
Hugo cannot build in this machine's memory). --highlight gives the code
blocks languages and measures four builds: sitegen and Hugo highlighting
(Hugo's Chroma with CSS classes, as sitegen writes them), and both again on
the same corpus with highlighting off (markdown.highlight: false;
codeFences = false), printing each tool's with/without ratio, and what one
block costs (sitegen markdown on 10,000 one-line blocks, with and without
--highlight). --code-heavy does the same on the code-heavy corpus (five
blocks of 5 to 30 lines a page in eight languages). --link-heavy builds
issue 30's link-heavy pages (15 links each, flat, minimal theme, both tools
resolving and checking links, highlighting off). --languages 6 builds six
languages instead of two (one right to left; sitegen alone). After the runs
it prints the output's size a page and its largest page, so that what a page
carries as the site grows shows. --search
measures what search: true adds instead (bench/search_bench.py). Numbers
for people: nothing here is a test.
"""
import argparse
import datetime
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# SITEGEN_BENCH_BINARY: another build to measure (an older commit's, say), as it is.
SITEGEN = os.environ.get("SITEGEN_BENCH_BINARY") or os.path.join(REPO, ".build", "release", "sitegen")
BASELINE = os.path.join(REPO, "bench", "baseline.json")


def clean_flag():
    """["--clean"] when the binary has it (a build of an older commit, run
    through SITEGEN_BENCH_BINARY, may not: it has no cache to ignore)."""
    help_text = subprocess.run([SITEGEN, "build", "--help"], capture_output=True, text=True).stdout
    return ["--clean"] if "--clean" in help_text else []
# How much slower than the baseline a ratio to Hugo may be before the run
# says so: one run's noise on a quiet machine is a few per cent.
TOLERANCE = 1.15


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


def clear(work, output, delete):
    """Moves an output and the build sitegen keeps beside it out of the way
    (deleted after the size's runs): on ext4 without a journal (as on the
    machines here) creating a file right after thousands were deleted scans
    past every recently deleted inode, and both tools would spend most of a
    cold build in the kernel (--delete-before-cold shows it)."""
    trash = os.path.join(work, "trash", str(len(os.listdir(os.path.join(work, "trash")))))
    os.makedirs(trash)
    for folder in (output, os.path.join(work, "." + os.path.basename(output) + ".sitegen-previous")):
        if os.path.exists(folder):
            if delete:
                shutil.rmtree(folder)
            else:
                os.rename(folder, os.path.join(trash, os.path.basename(folder)))


def bench_mode(mode, tools, commands, outputs, work, args):
    """{tool: [(wall, cpu, peak, system)]} for one mode, runs alternating."""
    results = {tool: [] for tool in tools}
    for tool in tools:  # warm-up
        clear(work, outputs[tool], args.delete_before_cold)
        measure(commands[tool])
        if mode == "warm":
            # A second build, so that sitegen also has the build before the
            # current one, which it keeps to write less.
            measure(commands[tool])
    for _ in range(args.runs):
        for tool in tools:
            if mode == "cold":
                clear(work, outputs[tool], args.delete_before_cold)
            results[tool].append(measure(commands[tool]))
    return results


def bench_case(size, shape, theme, args, tools):
    """Prints and returns the rows of one corpus: a dict per mode."""
    work = tempfile.mkdtemp(prefix=f"sitegen-bench-{size}-")
    corpus, hugo_site = os.path.join(work, "sitegen"), os.path.join(work, "hugo")
    highlight = ["--highlight"] if args.highlight else []
    subprocess.run([sys.executable, os.path.join(REPO, "bench", "generate_corpus.py"), str(size), corpus,
                    "--shape", shape, "--theme", theme, "--languages", str(args.languages)] + (["--code-heavy"] if args.code_heavy else ["--link-heavy"] if args.link_heavy else highlight), check=True)
    outputs = {tool: os.path.join(work, "out-" + tool) for tool in tools}
    # --clean: every page rendered, as Hugo does (a warm build measures the
    # writer's reuse of the output; incremental_bench.py measures the cache).
    commands = {"sitegen": [SITEGEN, "build", "--quiet"] + clean_flag() + ["--source", corpus, "--output", outputs["sitegen"]]}
    if "hugo" in tools:
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_hugo_site.py"), corpus, hugo_site,
                        "--theme", theme] + highlight, check=True)
        commands["hugo"] = ["hugo", "--quiet", "--source", hugo_site, "--destination", outputs["hugo"]]
    if args.highlight:
        # The same corpus with highlighting off, for what highlighting adds.
        plain, hugo_plain = corpus + "-plain", hugo_site + "-plain"
        shutil.copytree(corpus, plain, symlinks=True)
        with open(os.path.join(plain, "sitegen.yml"), "a", encoding="utf-8") as file:
            file.write("markdown:\n  highlight: false\n")
        commands["sitegen-plain"] = [SITEGEN, "build", "--quiet"] + clean_flag() + ["--source", plain, "--output", outputs["sitegen-plain"]]
        if "hugo" in tools:
            subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_hugo_site.py"), corpus, hugo_plain,
                            "--theme", theme], check=True)
            commands["hugo-plain"] = ["hugo", "--quiet", "--source", hugo_plain, "--destination", outputs["hugo-plain"]]
    files = sorted(glob.glob(os.path.join(corpus, "content", "*", "**", "*.md"), recursive=True))
    # One batch: all files in one input (a command line cannot hold 200,000 names).
    batch = os.path.join(work, "all-pages.md")
    with open(batch, "wb") as out:
        for name in files:
            with open(name, "rb") as page:
                out.write(page.read() + b"\n")
    floor = min(measure(["cmark", "--smart", batch])[0] for _ in range(3))
    os.makedirs(os.path.join(work, "trash"))
    print(f"\nN = {size} pages per language ({args.languages * size} pages), shape {shape}, theme {theme}, {args.runs} runs each after a warm-up")
    print(f"  floor: cmark --smart on the same {len(files)} files in one batch: {floor:.2f} s")
    rows = []
    for mode in args.modes:
        load = os.getloadavg()[0]
        results = bench_mode(mode, tools, commands, outputs, work, args)
        print(f"  {mode} build (median of {args.runs}):")
        # The machine's load (1-minute average, before and after): above
        # one per core, other work took turns with the builds.
        row = {"size": size, "shape": shape, "theme": theme, "mode": mode, "floor": floor, "languages": args.languages,
               "load": max(load, os.getloadavg()[0])}
        for tool in tools:
            walls, cpus, peaks, systems = zip(*results[tool])
            row[tool] = (statistics.median(walls), statistics.median(peaks) / 1024)
            print(f"    {tool:8} wall {statistics.median(walls):6.2f} s   cpu {statistics.median(cpus):6.2f} s"
                  f" (system {statistics.median(systems):5.2f} s)   peak {statistics.median(peaks) / 1024:7.1f} MB")
        if "hugo" in tools:
            row["ratio"] = statistics.median(s[0] / h[0] for s, h in zip(results["sitegen"], results["hugo"]))
            row["cpu_ratio"] = statistics.median(s[1] / h[1] for s, h in zip(results["sitegen"], results["hugo"]))
            row["memory"] = row["sitegen"][1] / row["hugo"][1]
            print(f"    sitegen/hugo: wall {row['ratio']:.2f}, CPU {row['cpu_ratio']:.2f} (medians of pairwise ratios),"
                  f" peak memory {row['memory']:.2f}; sitegen/cmark floor {row['sitegen'][0] / floor:.1f}")
        else:
            print(f"    sitegen/cmark floor {row['sitegen'][0] / floor:.1f}")
        for tool in ("sitegen", "hugo"):
            if tool + "-plain" in tools:
                added = statistics.median(h[0] / p[0] for h, p in zip(results[tool], results[tool + "-plain"]))
                cpu = statistics.median(h[1] / p[1] for h, p in zip(results[tool], results[tool + "-plain"]))
                print(f"    {tool} with/without highlighting: wall {added:.2f}, CPU {cpu:.2f} (medians of pairwise ratios)")
        row["output"] = output_size(outputs["sitegen"])
        print("    sitegen output: {pages:,} HTML files, {average:.1f} KB a page, largest {largest:.1f} KB ({name})".format(**row["output"]))
        rows.append(row)
        shutil.rmtree(os.path.join(work, "trash"))
        os.makedirs(os.path.join(work, "trash"))
    shutil.rmtree(work, ignore_errors=True)
    return rows


def output_size(output):
    """The HTML files of an output: how many, their average size and the
    largest (KB): a page that carries something growing with the site (a
    list of every page in its folder, say) shows here before it shows in the
    time."""
    sizes = {name: os.path.getsize(name) for name in glob.glob(os.path.join(output, "**", "*.html"), recursive=True)}
    largest = max(sizes, key=sizes.get)
    return {"pages": len(sizes), "average": sum(sizes.values()) / len(sizes) / 1024,
            "largest": sizes[largest] / 1024, "name": os.path.relpath(largest, output)}


def per_block_cost(runs):
    """Prints what highlighting one block costs: `sitegen markdown` (one
    thread) on 10,000 one-line blocks of a language, with --highlight and
    without, the difference per block (best of `runs`; the one preparation of
    the language's definition, a few ms, is in it)."""
    work = tempfile.mkdtemp(prefix="sitegen-bench-blocks-")
    print("\nWhat one block costs: sitegen markdown on 10,000 one-line blocks, best of", runs)
    samples = {"bash": "echo \"page $n\" # one", "python": "print(weight(\"index.md\"))  # one",
               "yaml": "title: \"Docs\"  # one", "json": "{\"page\": 1, \"draft\": false}",
               "go": "fmt.Println(\"page\", 1) // one", "java": "return page.length() * 3; // one"}
    for language, line in samples.items():
        path = os.path.join(work, language + ".md")
        with open(path, "w", encoding="utf-8") as file:
            file.write("".join(f"```{language}\n{line}\n```\n\n" for _ in range(10000)))
        on = min(measure([SITEGEN, "markdown", "--highlight", path])[1] for _ in range(runs))
        off = min(measure([SITEGEN, "markdown", path])[1] for _ in range(runs))
        print(f"  {language:7} {(on - off) / 10000 * 1e6:6.1f} µs a block (CPU {on:.2f} s highlighted, {off:.2f} s plain)")
    shutil.rmtree(work, ignore_errors=True)


def print_table(rows, tools):
    """The README's table: one line per shape, theme, mode and size, with
    the growth from the smallest size measured."""
    print("\n| Shape | Theme | Build | Pages | sitegen | Peak | " + ("Hugo | Peak | Wall ratio | Memory ratio | " if "hugo" in tools else "")
          + "× cmark floor | Growth | KB a page (largest) |")
    print("|---|---|---|---|---|---|" + ("---|---|---|---|" if "hugo" in tools else "") + "---|---|---|")
    smallest = {}
    for row in rows:
        key = (row["shape"], row["theme"], row["mode"])
        smallest.setdefault(key, row)
        first = smallest[key]
        growth = "" if first is row else f"{row['sitegen'][0] / first['sitegen'][0]:.1f}× for {row['size'] // first['size']}× pages"
        line = f"| {row['shape']} | {row['theme']} | {row['mode']} | {row['languages']} × {row['size']:,} | {row['sitegen'][0]:.2f} s | {row['sitegen'][1]:.0f} MB |"
        if "hugo" in tools:
            line += f" {row['hugo'][0]:.2f} s | {row['hugo'][1]:.0f} MB | {row['ratio']:.2f} | {row['memory']:.2f} |"
        output = row["output"]
        print(line + f" {row['sitegen'][0] / row['floor']:.1f} | {growth} | {output['average']:.1f} ({output['largest']:.0f}) |")


def baseline_key(row, corpus):
    languages = "" if row["languages"] == 2 else f" {row['languages']} languages"
    return f"{corpus} {row['shape']} {row['theme']} {row['mode']} {row['size']}{languages}"


def compare_with_baseline(rows, corpus):
    """Compares each ratio to Hugo with bench/baseline.json (the last
    committed figures) and says loudly which are more than TOLERANCE
    slower. Ratios, not times: Hugo runs alternating with sitegen on the
    same machine, so a busy machine slows both (roughly; on a very busy
    one the CPU ratio is the steadier). False when one is slower."""
    if not os.path.exists(BASELINE):
        return True
    with open(BASELINE, encoding="utf-8") as file:
        baseline = json.load(file)["ratios"]
    slower = []
    print(f"\nAgainst {os.path.relpath(BASELINE, REPO)} (sitegen/Hugo, lower is better; more than {TOLERANCE:.2f}× the baseline is a regression):")
    for row in rows:
        known = baseline.get(baseline_key(row, corpus))
        if known is None or "ratio" not in row:
            continue
        # On a busy machine a short build loses more of its wall time to
        # waiting than a long one: the wall ratio is shown, not judged.
        busy = row["load"] > os.cpu_count()
        if busy:
            print(f"  {baseline_key(row, corpus):40} load average {row['load']:.1f} on {os.cpu_count()} cores: busy, wall ratio not judged")
        for name, value in (("wall", row["ratio"]), ("cpu", row.get("cpu_ratio"))):
            if value is None or known.get(name) is None:
                continue
            change = value / known[name]
            verdict = "SLOWER" if change > TOLERANCE else "ok"
            if busy and name == "wall":
                verdict = "(busy)"
            print(f"  {baseline_key(row, corpus):40} {name:4} {value:.2f} against {known[name]:.2f} ({change:.2f}×) {verdict}")
            if change > TOLERANCE and verdict != "(busy)":
                slower.append(f"{baseline_key(row, corpus)} {name}: {value:.2f} against {known[name]:.2f}")
    if slower:
        print("\n" + "!" * 72)
        print(f"!!! REGRESSION: {len(slower)} ratio(s) to Hugo more than {round((TOLERANCE - 1) * 100)} % above the baseline:")
        for line in slower:
            print(f"!!!   {line}")
        print("!!! Profile the shape (perf record on a warm and a cold build) before merging;")
        print("!!! on a busy machine, run it again when it is quiet before believing it.")
        print("!" * 72)
    return not slower


def save_baseline(rows, corpus):
    """Writes the rows' ratios into bench/baseline.json (keeping other keys)."""
    data = {"note": "", "ratios": {}}
    if os.path.exists(BASELINE):
        with open(BASELINE, encoding="utf-8") as file:
            data = json.load(file)
    for row in rows:
        if "ratio" in row:
            data["ratios"][baseline_key(row, corpus)] = {
                "wall": round(row["ratio"], 3), "cpu": round(row["cpu_ratio"], 3),
                "measured": datetime.date.today().isoformat()}
    with open(BASELINE, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, sort_keys=True)
        file.write("\n")
    print(f"\nwrote {len(rows)} ratios to {os.path.relpath(BASELINE, REPO)}: commit them with the numbers in BENCHMARKS.md")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shapes", nargs="+", choices=["sections", "flat", "deep", "deep7"], default=["sections", "flat", "deep"])
    parser.add_argument("--languages", type=int, choices=range(2, 7), default=2,
                        help="languages in the corpus (6: nl, en, de, fr, ar right to left, ja; sitegen alone)")
    parser.add_argument("--themes", nargs="+", choices=["minimal", "shipped"], default=["minimal", "shipped"])
    parser.add_argument("--modes", nargs="+", choices=["cold", "warm"], default=["cold", "warm"])
    parser.add_argument("--no-hugo", action="store_true", help="measure sitegen alone")
    parser.add_argument("--highlight", action="store_true",
                        help="code blocks with languages; both tools highlighting, and both again without")
    parser.add_argument("--code-heavy", action="store_true",
                        help="as --highlight, on five blocks of 5 to 30 lines a page in eight languages")
    parser.add_argument("--link-heavy", action="store_true",
                        help="issue 30's link-heavy pages (use with --shapes flat --themes minimal)")
    parser.add_argument("--delete-before-cold", action="store_true",
                        help="delete the output right before each cold build instead of moving it aside")
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when a ratio to Hugo is more than 15 %% above bench/baseline.json")
    parser.add_argument("--save-baseline", action="store_true",
                        help="write this run's ratios to Hugo into bench/baseline.json")
    parser.add_argument("--search", action="store_true",
                        help="what search: true adds: build time, index size, bytes of one query (search_bench.py)")
    args = parser.parse_args()
    if args.search:
        subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import search_bench
        search_bench.run(SITEGEN, args.sizes, args.runs)
        return
    if args.languages > 2 and not args.no_hugo:
        sys.exit("--languages above 2: make_hugo_site.py writes two languages; add --no-hugo")
    tools = ["sitegen"] if args.no_hugo else ["sitegen", "hugo"]
    args.highlight = args.highlight or args.code_heavy
    if args.highlight:
        tools += [tool + "-plain" for tool in tools]
    if "hugo" in tools and not shutil.which("hugo"):
        sys.exit("hugo is missing: make bench installs it (apt-get install hugo)")
    if not os.environ.get("SITEGEN_BENCH_BINARY"):
        subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1] if "hugo" in tools else "not run"
    print(f"machine: {os.cpu_count()} cores; sitegen {subprocess.run([SITEGEN, '--version'], capture_output=True, text=True).stdout.strip()}; hugo {version}")
    rows = []
    for shape in args.shapes:
        for theme in args.themes:
            for size in sorted(args.sizes):
                rows += bench_case(size, shape, theme, args, tools)
    rows.sort(key=lambda row: (row["shape"], row["theme"], row["mode"], row["size"]))
    print_table(rows, tools)
    if args.highlight:
        per_block_cost(args.runs)
    corpus = "code-heavy" if args.code_heavy else "highlight" if args.highlight else "link-heavy" if args.link_heavy else "plain"
    if args.save_baseline:
        save_baseline(rows, corpus)
    elif not compare_with_baseline(rows, corpus) and args.check:
        sys.exit(1)


if __name__ == "__main__":
    main()
