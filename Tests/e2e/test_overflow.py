"""Reflow (WCAG 1.4.10): no page of any site run.sh builds scrolls sideways
at 320, 360, 768, 1280 or 1920 px.

Every HTML page of every built site (the shipped site, the docs, search, code,
reflow and shortcodes (images) fixtures, the site `sitegen init` makes; of the docs fixture's
750 option pages, which share one layout, four per language) is loaded into five
iframes, one per width (an iframe's width is its page's viewport, so media
queries apply as on a phone; Chromium will not make a window narrower than
500 px), and its `scrollWidth` compared with the viewport. The whole walk is
one script in one browser session: a page costs one load per width, with no
WebDriver round trip. A page that overflows is reported with the deepest
elements that stick out. The reflow fixture (Tests/Fixtures/sites/reflow)
holds what overflows in practice: a wide table, long code lines, long words
and URLs, a long site title, in English and Arabic (right to left).
404.html is left out: its links start at the server's root by design, so
its stylesheet does not load here (test_site.py checks it at any depth).
"""
import functools
import os
import pathlib
import shutil
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from test_site import axe_source, browser, check_axe, fail, html_pages  # noqa: F401 (fixtures)

SITES = {
    name: os.environ.get(variable)
    for name, variable in (
        ("site", "SITEGEN_E2E_SITE"),
        ("docs", "SITEGEN_E2E_DOCS"),
        ("search", "SITEGEN_E2E_SEARCH"),
        ("code", "SITEGEN_E2E_CODE"),
        ("init", "SITEGEN_E2E_INIT"),
        ("reflow", "SITEGEN_E2E_REFLOW"),
        ("shortcodes", "SITEGEN_E2E_SHORTCODES"),
    )
    if os.environ.get(variable)
}
if not SITES.get("reflow"):
    pytest.skip("SITEGEN_E2E_REFLOW is not set: Tests/e2e/run.sh builds the reflow fixture when it checks the shipped site",
                allow_module_level=True)

WIDTHS = (320, 360, 768, 1280, 1920)
BATCH = 50

# Loads each page into one iframe per width, waits for every load (CSS and
# deferred scripts included) and a frame, then measures. Returns
# [[url, width, scrollWidth, clientWidth, [culprit...]], ...].
WALK = """
const [urls, widths, done] = arguments;
const frames = widths.map((width) => {
  const frame = document.createElement('iframe');
  frame.style.cssText = `position:absolute;top:0;left:0;border:0;height:800px;width:${width}px`;
  document.body.appendChild(frame);
  return frame;
});
const load = (frame, url) => new Promise((resolve) => {
  frame.onload = () => requestAnimationFrame(() => requestAnimationFrame(resolve));
  frame.src = url;
});
const describe = (element) => {
  let text = element.tagName.toLowerCase();
  if (element.id) text += '#' + element.id;
  if (element.classList.length) text += '.' + [...element.classList].join('.');
  const parent = element.parentElement;
  if (parent) text = describe.short(parent) + ' > ' + text;
  return text + ` (${Math.round(element.getBoundingClientRect().width)} px)`;
};
describe.short = (element) => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
const measure = (frame) => {
  const doc = frame.contentDocument;
  const root = doc.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  // What sticks out of the viewport, leaving out what a scrolling box
  // (a code block) holds.
  const clipped = (element) => {
    for (let up = element.parentElement; up && up !== doc.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const out = [...doc.body.querySelectorAll('*')].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !clipped(element);
  });
  const deepest = out.filter((element) => !out.some((other) => other !== element && element.contains(other)));
  return [root.scrollWidth, width, deepest.slice(0, 3).map(describe)];
};
(async () => {
  const problems = [];
  for (const url of urls) {
    await Promise.all(frames.map((frame) => load(frame, url)));
    frames.forEach((frame, index) => {
      const result = measure(frame);
      if (result) problems.push([url, widths[index], ...result]);
    });
  }
  done(problems);
})().catch((error) => done([['script', 0, 0, 0, [String(error)]]]));
"""


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def served():
    """Every site under /<name>/ of one server (symbolic links in a temporary
    folder), beside an empty page that holds the iframes (same origin)."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="sitegen-overflow."))
    for name, path in SITES.items():
        (folder / name).symlink_to(pathlib.Path(path).resolve(), target_is_directory=True)
    (folder / "frames.html").write_text("<!DOCTYPE html><title>frames</title><body></body>", encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    shutil.rmtree(folder)


def test_reflow_fixture_has_its_pages():
    pages = html_pages(SITES["reflow"])
    for page in ("en/wide-table/index.html", "en/long-code/index.html", "en/long-words/index.html",
                 "ar/wide-table/index.html", "ar/long-code/index.html", "ar/long-words/index.html"):
        assert page in pages, page


def pages_of(name, path):
    """Every page; of the docs fixture's 250 option pages per language (one
    layout, one shape) the first, the last and two in the middle, as test_docs.py."""
    return [
        page for page in html_pages(path)
        if page != "404.html"  # its links are from the server's root, by design (test_site.py)
        if name != "docs" or "/reference/options/option-" not in page
        or page.split("option-")[1][:3] in ("001", "100", "101", "250")
    ]


# One test per site, so that the two workers share them (all in one test took
# 48 s on one worker while the other sat idle at the end).
@pytest.mark.parametrize("name", sorted(SITES))
def test_no_page_scrolls_sideways(browser, served, name):
    urls = [f"{served}{name}/{page}" for page in pages_of(name, SITES[name])]
    assert urls, name
    driver = browser(1280, True)
    driver.get(served + "frames.html")
    problems = []
    # In batches: WebDriver's client gives up on a call after 120 s.
    for start in range(0, len(urls), BATCH):
        driver.get(served + "frames.html")
        problems += driver.execute_async_script(WALK, urls[start:start + BATCH], list(WIDTHS))
    if problems:
        fail([f"{url[len(served):]} @ {width} px: {scroll} px wide: {'; '.join(culprits)}"
              for url, width, scroll, client, culprits in problems], "page too wide")


def test_axe_on_the_reflow_fixture(browser, served, axe_source):
    """What scrolls in its own box (tables, code) must be reachable by keyboard
    (axe: scrollable-region-focusable), at a phone's and a desktop's width."""
    problems = []
    for width in (360, 1280):
        driver = browser(width, True)
        for page in pages_of("reflow", SITES["reflow"]):
            driver.get(f"{served}reflow/{page}")
            try:
                check_axe(driver, axe_source, f"reflow/{page}", width)
            except pytest.fail.Exception as failure:
                problems += str(failure).splitlines()[1:]
    if problems:
        fail(problems, "accessibility problem")


def test_code_reads_left_to_right_on_a_right_to_left_page(browser, served):
    """Code keeps its own direction on an Arabic page (as in Starlight and
    GitHub): right-aligned, its indentation was on the wrong side."""
    driver = browser(1280, True)
    driver.get(f"{served}reflow/ar/long-code/index.html")
    assert driver.execute_script("return document.documentElement.dir") == "rtl"
    styles = driver.execute_script(
        "return [...document.querySelectorAll('main pre')]"
        ".map((pre) => [getComputedStyle(pre).direction, getComputedStyle(pre).textAlign])")
    assert styles, "no code block on ar/long-code"
    assert all(style == ["ltr", "left"] for style in styles), styles
