"""Browser and HTML checks of a built sitegen site.

Run through Tests/e2e/run.sh, which builds the site and sets:

  SITEGEN_E2E_SITE             the site built normally (served over HTTP)
  SITEGEN_E2E_SITE_FILE_LINKS  the same site built with --file-links (opened from disk)
  SITEGEN_E2E_SITE_BASE_URL    the same site built with --base-url http://127.0.0.1$PREFIX
                               (only its 404.html is checked)
  SITEGEN_E2E_SITE_OUTDATED    a copy of the site whose Dutch guide A changed after it was
                               translated, built like SITEGEN_E2E_SITE (empty for a site
                               without that page; see test_translation_notice.py)
  SITEGEN_E2E_AXE              axe.min.js (axe-core 4.10)
  SITEGEN_E2E_PREFIX           the sub-folder the site is served from (default /some/folder/)

Every server listens on 127.0.0.1 only, on a free port, and serves the site
under the sub-folder, so links that only work at the root of a server fail.
"""

import functools
import html.parser
import os
import pathlib
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

os.environ.setdefault("SE_OFFLINE", "true")  # selenium must never download a driver

SITE = os.environ.get("SITEGEN_E2E_SITE")
SITE_FILE_LINKS = os.environ.get("SITEGEN_E2E_SITE_FILE_LINKS")
SITE_BASE_URL = os.environ.get("SITEGEN_E2E_SITE_BASE_URL")
AXE_JS = os.environ.get("SITEGEN_E2E_AXE")
PREFIX = os.environ.get("SITEGEN_E2E_PREFIX", "/some/folder/")
CHROMIUM = os.environ.get("SITEGEN_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SITEGEN_E2E_CHROMEDRIVER", "/usr/bin/chromedriver")

# Without SITEGEN_E2E_SITE (a plain `pytest` run) every test skips; under run.sh
# a missing selenium is an error, never a skip.
NOT_CONFIGURED = None
if not SITE:
    NOT_CONFIGURED = "SITEGEN_E2E_SITE is not set: run Tests/e2e/run.sh [SITE_DIR], which builds the site first"
try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    if SITE:
        raise
    NOT_CONFIGURED += " (and selenium is not installed)"


@pytest.fixture(autouse=True)
def _needs_run_sh():
    if NOT_CONFIGURED:
        pytest.skip(NOT_CONFIGURED)


WIDTHS = (1280, 360)
HEIGHT = 900
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SWITCHER = "nav.language-switcher a[hreflang]"
# Links that leave the site; everything else must resolve inside it.
EXTERNAL = re.compile(r"^(https?:|mailto:|tel:|//)", re.IGNORECASE)
HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Attributes that point at another file of the site.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}
NOT_FOUND_NOTE = (
    "404.html is shown by a web server at any depth, so its links are absolute by "
    "design (README: from the path of baseURL, or from / without one)"
)


def html_pages(root):
    """Every HTML file of a built site, as paths relative to its root."""
    if not root:
        return []
    root = pathlib.Path(root)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.is_file())


PAGES = html_pages(SITE)
FILE_LINK_PAGES = html_pages(SITE_FILE_LINKS)


def browser_pages(root, pages):
    """The pages the browser checks (axe, the language switcher clicked) run
    on: every page but a decision helper's steps that differ only in the
    answers given on the way (.../email-yes/vlsc-no/account/ and
    .../email-yes/vlsc-unsure/account/ are one question, the same layout and
    text), of which the one with the most answers is kept. This takes the
    shipped site's 46 steps to 18 (the browser checks took about 4 minutes
    of a worker). Every page's links and language links are still checked
    without a browser (test_internal_links, test_language_links_lead_to_that_language)."""
    kept = {}
    for page in pages:
        text = pathlib.Path(root, page).read_text(encoding="utf-8", errors="replace")
        if '<ul class="answers"' in text or 'class="outcome' in text:
            parts = page.split("/")
            key = (parts[0], parts[-2])  # the language, the step's own folder
        else:
            key = page
        if key not in kept or kept[key].count("/") < page.count("/"):
            kept[key] = page
    return sorted(kept.values())


