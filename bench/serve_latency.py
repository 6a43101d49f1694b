#!/usr/bin/env python3
"""Save-to-reload latency of `sitegen serve`.

usage: bench/serve_latency.py [--pages N] [--saves 20]

Without --pages: the shipped site (a copy of sitegen.yml, content/ and
templates/). With --pages N: a generated site of N pages per language
(bench/generate_corpus.py). Starts `sitegen serve` (release build) on
127.0.0.1, waits on the live reload endpoint for one page, saves a change to
that page's Markdown and measures the time until the server signals the
reload. Prints the median and the worst of the saves, and a full
`sitegen build` of the same site for comparison. Never a timing assertion:
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

    builds = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([SITEGEN, "build", "--quiet", "--source", site, "--output", os.path.join(work, "out")], check=True)
        builds.append(time.perf_counter() - start)
    full_build = statistics.median(builds)

    server = subprocess.Popen([SITEGEN, "serve", "--source", site, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        base = line.split()[1].rstrip("/")
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
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

    median = statistics.median(latencies)
    print(f"{label}: {args.saves} saves of {page_file}")
    print(f"  save to reload signal: median {median * 1000:.0f} ms, worst {max(latencies) * 1000:.0f} ms")
    print(f"  full build (median of 3, process start included): {full_build * 1000:.0f} ms")
    print(f"  median save-to-reload / full build: {median / full_build * 100:.0f}%")


if __name__ == "__main__":
    main()
