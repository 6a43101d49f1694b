"""Browser checks of the notice on an English page whose Dutch original changed.

Run through Tests/e2e/run.sh (see test_site.py for the environment). run.sh
builds SITEGEN_E2E_SITE_OUTDATED from a copy of the site with a paragraph
added to content/nl/handleiding-a.md, so the English guide A (translationOf
no longer matches) must show, right under its h1, the note from
templates/page.mustache that links to the Dutch original. Checked: with
JavaScript on and off, the one notice, where it is and its link; axe-core on
that page at every width; and no such notice on any other page of that build
or on any page of the site as it is (all its translations are current).
"""

import os
import pathlib
import urllib.parse

import pytest

from test_site import (  # noqa: F401 (browser, servers and axe_source are fixtures)
    PAGES,
    PREFIX,
    SITE,
    WIDTHS,
    Elements,
    SiteServer,
    axe_source,
    browser,
    check_axe,
    fail,
    fetch,
    follow,
    html_pages,
    servers,
)

if not SITE:
    pytest.skip(
        "SITEGEN_E2E_SITE is not set: run Tests/e2e/run.sh [SITE_DIR], which builds the site first",
        allow_module_level=True,
    )

from selenium.webdriver.common.by import By  # noqa: E402 (after the skip: selenium may be missing then)

SITE_OUTDATED = os.environ.get("SITEGEN_E2E_SITE_OUTDATED")
OUTDATED_PAGE = "en/guide-a/index.html"  # its original, content/nl/handleiding-a.md, was changed by run.sh
ORIGINAL = "nl/handleiding-a/"  # where the notice must link to, inside the served folder
NOTICE = "p.notice[role=note]"
# Any trace of the notice, also one that lost its role: a link to another language in a notice.
NOTICE_TRACES = f"{NOTICE}, .notice a[hreflang]"
OUTDATED_PAGES = html_pages(SITE_OUTDATED)


@pytest.fixture(scope="session")
def outdated_server():
    if not SITE_OUTDATED:
        pytest.skip("SITEGEN_E2E_SITE_OUTDATED is not set (run.sh builds it only for a site with content/nl/handleiding-a.md)")
    server = SiteServer(SITE_OUTDATED, PREFIX)
    yield server
    server.stop()


def open_outdated_page(driver, server, where):
    """Open the outdated English guide A; fail unless it shows exactly one notice, and return it."""
    url = server.page_url(OUTDATED_PAGE)
    driver.get(url)
    notices = driver.find_elements(By.CSS_SELECTOR, NOTICE)
    if len(notices) != 1:
        status = fetch(url)[0]
        found = [f"  found: {n.get_attribute('outerHTML')}" for n in notices]
        fail([f"{where}: {len(notices)} '{NOTICE}' elements at {url} (HTTP {status}), expected exactly 1"] + found)
    return notices[0]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_outdated_translation_notice(browser, outdated_server, javascript):
    driver = browser(1280, javascript)
    where = f"{OUTDATED_PAGE} of the outdated build ({'JavaScript on' if javascript else 'JavaScript off'})"
    notice = open_outdated_page(driver, outdated_server, where)
    page_url = driver.current_url
    problems = []
    headings = driver.find_elements(By.TAG_NAME, "h1")
    if len(headings) != 1:
        problems.append(f"{where}: {len(headings)} h1 elements, expected 1")
    elif driver.execute_script("return arguments[0].nextElementSibling", headings[0]) != notice:
        problems.append(f"{where}: the notice is not the element right after the h1")
    if not notice.is_displayed():
        problems.append(f"{where}: the notice is not displayed")
    links = notice.find_elements(By.TAG_NAME, "a")
    if len(links) != 1:
        fail(problems + [f"{where}: {len(links)} links in the notice, expected 1: {notice.get_attribute('outerHTML')}"])
    link = links[0]
    href = link.get_dom_attribute("href") or ""
    target = urllib.parse.urljoin(page_url, href)
    expected = outdated_server.url + ORIGINAL
    title = link.text.strip()
    where_link = f'{where}: notice link href="{href}"'
    if target != expected:
        problems.append(f"{where_link} resolves to {target}, expected {expected}")
    for attribute in ("hreflang", "lang"):
        if link.get_dom_attribute(attribute) != "nl":
            problems.append(f'{where_link}: {attribute}="{link.get_dom_attribute(attribute)}", expected "nl"')
    if not title:
        problems.append(f"{where_link}: no link text")
    status = fetch(urllib.parse.urldefrag(target)[0])[0]
    if status != 200:
        problems.append(f"{where_link}: {target} answers HTTP {status}")
    else:
        follow(driver, link)
        landed = driver.current_url
        lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
        heading = driver.find_element(By.TAG_NAME, "h1").text.strip()
        if landed != expected:
            problems.append(f"{where_link}: clicked, led to {landed}, expected {expected}")
        if lang != "nl":
            problems.append(f"{where_link}: clicked, led to {landed} whose <html lang> is {lang!r}")
        if heading != title:
            problems.append(f"{where_link}: the link says {title!r}, the page it leads to is {heading!r}")
    if problems:
        fail(problems, "translation notice problem")


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_outdated_translation_notice_axe(browser, outdated_server, axe_source, width):
    driver = browser(width, True)
    where = f"{OUTDATED_PAGE} of the outdated build"
    notice = open_outdated_page(driver, outdated_server, f"{where} @ {width}px")
    if not notice.is_displayed():
        fail([f"{where} @ {width}px: the notice is not displayed"])
    check_axe(driver, axe_source, where, width)


def test_no_translation_notice_on_current_pages():
    """Every page of the site is current (so is every page of the outdated
    build but one). The notice is static HTML, so the built files are read
    (one browser load a page took 45 s of the run); the tests above show it
    in Chromium."""
    problems = []
    for build, root, pages in (("site", SITE, PAGES), ("outdated build", SITE_OUTDATED, OUTDATED_PAGES)):
        for page in pages:
            if build != "site" and page == OUTDATED_PAGE:
                continue
            text = pathlib.Path(root, page).read_text(encoding="utf-8", errors="replace")
            found = Elements(text).select(NOTICE_TRACES)
            if found:
                note = " (run sitegen translations: a translation of the site is outdated)" if build == "site" else ""
                problems += [f"{page} of the {build}: an outdated-translation notice{note}"]
                problems += [f"  an element with {element}" for element in found]
    if problems:
        fail(problems, "unexpected notice")