BROWSER_PAGES = browser_pages(SITE, PAGES) if SITE else []
# The language switcher clicked with JavaScript on: where a script changes its
# links (search.js keeps the query) and each language's home page; with
# JavaScript off, on every page of BROWSER_PAGES.
SWITCHER_JS_PAGES = [
    p for p in BROWSER_PAGES
    if p.count("/") == 1 and p.endswith("/index.html")
    or re.search(r'<script[^>]* src="[^"]*/search\.(?:[0-9a-f]+\.)?js"', pathlib.Path(SITE, p).read_text(encoding="utf-8", errors="replace"))
] if SITE else []
SWITCHER_CASES = [(True, p) for p in SWITCHER_JS_PAGES] + [(False, p) for p in BROWSER_PAGES]


def fail(problems, what="problem"):
    """Fail with a count on the first line (shown in pytest's summary), then one line each."""
    count = f"{len(problems)} {what}{'' if len(problems) == 1 else 's'}"
    pytest.fail("\n".join([f"{count}:"] + problems), pytrace=False)


# --- Parsing ---------------------------------------------------------------


class PageInfo(html.parser.HTMLParser):
    """What the checks need from one HTML page, read with the standard library."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.ids = set()
        self.links = []  # (line, tag, attribute, value)
        self.inline = []  # problems: inline script or style
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        names = [name for name, _ in attrs]
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if values.get("id"):
            self.ids.add(values["id"])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            self.links.append((line, tag, attribute, values[attribute].strip()))
        if tag == "script" and values.get("src") is None:
            self.inline.append(f"line {line}: <script> without src (inline script)")
        if tag == "style":
            self.inline.append(f"line {line}: <style> element (inline style)")
        if "style" in names:
            self.inline.append(f"line {line}: style= attribute on <{tag}>")
        for name in names:
            if name.startswith("on"):
                self.inline.append(f"line {line}: {name}= attribute on <{tag}> (inline script)")
        for name, value in attrs:
            if value and name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                self.inline.append(f"line {line}: javascript: URL in {name}= on <{tag}>")


@functools.lru_cache(maxsize=None)
def parse_file(path):
    return PageInfo(pathlib.Path(path).read_text(encoding="utf-8", errors="replace"))


# --- HTTP ------------------------------------------------------------------


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves one built site under a URL prefix, like a host serving a sub-folder.

    Paths outside the prefix are 404. Missing files get the site's 404.html with
    status 404, as a static host would. Folders without index.html are 404, not a
    listing.
    """

    prefix = "/"

    def translate_path(self, path):
        url_path = urllib.parse.urlsplit(path).path
        if not url_path.startswith(self.prefix):
            return os.path.join(self.directory, ".outside-the-served-folder", "missing")
        return super().translate_path("/" + url_path[len(self.prefix):])

    def list_directory(self, path):
        self.send_error(404, "No index.html in this folder")
        return None

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code == 404 and self.command in ("GET", "HEAD") and os.path.isfile(page):
            body = pathlib.Path(page).read_bytes()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


