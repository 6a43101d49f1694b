"""Browser checks of the shortcodes fixture (Tests/Fixtures/sites/shortcodes:
Hugo shortcodes, pymdownx snippets, code includes and images), built with
the built-in theme by run.sh:

  SITEGEN_E2E_SHORTCODES   the fixture built (served over HTTP)

axe-core on each page in the light and the dark colour scheme at a phone's
and a desktop's width; images never wider than the column, their place
reserved before they load, all but the first loaded lazily.
"""
import os

import pytest

from conftest import check_axe_in_scheme, in_scheme
from test_site import PREFIX, SiteServer, axe_source, browser  # noqa: F401 (fixtures)

SHORTCODES = os.environ.get("SITEGEN_E2E_SHORTCODES")
if not SHORTCODES:
    pytest.skip("SITEGEN_E2E_SHORTCODES is not set: Tests/e2e/run.sh builds the shortcodes fixture when it checks the shipped site",
                allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

PAGES = ["en/index.html", "en/guide/index.html"]


@pytest.fixture(scope="module")
def shortcodes_server():
    server = SiteServer(SHORTCODES, PREFIX)
    yield server
    server.stop()


def open_page(driver, server, page, scheme="light"):
    in_scheme(driver, scheme)
    driver.get(server.page_url(page))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("page", PAGES)
def test_axe_on_shortcode_pages(browser, shortcodes_server, axe_source, page, width, scheme):
    check_axe_in_scheme(browser(width, True), axe_source, shortcodes_server.page_url(page), page, width, scheme)


@pytest.mark.parametrize("width", [360, 1280])
def test_images_fit_the_column_and_keep_their_place(browser, shortcodes_server, width):
    driver = browser(width, True)
    open_page(driver, shortcodes_server, "en/guide/index.html")
    # The page never scrolls sideways, whatever the width of an image.
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    images = driver.find_elements(By.CSS_SELECTOR, "main .content img")
    assert len(images) == 4
    column = driver.execute_script("return document.querySelector('main .content').clientWidth")
    for image in images:
        assert image.get_attribute("width") and image.get_attribute("height"), image.get_attribute("src")
        assert image.size["width"] <= column
        # Shrunk in proportion (the wide banner on a phone).
        ratio = int(image.get_attribute("width")) / int(image.get_attribute("height"))
        assert abs(image.size["width"] / image.size["height"] - ratio) < 0.05
    assert [image.get_dom_attribute("loading") for image in images] == [None, "lazy", "lazy", "lazy"]
    caption = driver.find_element(By.CSS_SELECTOR, "main figure figcaption")
    assert caption.text == "The banner shrinks to the column"


@pytest.mark.parametrize("width", [360, 1280])
def test_shortcode_callouts_show_their_kinds_icon(browser, shortcodes_server, width):
    # {{< alert >}}, {{< callout >}} and Relearn's {{% notice %}} look like
    # Markdown callouts: the kind's icon before the title, hidden from
    # screen readers (the title says the kind in words).
    driver = browser(width, True)
    open_page(driver, shortcodes_server, "en/index.html")
    callouts = driver.find_elements(By.CSS_SELECTOR, "main .callout")
    assert len(callouts) == 5
    for callout in callouts:
        icon = callout.find_element(By.CSS_SELECTOR, ".callout-title > svg.callout-icon:first-child")
        assert icon.get_attribute("aria-hidden") == "true"
        assert icon.size["width"] > 0 and icon.size["height"] > 0
        # On the title's line, not above it.
        title = callout.find_element(By.CSS_SELECTOR, ".callout-title")
        assert icon.location["y"] < title.location["y"] + title.size["height"]
    kinds = [callout.get_attribute("class").split()[1] for callout in callouts]
    assert kinds == ["callout-warning", "callout-note", "callout-tip", "callout-important", "callout-caution"]
