"""Browser and HTML checks of the navigation, on the docs fixture.

Run through Tests/e2e/run.sh, which builds Tests/Fixtures/sites/docs with the
shipped theme (when it checks the shipped site) and sets:

  SITEGEN_E2E_DOCS             the docs fixture built normally (served over HTTP)
  SITEGEN_E2E_DOCS_FILE_LINKS  the same built with --file-links (opened from disk)

plus the variables of test_site.py (axe, the sub-folder prefix). Every
sidebar, breadcrumb, previous/next and pagination link must resolve, with
JavaScript on and off, served from a sub-folder and from file://; axe
(WCAG 2.2 AA) at 360 and 1280 px on a page of every kind; the keyboard
reaches the skip link, then the navigation, then the content.
"""

import os
import pathlib
import urllib.parse

import pytest

from test_site import (  # noqa: F401 (fixtures)
    PREFIX, SiteServer, axe_source, browser, check_axe, check_file_links, check_links, elements_at, fail,
    follow, html_pages, parse_file, unloaded_stylesheets,
)

DOCS = os.environ.get("SITEGEN_E2E_DOCS")
DOCS_FILE_LINKS = os.environ.get("SITEGEN_E2E_DOCS_FILE_LINKS")
if not DOCS:
    pytest.skip("SITEGEN_E2E_DOCS is not set: Tests/e2e/run.sh builds the docs fixture when it checks the shipped site",
                allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

# 404.html has absolute links by design; test_site.py checks the shipped one.
PAGES = [p for p in html_pages(DOCS) if p != "404.html"]
FILE_LINK_PAGES = html_pages(DOCS_FILE_LINKS)
NAVIGATION = {
    "sidebar": "nav.sidebar a[href]",
    "breadcrumbs": "nav.breadcrumbs a[href]",
    "pager": "nav.pager a[href]",
    "pagination": "nav.pagination a[href]",
    "section contents": "nav.section-contents a[href]",
}
# A page of every kind in every language: home, section pages at each depth,
# a generated section page, leaves at each depth, list pages 1 to 3, fallback
# and right-to-left pages. (Checking the 250 options of each language with axe
# would take minutes and show nothing these do not.)
SAMPLE = [
    p for p in PAGES
    if "/reference/options/option-" not in p or p.split("option-")[1][:3] in ("001", "100", "101", "250")
]
# At 360 px, where the sidebar gives way to the "contents of this section"
# disclosure, a page of each layout in each language: the chooser, home, a
# section, leaves at two depths, a table and images, the glossary, list pages
# 1 and 2, an option (the other pages of SAMPLE add nothing at that width
# that 1280 px does not show; all at both widths took 2 minutes of a worker).
PHONE_KINDS = ("", "getting-started/", "getting-started/install/", "guides/publishing/advanced/cdn/",
               "guides/writing/tables/", "guides/writing/images/", "reference/glossary/", "reference/options/",
               "reference/options/page/2/", "reference/options/option-001/")
PHONE_SAMPLE = [p for p in SAMPLE if p == "index.html" or p.split("/", 1)[1] in [k + "index.html" for k in PHONE_KINDS]]
# At 1280 px, every page of SAMPLE in English and Arabic (right to left); the
# Dutch tree has the English layouts, so PHONE_SAMPLE's Dutch pages stand for it.
DESKTOP_SAMPLE = [p for p in SAMPLE if not p.startswith("nl/") or p in PHONE_SAMPLE]
AXE_CASES = [(1280, p) for p in DESKTOP_SAMPLE] + [(360, p) for p in PHONE_SAMPLE]


@pytest.fixture(scope="session")
def docs_server():
    server = SiteServer(DOCS, PREFIX)
    yield server
    server.stop()


def test_docs_fixture_has_its_pages():
    for kind in PHONE_KINDS:
        assert f"en/{kind}index.html" in PHONE_SAMPLE and f"nl/{kind}index.html" in PHONE_SAMPLE, kind
    for page in ("en/reference/options/page/3/index.html", "nl/reference/options/page/3/index.html",
                 "ar/reference/options/page/2/index.html", "en/guides/writing/index.html",
                 "en/guides/publishing/advanced/cdn/index.html"):
        assert page in PAGES, page
    assert "ar/reference/options/page/3/index.html" not in PAGES


def in_language(pages, language):
    """The pages under language/ ("": the chooser and the other pages at the root)."""
    return [p for p in pages if (p.split("/")[0] if "/" in p else "") == language]


# One test per language, not per page: 1,300 cases of a few milliseconds each
# cost pytest more than their checks did.
LANGUAGES = sorted({p.split("/")[0] if "/" in p else "" for p in PAGES})


@pytest.mark.parametrize("language", LANGUAGES, ids=[language or "root" for language in LANGUAGES])
def test_every_link_resolves_in_a_sub_folder(docs_server, language):
    problems = []
    for page in in_language(PAGES, language):
        info = parse_file(os.path.join(DOCS, page))
        problems += check_links(page, info, docs_server.page_url(page), docs_server)
        problems += [f"{page}: {problem}" for problem in info.inline]
    if problems:
        fail(problems, "problem")


@pytest.mark.parametrize("language", LANGUAGES, ids=[language or "root" for language in LANGUAGES])
def test_every_link_resolves_from_disk(language):
    root = pathlib.Path(DOCS_FILE_LINKS).resolve()
    problems = []
    # 404.html has absolute links by design.
    for page in in_language([p for p in FILE_LINK_PAGES if p != "404.html"], language):
        problems += check_file_links(root, page, parse_file(str(root / page)).links)
    if problems:
        fail(problems, "broken link")


@pytest.mark.parametrize("width,page", AXE_CASES, ids=[f"{w}px-{p}" for w, p in AXE_CASES])
def test_axe(browser, docs_server, axe_source, width, page):
    driver = browser(width, True)
    driver.get(docs_server.page_url(page))
    check_axe(driver, axe_source, page, width)


def landed_problems(driver, where, expected_url):
    """The page a click led to must be the link's target, a real page with its CSS."""
    problems = []
    if driver.current_url.split("#")[0] != expected_url.split("#")[0]:
        problems.append(f"{where}: led to {driver.current_url}, not {expected_url}")
    if not driver.find_elements(By.TAG_NAME, "h1"):
        problems.append(f"{where}: {driver.current_url} has no <h1> (not a page of the site?)")
    problems += [f"{where}: stylesheet not loaded: {href}" for href in unloaded_stylesheets(driver)]
    return problems


def click_navigation_links(driver, start_url, kinds, width):
    """Open start_url, click the first and the last link of each kind
    (re-opening the start page between clicks), and return the problems.
    Every link of every page is resolved without a browser
    (test_every_link_resolves_*); the clicks prove that a browser follows
    them to a page with its CSS, which the links at either end show as well
    as all 44 of these pages' links did."""
    problems = []
    for kind in kinds:
        driver.get(start_url)
        count = len(driver.find_elements(By.CSS_SELECTOR, NAVIGATION[kind]))
        if count == 0:
            problems.append(f"{start_url} @ {width}px: no {kind} links")
        for index in sorted({0, count - 1}) if count else []:
            driver.get(start_url)
            if kind == "section contents":
                summary = driver.find_element(By.CSS_SELECTOR, "nav.section-contents summary")
                summary.click()
            link = driver.find_elements(By.CSS_SELECTOR, NAVIGATION[kind])[index]
            href = link.get_attribute("href")
            where = f"{start_url} @ {width}px: {kind} link {link.text!r}"
            follow(driver, link)
            problems += landed_problems(driver, where, href)
    return problems


# Pages whose navigation links are clicked: a leaf three levels deep, a list
# page in the middle of a long section, a fallback list page, a right-to-left one.
CLICKED = {
    "en/guides/publishing/advanced/cdn/": ["sidebar", "breadcrumbs", "pager"],
    "en/reference/options/page/2/": ["breadcrumbs", "pager", "pagination"],
    "nl/reference/options/page/3/": ["breadcrumbs", "pagination"],
    "ar/getting-started/install/": ["sidebar", "breadcrumbs", "pager"],
}


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
@pytest.mark.parametrize("page", sorted(CLICKED))
def test_navigation_links_clicked_in_a_sub_folder(browser, docs_server, javascript, page):
    driver = browser(1280, javascript)
    problems = click_navigation_links(driver, docs_server.url + page, CLICKED[page], 1280)
    if problems:
        fail(problems)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_section_contents_on_a_phone(browser, docs_server, javascript):
    driver = browser(360, javascript)
    url = docs_server.url + "en/guides/publishing/advanced/cdn/"
    driver.get(url)
    if driver.find_element(By.CSS_SELECTOR, "nav.sidebar").is_displayed():
        fail([f"{url} @ 360px: the sidebar shows on a phone"])
    problems = click_navigation_links(driver, url, ["section contents", "breadcrumbs"], 360)
    if problems:
        fail(problems)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_navigation_links_clicked_from_disk(browser, javascript):
    if not DOCS_FILE_LINKS:
        pytest.skip("SITEGEN_E2E_DOCS_FILE_LINKS is not set")
    root = pathlib.Path(DOCS_FILE_LINKS).resolve()
    driver = browser(1280, javascript)
    problems = []
    for page, kinds in sorted(CLICKED.items()):
        start = (root / page / "index.html").as_uri()
        problems += click_navigation_links(driver, start, kinds, 1280)
    if problems:
        fail(problems)


@pytest.mark.parametrize("language", ["en", "nl", "ar"])
def test_reading_order_walks_the_whole_language(docs_server, language):
    """Following "next" from a language's home page visits every page of its
    tree once, and "previous" leads back the same way. Read over HTTP, as the
    links lead (the pager is plain links: test_navigation_links_clicked_*
    click them, with JavaScript on and off, served and from disk): a browser
    walk of the 277 English pages took 133 s and proved nothing more."""
    pagers = {}

    def pager(url):
        """(the URL a link to url ends at, {"prev": [URL], "next": [URL]})."""
        if url not in pagers:
            status, final, page = elements_at(url)
            if status != 200:
                fail([f"{url} answers HTTP {status}"])
            pagers[url] = final, {rel: [urllib.parse.urljoin(final, a["href"]) for a in page.select(f"nav.pager a[rel={rel}]")]
                                  for rel in ("prev", "next")}
        return pagers[url]

    seen = [pager(docs_server.url + language + "/")[0]]
    while following := pager(seen[-1])[1]["next"]:
        if following[0] in seen:
            fail([f"next on {seen[-1]} leads back to {following[0]}"])
        seen.append(pager(following[0])[0])
    tree_pages = [p for p in PAGES if p.startswith(language + "/") and "/page/" not in p]
    if len(seen) != len(tree_pages):
        fail([f"next visited {len(seen)} pages; the {language} tree has {len(tree_pages)}"])
    for here, expected in zip(seen, [None] + seen[:-1]):
        previous = pager(here)[1]["prev"]
        if previous != ([expected] if expected else []):
            fail([f"previous on {here} leads to {previous}, not {expected or 'nowhere'}"])


@pytest.mark.parametrize("width", [1280, 360])
def test_keyboard_reaches_skip_link_then_navigation_then_content(browser, docs_server, width):
    driver = browser(width, True)
    url = docs_server.url + "en/guides/publishing/advanced/cdn/"
    driver.get(url)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    order = []
    for _ in range(60):
        place = driver.execute_script(
            "var e = document.activeElement;"
            "if (e.classList.contains('skip-link')) return 'skip';"
            "if (e.closest('header')) return 'header';"
            "if (e.closest('nav.sidebar')) return 'sidebar';"
            "if (e.closest('main')) return 'main';"
            "if (e.closest('footer')) return 'footer';"
            "return e.tagName;"
        )
        if not order or order[-1] != place:
            order.append(place)
        if place == "main":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    expected = ["skip", "header", "sidebar", "main"] if width == 1280 else ["skip", "header", "main"]
    if order != expected:
        fail([f"{url} @ {width}px: Tab goes through {order}, not {expected}"])
    # The first stop in main is the breadcrumbs, the last the pager.
    first = driver.execute_script("return document.activeElement.closest('nav') && document.activeElement.closest('nav').className")
    if first != "breadcrumbs":
        fail([f"{url} @ {width}px: the first stop in main is in {first!r}, not the breadcrumbs"])


def test_rel_prev_next_in_the_head_of_list_pages():
    problems = []
    for page, expected in [("en/reference/options/index.html", [("next", "page/2/")]),
                           ("en/reference/options/page/2/index.html", [("prev", "../../"), ("next", "../3/")]),
                           ("en/reference/options/page/3/index.html", [("prev", "../2/")])]:
        text = (pathlib.Path(DOCS) / page).read_text(encoding="utf-8")
        head = text.split("</head>")[0]
        found = [(rel, href) for rel, href in
                 [(part.split('"')[0], part.split('href="')[1].split('"')[0])
                  for part in head.split('<link rel="')[1:] if part.startswith(("prev", "next"))]]
        if found != expected:
            problems.append(f"{page}: rel links {found}, not {expected}")
    if problems:
        fail(problems)
