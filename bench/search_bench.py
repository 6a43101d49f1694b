"""`make bench BENCH_ARGS=--search`: what search (search: true) costs.

For each size N (pages per language, generate_corpus.py, shipped theme,
sections): builds the site --runs times without and with search (cold: a
fresh output each time) and reports the median wall time of both, the time
Pagefind took inside the build (the build's own "search:" step), the size of
the index (pagefind/) against the HTML, and for the largest size the bytes a
browser fetches for one query: the search page is served by a local server
that counts the bytes of each response, and headless Chromium (selenium)
opens it with ?q= and waits for the results. Numbers for people: nothing
here is a test.
"""
import functools
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A word on every page of the generated corpus (its words are few) and a
# rare one (a page number: in one title and a few links).
QUERIES = ["bestelling", "4321"]


def folder_bytes(root, predicate):
    total = 0
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if predicate(os.path.relpath(path, root)):
                total += os.path.getsize(path)
    return total


def build(sitegen, site, output):
    """(wall seconds, Pagefind's milliseconds or None) of one cold build."""
    shutil.rmtree(output, ignore_errors=True)
    previous = os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".sitegen-previous")
    shutil.rmtree(previous, ignore_errors=True)
    start = time.monotonic()
    result = subprocess.run([sitegen, "build", "--source", site, "--output", output, "--verbose"],
                            capture_output=True, text=True)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"sitegen build failed:\n{result.stderr[-2000:]}")
    found = re.search(r"search: Pagefind indexed .* in (\d+) ms", result.stderr)
    return wall, int(found.group(1)) if found else None


class CountingHandler(SimpleHTTPRequestHandler):
    counts = []

    def copyfile(self, source, destination):
        data = source.read()
        destination.write(data)
        # What a server that compresses (Caddy's encode gzip, say) would send.
        self.counts.append((self.path, len(data), len(gzip.compress(data, 6))))

    def log_message(self, format, *args):
        pass


def bytes_for_one_query(output, language, query):
    """For one query in a new Chromium: the requests for the search page and
    its theme files, and for Pagefind's files, as (path, bytes, gzip bytes);
    and the result count the page shows."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    counts = []
    handler = type("Handler", (CountingHandler,), {"counts": counts})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=output))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-proxy-server",
                     "--disable-background-networking", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/{language}/search/?q={query}")
        status = driver.find_element(By.ID, "search-status")
        WebDriverWait(driver, 60).until(lambda d: driver.find_elements(By.CSS_SELECTOR, "#search-results a"))
        results = status.text
    finally:
        driver.quit()
        server.shutdown()
    pagefind = [entry for entry in counts if "/pagefind/" in entry[0]]
    page = [entry for entry in counts if "/pagefind/" not in entry[0]]
    return page, pagefind, results


def kilobytes(entries, column):
    return sum(entry[column] for entry in entries) / 1024


def run(sitegen, sizes, runs):
    print(f"search: {runs} cold builds each, without and with search: true (median wall time)")
    print(f"{'pages':>12} {'no search':>10} {'search':>10} {'added':>8} {'pagefind':>9} {'HTML':>9} {'index':>9} {'index/HTML':>10}")
    with tempfile.TemporaryDirectory(prefix="sitegen-search-bench-") as work:
        for size in sorted(sizes):
            site = os.path.join(work, f"site-{size}")
            subprocess.run([sys.executable, os.path.join(REPO, "bench", "generate_corpus.py"), str(size), site,
                            "--theme", "shipped"], check=True)
            config = os.path.join(site, "sitegen.yml")
            plain = open(config, encoding="utf-8").read()
            timings = {}
            for search in (False, True):
                with open(config, "w", encoding="utf-8") as file:
                    file.write(plain + ("search: true\n" if search else ""))
                timings[search] = [build(sitegen, site, os.path.join(work, f"out-{size}")) for _ in range(runs)]
            output = os.path.join(work, f"out-{size}")
            without = statistics.median(wall for wall, _ in timings[False])
            with_search = statistics.median(wall for wall, _ in timings[True])
            pagefind_ms = statistics.median(ms for _, ms in timings[True])
            html = folder_bytes(output, lambda p: p.endswith(".html"))
            index = folder_bytes(os.path.join(output, "pagefind"), lambda p: True)
            print(f"{'2 x ' + format(size, ','):>12} {without:>9.2f}s {with_search:>9.2f}s {with_search - without:>7.2f}s "
                  f"{pagefind_ms / 1000:>8.2f}s {html / 1e6:>8.1f}M {index / 1e6:>8.1f}M {index / html:>10.2f}")
            if size == max(sizes):
                for query in QUERIES:
                    page, requests, results = bytes_for_one_query(output, "nl", query)
                    print(f"one query ('{query}', {results}) on 2 x {size:,}: Pagefind files {kilobytes(requests, 1):.0f} KB "
                          f"({kilobytes(requests, 2):.0f} KB gzipped) in {len(requests)} requests; the search page with its "
                          f"theme files {kilobytes(page, 1):.0f} KB ({kilobytes(page, 2):.0f} KB gzipped)")
                    for path, length, zipped in sorted(requests, key=lambda r: -r[1])[:6]:
                        print(f"    {length / 1024:7.1f} KB ({zipped / 1024:6.1f} KB gzipped)  {path}")
