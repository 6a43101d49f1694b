"""Browser and HTML checks of the site `sitegen init` makes, built by the
one-file binary (scripts/check-binary.sh: copied alone into an empty folder,
run with an empty environment) with the built-in theme.

  SITEGEN_E2E_INIT   that site, built (Tests/e2e/run.sh sets it)

plus the variables of test_site.py. Every page: its links resolve, no inline
script or style; the pages init writes: axe-core at 360 and 1280 px finds nothing. (The Nu HTML
checker runs on it in run.sh.)
"""
import os

import pytest

from test_site import (  # noqa: F401 (fixtures)
    SiteServer, axe_source, browser, check_axe, check_links, fail, html_pages, parse_file,
)

INIT = os.environ.get("SITEGEN_E2E_INIT")
if not INIT:
    pytest.skip("SITEGEN_E2E_INIT is not set: Tests/e2e/run.sh builds it", allow_module_level=True)

PAGES = html_pages(INIT)
WIDTHS = (1280, 360)
# axe on the pages init writes; the language chooser and 404.html are the
# same templates as the shipped site's, which test_site.py checks.
AXE_PAGES = ["en/index.html", "en/example/index.html", "nl/index.html", "nl/example/index.html"]


@pytest.fixture(scope="session")
def init_server():
    # Served from the root: its 404.html links from / (it has no baseURL).
    server = SiteServer(INIT, "/")
    yield server
    server.stop()


def test_init_site_has_its_pages():
    for page in ("index.html", "404.html", "en/index.html", "en/example/index.html",
                 "nl/index.html", "nl/example/index.html"):
        assert page in PAGES, page


@pytest.mark.parametrize("page", PAGES)
def test_links_resolve_and_nothing_inline(init_server, page):
    info = parse_file(os.path.join(INIT, page))
    problems = check_links(page, info, init_server.page_url(page), init_server)
    problems += [f"{page}: {problem}" for problem in info.inline]
    if problems:
        fail(problems, "problem")


@pytest.mark.parametrize(
    "width,page", [(w, p) for w in WIDTHS for p in AXE_PAGES], ids=[f"{w}px-{p}" for w in WIDTHS for p in AXE_PAGES]
)
def test_axe(browser, init_server, axe_source, width, page):
    driver = browser(width, True)
    driver.get(init_server.page_url(page))
    check_axe(driver, axe_source, page, width)
