#!/usr/bin/env python3
"""Save-to-reload latency of `sitegen serve`.

usage: bench/serve_latency.py [--pages N] [--saves 20] [--search]

Without --pages: the shipped site (a copy of sitegen.yml, content/ and
templates/). With --pages N: a generated site of N pages per language
(bench/generate_corpus.py). Starts `sitegen serve` (release build) on
127.0.0.1, waits on the live reload endpoint for one page, saves a change to
that page's Markdown and measures the time until the server signals the
reload. Prints the median and the worst of the saves, and a full
`sitegen build` of the same site for comparison. --search turns search on
and also measures the search index the preview makes again after each save
(waiting for it before the next save): the time the server reports for it,
and the time from the save until it is served. Never a timing assertion:
numbers for people.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITEGEN = os.path.join(REPO, ".build", "release", "sitegen")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get_json(url):
    with OPENER.open(url, timeout=60) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--search", action="store_true", help="search: true, and time the preview's search index")
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)

    work = tempfile.mkdtemp(prefix="sitegen-serve-bench-")
    site = os.path.join(work, "site")
    if args.pages:
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "generate_corpus.py"), str(args.pages), site], check=True)
        page_file, page_url = "content/nl/s00/page-00001.md", "/nl/s00/page-00001/"
        label = f"generated site, 2 x {args.pages} pages"
    else:
        os.makedirs(site)
        shutil.copy(os.path.join(REPO, "sitegen.yml"), site)
        for folder in ("content", "templates"):
            shutil.copytree(os.path.join(REPO, folder), os.path.join(site, folder))
        page_file, page_url = "content/nl/handleiding-a.md", "/nl/handleiding-a/"
        label = "shipped site"

    if args.search:
        config = os.path.join(site, "sitegen.yml")
        text = open(config, encoding="utf-8").read()
        if "\nsearch: true" not in text:
            with open(config, "a", encoding="utf-8") as file:
                file.write("search: true\n")
        label += ", search: true"

    builds = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([SITEGEN, "build", "--quiet", "--source", site, "--output", os.path.join(work, "out")], check=True)
        builds.append(time.perf_counter() - start)
    full_build = statistics.median(builds)

    server = subprocess.Popen([SITEGEN, "serve", "--source", site, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE if args.search else subprocess.DEVNULL, text=True)
    indexed = IndexLines(server.stderr) if args.search else None
    index_times = []
    try:
        line = server.stdout.readline()
        base = line.split()[1].rstrip("/")
        version = get_json(f"{base}/__sitegen/wait?page={page_url}")["version"]
        if indexed:
            indexed.next(timeout=600)  # the first index, made after the first build
            # Publishing an index is a new version (that reloads no page).
            version = get_json(f"{base}/__sitegen/wait?page={page_url}")["version"]
        latencies = []
        path = os.path.join(site, page_file)
        for save in range(args.saves):
            result = {}
            waiter = threading.Thread(target=lambda: result.update(get_json(f"{base}/__sitegen/wait?since={version}&page={page_url}")))
            waiter.start()
            time.sleep(0.3)  # the request is waiting
            with open(path, "a", encoding="utf-8") as file:
                start = time.perf_counter()
                file.write(f"\nEdit number {save + 1}.\n")
            waiter.join()
            latencies.append(time.perf_counter() - start)
            if not result.get("reload"):
                print(f"save {save + 1}: the server did not ask the page to reload: {result}", file=sys.stderr)
            version = result["version"]
            if indexed:
                reported = indexed.next(timeout=600)
                index_times.append((reported, time.perf_counter() - start))
                version = get_json(f"{base}/__sitegen/wait?page={page_url}")["version"]
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

    median = statistics.median(latencies)
    print(f"{label}: {args.saves} saves of {page_file}")
    print(f"  save to reload signal: median {median * 1000:.0f} ms, worst {max(latencies) * 1000:.0f} ms")
    print(f"  full build (median of 3, process start included): {full_build * 1000:.0f} ms")
    print(f"  median save-to-reload / full build: {median / full_build * 100:.0f}%")
    if index_times:
        print(f"  search index made again after a save: median {statistics.median(r for r, _ in index_times):.0f} ms "
              f"(worst {max(r for r, _ in index_times):.0f} ms) as the server reports it; from the save until it is served "
              f"(300 ms pause for more saves included): median {statistics.median(s for _, s in index_times) * 1000:.0f} ms")


class IndexLines:
    """The milliseconds of each "search: indexed in N ms" line `serve` prints."""

    def __init__(self, stream):
        self.lines = []
        self.ready = threading.Condition()
        self.taken = 0
        threading.Thread(target=self.read, args=(stream,), daemon=True).start()

    def read(self, stream):
        for line in stream:
            if line.startswith("search: indexed in "):
                with self.ready:
                    self.lines.append(int(line.split()[3]))
                    self.ready.notify_all()

    def next(self, timeout):
        with self.ready:
            if not self.ready.wait_for(lambda: len(self.lines) > self.taken, timeout=timeout):
                sys.exit("the preview made no search index in time")
            self.taken += 1
            return self.lines[self.taken - 1]


if __name__ == "__main__":
    main()