class SiteServer:
    def __init__(self, directory, prefix):
        handler = type("Handler", (SiteHandler,), {"prefix": prefix})
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
        )
        self.httpd.daemon_threads = True
        self.prefix = prefix
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def page_url(self, page):
        """The URL a reader uses: folders, not index.html."""
        if page == "index.html":
            return self.url
        if page.endswith("/index.html"):
            return self.url + urllib.parse.quote(page[: -len("index.html")])
        return self.url + urllib.parse.quote(page)

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@functools.lru_cache(maxsize=None)
def fetch(url):
    """(status, final URL, body) of a URL on one of our 127.0.0.1 servers."""
    assert urllib.parse.urlsplit(url).hostname == "127.0.0.1", url
    try:
        with _opener.open(url, timeout=15) as response:
            return response.status, response.geturl(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, url, b""


@functools.lru_cache(maxsize=None)
def ids_at(url):
    status, _, body = fetch(url)
    if status != 200:
        return frozenset()
    return frozenset(PageInfo(body.decode("utf-8", errors="replace")).ids)


# Elements without a browser: for walks that follow many links (the reading
# order, the decision helper's paths), where reading the HTML over HTTP proves
# what clicking would, in a fraction of the time. Clicking itself is checked
# on a few links of each kind.
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SELECTOR_STEP = re.compile(r"^([a-z0-9]*)((?:\.[\w-]+)*)(?:\[([\w-]+)(?:=([\w-]+))?\])?$")


class Elements(html.parser.HTMLParser):
    """A page's elements, each with its ancestors, and `select` for the simple
    selectors these checks need: steps of tag, classes and one [attribute]
    or [attribute=value], separated by descent (`nav.pager a[rel=next]`);
    a comma between selectors matches either."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.chains = []  # per element: [(tag, attributes)] from the root down to it
        self.open = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs))
        self.chains.append(self.open + [element])
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.chains.append(self.open + [(tag, dict(attrs))])

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def select(self, selector):
        """The attributes of every element the selector matches, in document order."""
        alternatives = [[SELECTOR_STEP.match(part).groups() for part in one.split()] for one in selector.split(",")]
        return [chain[-1][1] for chain in self.chains if any(_chain_matches(steps, chain) for steps in alternatives)]


def _step_matches(step, element):
    tag, classes, name, value = step
    element_tag, attributes = element
    return ((not tag or tag == element_tag)
            and set(classes.split(".")[1:]) <= set((attributes.get("class") or "").split())
            and (not name or (name in attributes if value is None else attributes.get(name) == value)))


def _chain_matches(steps, chain):
    if not _step_matches(steps[-1], chain[-1]):
        return False
    index = len(chain) - 2
    for step in reversed(steps[:-1]):  # each earlier step: the nearest ancestor that matches
        while index >= 0 and not _step_matches(step, chain[index]):
            index -= 1
        if index < 0:
            return False
        index -= 1
    return True


def elements_at(url):
    """(status, final URL, Elements) of a page on one of our servers."""
    status, final, body = fetch(url)
    return status, final, Elements(body.decode("utf-8", errors="replace"))


class Servers:
    def __init__(self):
        # The site in the sub-folder: where every page is checked.
        self.sub = SiteServer(SITE, PREFIX)
        # The same site at the root of a server: only for 404.html, whose links
        # are absolute from / when the site is built without a baseURL.
        self.root = SiteServer(SITE, "/")
        # The site built with --base-url http://127.0.0.1$PREFIX, in the sub-folder.
        self.base_url = SiteServer(SITE_BASE_URL, PREFIX) if SITE_BASE_URL else None

    def for_page(self, page):
        return self.root if page == "404.html" else self.sub

    def stop(self):
        for server in (self.sub, self.root, self.base_url):
            if server:
                server.stop()


@pytest.fixture(scope="session")
def servers():
    running = Servers()
    yield running
    running.stop()


def check_links(page, info, page_url, server):
    """Problems with the links of one page served at page_url by server."""
    problems = []
    for line, tag, attribute, value in info.links:
        where = f'{page} line {line}: <{tag} {attribute}="{value}">'
        if EXTERNAL.match(value):
            continue
        if HAS_SCHEME.match(value):
            problems.append(f"{where}: unexpected URL scheme")
            continue
        target = urllib.parse.urljoin(page_url, value)
        target, fragment = urllib.parse.urldefrag(target)
        if not urllib.parse.urlsplit(target).path.startswith(server.prefix):
            problems.append(f"{where}: leaves the folder the site is served from ({server.prefix})")
            continue
        status, _, _ = fetch(target)
        if status != 200:
            problems.append(f"{where}: {target} answers HTTP {status}")
            continue
        if fragment and urllib.parse.unquote(fragment) not in ids_at(target):
            problems.append(f"{where}: no id=\"{urllib.parse.unquote(fragment)}\" on {target}")
    return problems


# --- Browser ---------------------------------------------------------------


def start_browser(width, javascript, file_access=True):
    """file_access=False: pages opened from file:// may not fetch other files,
    as in a browser as people run it (Pagefind's index, say)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        f"--window-size={width},{HEIGHT}",
        "--no-proxy-server",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--allow-file-access-from-files",
        # The theme scrolls smoothly unless the reader asks for less motion;
        # a click on a link that is still scrolling into view can miss.
        "--force-prefers-reduced-motion",
    ):
        if file_access or argument != "--allow-file-access-from-files":
            options.add_argument(argument)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    # Chromium will not make a window narrower than 500 px; emulate the viewport.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
    )
    # Make sure JavaScript really is on or off.
    driver.get("data:text/html,<title>off</title><script>document.title='on'</script>")
    state = driver.title
    if state != ("on" if javascript else "off"):
        driver.quit()
        raise RuntimeError(f"Chromium was asked for JavaScript {'on' if javascript else 'off'} but it is {state}")
    return driver


