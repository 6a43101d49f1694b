"""The built-in theme's UI strings in Chromium.

  SITEGEN_E2E_STRINGS   Tests/Fixtures/sites/strings built with the built-in
                        theme (Tests/e2e/run.sh sets it): Finnish, which the
                        theme has no strings for, and Polish

A text English stands in for is marked lang="en" (axe-core finds nothing on
the page at 360 and 1280 px); a Polish search count takes its plural form.
"""
import os

import pytest
from selenium.webdriver.common.by import By

from test_site import PREFIX, SiteServer, axe_source, browser, check_axe  # noqa: F401 (fixtures)
from test_search import search

STRINGS = os.environ.get("SITEGEN_E2E_STRINGS")
if not STRINGS:
    pytest.skip("SITEGEN_E2E_STRINGS is not set: Tests/e2e/run.sh builds it", allow_module_level=True)


@pytest.fixture(scope="module")
def server():
    running = SiteServer(STRINGS, PREFIX)
    yield running
    running.stop()


def test_english_stand_ins_are_marked_english(browser, server):
    driver = browser(1280, True)
    driver.get(server.page_url("fi/index.html"))
    skip = driver.find_element(By.CSS_SELECTOR, "a.skip-link span")
    assert (skip.get_attribute("lang"), skip.get_attribute("dir")) == ("en", "ltr")
    # The page's own words stay Finnish.
    assert driver.find_element(By.TAG_NAME, "h1").get_attribute("lang") in (None, "")
    marked = driver.execute_script(
        "return [...document.querySelectorAll('span[lang=en]')].map(s => s.textContent)")
    assert "Skip to content" in marked and "Made with sitegen." in marked, marked


@pytest.mark.parametrize("width", (1280, 360))
def test_axe_on_a_page_with_english_stand_ins(browser, server, axe_source, width):
    driver = browser(width, True)
    driver.get(server.page_url("fi/index.html"))
    check_axe(driver, axe_source, "fi/index.html", width)


def test_a_polish_count_takes_its_plural_form(browser, server):
    driver = browser(1280, True)
    results = search(driver, server, "pl", "wiatrak")
    assert len(results) == 3, results
    # 2-4 take 'strony' (few), 5-21 'stron' (many): never the general form.
    assert driver.find_element(By.ID, "search-status").text == "Znaleziono 3 strony"