@pytest.fixture(scope="session")
def browser():
    """browser(width, javascript): one Chromium per width and JavaScript setting."""
    drivers = {}

    def get(width=1280, javascript=True):
        key = (width, javascript)
        if key not in drivers:
            drivers[key] = start_browser(width, javascript)
        return drivers[key]

    yield get
    for driver in drivers.values():
        driver.quit()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS or not os.path.isfile(AXE_JS):
        pytest.fail(f"axe.min.js not found (SITEGEN_E2E_AXE={AXE_JS!r}): run Tests/e2e/run.sh", pytrace=False)
    return pathlib.Path(AXE_JS).read_text(encoding="utf-8")


def unloaded_stylesheets(driver):
    """Stylesheets that did not load. Chromium gives a stylesheet that answered
    404 an empty sheet, so an empty sheet counts as not loaded too (from file://
    the rules cannot be read, and only a missing sheet counts)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('link[rel~=stylesheet]')).filter(function (l) {"
        "  if (!l.sheet) { return true; }"
        "  try { return l.sheet.cssRules.length === 0; } catch (e) { return false; }"
        "}).map(function (l) { return l.href; });"
    )


def follow(driver, element):
    """Click a link and wait for the new page."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


AXE_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(function (result) {
  done({version: axe.version, violations: result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(function (n) {
      return [].concat.apply([], [n.target]).map(String).join(' >> ');
    })};
  })});
}).catch(function (error) { done({error: String(error && error.stack || error)}); });
"""


# --- Tests -----------------------------------------------------------------


def test_site_has_pages():
    assert "index.html" in PAGES, f"no index.html in {SITE}"
    assert "404.html" in PAGES, f"no 404.html in {SITE}"


@pytest.mark.parametrize(
    "width,page", [(w, p) for w in WIDTHS for p in BROWSER_PAGES], ids=[f"{w}px-{p}" for w in WIDTHS for p in BROWSER_PAGES]
)
def test_axe(browser, servers, axe_source, width, page):
    driver = browser(width, True)
    url = servers.for_page(page).page_url(page)
    driver.get(url)
    check_axe(driver, axe_source, page, width)


def check_axe(driver, axe_source, page, width):
    """Fail unless the page open in driver is width px wide, its stylesheets
    loaded and axe-core finds no violation of AXE_TAGS."""
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        fail([f"{page} @ {width}px: the window is {inner} px wide, not {width}"])
    problems = [f"{page} @ {width}px: stylesheet not loaded: {href}" for href in unloaded_stylesheets(driver)]
    driver.execute_script(axe_source)
    result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    if result.get("error"):
        problems.append(f"{page} @ {width}px: axe failed: {result['error']}")
    for violation in result.get("violations", []):
        for target in violation["targets"]:
            problems.append(
                f"{page} @ {width}px: {violation['id']} ({violation['impact']}): {target} -- {violation['help']}"
            )
    if problems:
        fail(problems, "accessibility problem")


@pytest.mark.parametrize(
    "javascript,page",
    SWITCHER_CASES,
    ids=[f"{'js' if js else 'no-js'}-{p}" for js, p in SWITCHER_CASES],
)
def test_language_switcher(browser, servers, javascript, page):
    driver = browser(1280, javascript)
    server = servers.for_page(page)
    url = server.page_url(page)
    driver.get(url)
    count = len(driver.find_elements(By.CSS_SELECTOR, SWITCHER))
    if not count:
        pytest.skip(f"no language switcher: nothing matches '{SWITCHER}'")
    problems = []
    for index in range(count):
        if index:
            driver.get(url)
        link = driver.find_elements(By.CSS_SELECTOR, SWITCHER)[index]
        hreflang = link.get_attribute("hreflang")
        where = f"{page} ({'JavaScript on' if javascript else 'JavaScript off'}): link {index + 1} hreflang=\"{hreflang}\" href=\"{link.get_attribute('href')}\""
        try:
            follow(driver, link)
        except WebDriverException as error:
            problems.append(f"{where}: could not follow it: {error.msg}")
            continue
        landed = driver.current_url
        lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
        if lang != hreflang:
            problems.append(f"{where}: led to {landed} whose <html lang> is {lang!r}")
        if urllib.parse.urlsplit(landed).hostname != "127.0.0.1":
            problems.append(f"{where}: led away from the site, to {landed}")
            continue
        status, _, _ = fetch(urllib.parse.urldefrag(landed)[0])
        if status != 200:
            problems.append(f"{where}: led to {landed}, which answers HTTP {status}")
    if problems:
        fail(problems, "language switcher problem")


def test_language_links_lead_to_that_language(servers):
    """On every page, each language switcher link answers 200 with a page
    whose <html lang> is the link's hreflang (test_language_switcher clicks
    them on the pages of every kind, with JavaScript on and off)."""
    problems = []
    for page in PAGES:
        server = servers.for_page(page)
        url = server.page_url(page)
        for link in Elements(pathlib.Path(SITE, page).read_text(encoding="utf-8")).select(SWITCHER):
            target = urllib.parse.urldefrag(urllib.parse.urljoin(url, link.get("href") or ""))[0]
            status, _, body = fetch(target)
            lang = PageInfo(body.decode("utf-8", errors="replace")).lang if status == 200 else None
            if status != 200 or lang != link.get("hreflang"):
                problems.append(f"{page}: hreflang=\"{link.get('hreflang')}\" link to {target}: HTTP {status}, <html lang> {lang!r}")
    if problems:
        fail(problems, "language link problem")


@pytest.mark.parametrize("page", PAGES)
def test_internal_links(servers, page):
    server = servers.for_page(page)
    info = parse_file(os.path.join(SITE, page))
    problems = check_links(page, info, server.page_url(page), server)
    if problems:
        if page == "404.html":
            problems.append(f"(404.html is checked at the root of a server: {NOT_FOUND_NOTE})")
        fail(problems, "broken link")


@pytest.mark.parametrize(
    "build", ["without baseURL, at the server root", "with baseURL, in the sub-folder"]
)
def test_404_page_at_any_depth(browser, servers, build):
    server = servers.root if build.startswith("without") else servers.base_url
    if server is None:
        pytest.skip("SITEGEN_E2E_SITE_BASE_URL is not set")
    missing = server.url + "no/such/page/"
    status, _, _ = fetch(missing)
    problems = [] if status == 404 else [f"{missing} answers HTTP {status}, not 404"]
    driver = browser(1280, True)
    driver.get(missing)
    problems += [f"404 page at {missing}: stylesheet not loaded: {href}" for href in unloaded_stylesheets(driver)]
    # The site's header: its menu, and search when the site has it.
    if not driver.find_elements(By.CSS_SELECTOR, "header.site-header nav.site-nav a[href]"):
        problems.append(f"404 page at {missing}: no site header with its menu")
    pagefind = os.path.join(SITE, "pagefind")
    if os.path.isdir(pagefind) and not driver.find_elements(By.CSS_SELECTOR, "header form.header-search[action]"):
        problems.append(f"404 page at {missing}: no search in its header")
    for href in driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; })"
    ):
        target = urllib.parse.urldefrag(href)[0]
        if target == missing:
            continue  # the skip link, on this page
        if not target.startswith(server.url):
            problems.append(f"404 page at {missing}: link {href} leaves {server.url}")
        elif fetch(target)[0] != 200:
            problems.append(f"404 page at {missing}: link {href} answers HTTP {fetch(target)[0]}")
    if problems:
        fail(problems)


@pytest.mark.parametrize(
    "build,page",
    [("site", p) for p in PAGES] + [("file-links", p) for p in FILE_LINK_PAGES],
    ids=[f"site-{p}" for p in PAGES] + [f"file-links-{p}" for p in FILE_LINK_PAGES],
)
def test_no_inline_script_or_style(build, page):
    root = SITE if build == "site" else SITE_FILE_LINKS
    problems = [f"{page}: {problem}" for problem in parse_file(os.path.join(root, page)).inline]
    if problems:
        fail(problems, "inline script or style")


# --- The --file-links build, opened from disk -------------------------------


def file_target(root, page_file, href):
    """The file an href of page_file points at, or a problem."""
    target, fragment = urllib.parse.urldefrag(urllib.parse.urljoin(page_file.as_uri(), href))
    path, problem = _file_at(root, target)
    return path, (urllib.parse.unquote(fragment) if path else fragment), problem


@functools.lru_cache(maxsize=None)
def _file_at(root, target):
    """(the file a file: URL names, None) or (None, the problem); the pages of
    a build link the same files again and again (a sidebar holds 108)."""
    parts = urllib.parse.urlsplit(target)
    if parts.scheme != "file":
        return None, f"resolves to {target}, not a file"
    path = pathlib.Path(urllib.request.url2pathname(parts.path))
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return None, f"resolves to {path}, outside the site folder"
    if path.is_dir():
        return None, f"resolves to the folder {path.relative_to(root)}, not a file (opened from disk a folder shows a listing)"
    if not path.is_file():
        return None, f"resolves to {path.relative_to(root)}, which does not exist"
    return path, None


def check_file_links(root, page, links):
    problems = []
    page_file = root / page
    for line, tag, attribute, value in links:
        where = f'{page} line {line}: <{tag} {attribute}="{value}">' if line else f'{page}: <{tag} {attribute}="{value}">'
        if EXTERNAL.match(value):
            continue
        if HAS_SCHEME.match(value) and not value.lower().startswith("file:"):
            problems.append(f"{where}: unexpected URL scheme")
            continue
        path, fragment, problem = file_target(root, page_file, value)
        if problem:
            problems.append(f"{where}: {problem}")
        elif fragment and fragment not in parse_file(str(path)).ids:
            problems.append(f"{where}: no id=\"{fragment}\" in {path.relative_to(root)}")
    return problems


@pytest.mark.parametrize("page", FILE_LINK_PAGES)
def test_file_links_resolve_on_disk(page):
    if page == "404.html":
        pytest.skip(f"not opened from disk: {NOT_FOUND_NOTE}")
    root = pathlib.Path(SITE_FILE_LINKS).resolve()
    problems = check_file_links(root, page, parse_file(str(root / page)).links)
    if problems:
        fail(problems, "broken link")


def test_file_links_from_file_url(browser):
    if not SITE_FILE_LINKS:
        pytest.skip("SITEGEN_E2E_SITE_FILE_LINKS is not set")
    root = pathlib.Path(SITE_FILE_LINKS).resolve()
    driver = browser(1280, True)
    start = (root / "index.html").as_uri()
    driver.get(start)
    links = (
        driver.find_elements(By.CSS_SELECTOR, "a[hreflang]")
        or driver.find_elements(By.CSS_SELECTOR, "main a[href]")
        or driver.find_elements(By.CSS_SELECTOR, "a[href]")
    )
    if not links:
        fail([f"{start}: no language link to follow"])
    link = links[0]
    expected = link.get_attribute("hreflang") or driver.execute_script(
        "var e = arguments[0].closest('[lang]');"
        "return e && e !== document.documentElement ? e.getAttribute('lang') : null;",
        link,
    )
    where = f"index.html (file://): first language link href=\"{link.get_attribute('href')}\""
    follow(driver, link)
    landed = driver.current_url
    parts = urllib.parse.urlsplit(landed)
    if parts.scheme != "file":
        fail([f"{where}: led to {landed}, not a file"])
    landed_path = pathlib.Path(urllib.request.url2pathname(parts.path))
    if not landed_path.is_file():
        fail([f"{where}: led to {landed}, which is not a file on disk"])
    problems = []
    lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
    if expected and lang != expected:
        problems.append(f"{where}: led to {landed} whose <html lang> is {lang!r}, not {expected!r}")
    if landed_path == root / "index.html":
        problems.append(f"{where}: led back to index.html")
    problems += [f"{landed}: stylesheet not loaded: {href}" for href in unloaded_stylesheets(driver)]
    # Every link of that page, as the browser resolves it.
    page = landed_path.relative_to(root).as_posix()
    hrefs = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; })"
    )
    problems += check_file_links(root, page, [(None, "a", "href", href) for href in hrefs])
    if problems:
        fail(problems)
