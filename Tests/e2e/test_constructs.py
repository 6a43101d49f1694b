"""Browser checks of admonitions and content tabs in other generators'
spellings, on the constructs fixture (Tests/Fixtures/sites/constructs: a
page per syntax family), built with the shipped theme by run.sh:

  SITEGEN_E2E_CONSTRUCTS   the constructs fixture built (served over HTTP)

axe-core on every page in the light and the dark colour scheme at a phone's
and a desktop's width; tabs with the keyboard (arrow keys, Home, End, one tab
stop per group), a label chosen in one group chosen in every group with it,
on the page and on the next page (localStorage); without JavaScript every tab
is a labelled section, all shown; collapsible callouts open and close with
the keyboard, with JavaScript on or off.
"""
import os

import pytest

from conftest import check_axe_in_scheme, in_scheme
from test_site import PREFIX, SiteServer, axe_source, browser  # noqa: F401 (fixtures)

CONSTRUCTS = os.environ.get("SITEGEN_E2E_CONSTRUCTS")
if not CONSTRUCTS:
    pytest.skip("SITEGEN_E2E_CONSTRUCTS is not set: Tests/e2e/run.sh builds the constructs fixture when it checks the shipped site",
                allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

PAGES = ["en/index.html", "en/github/index.html", "en/mkdocs/index.html", "en/pymdownx/index.html",
         "en/docusaurus/index.html", "nl/index.html"]


@pytest.fixture(scope="module")
def server():
    site = SiteServer(CONSTRUCTS, PREFIX)
    yield site
    site.stop()


def open_page(driver, server, page, scheme="light"):
    in_scheme(driver, scheme)
    driver.get(server.page_url(page))


def fresh(driver, server, page):
    """The page, with no tab choice remembered from an earlier test."""
    open_page(driver, server, page)
    driver.execute_script("localStorage.clear()")
    driver.get(server.page_url(page))


def selected_labels(driver):
    """Per tab group of the page, the label of its selected tab."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.tabs')).map(function (group) {"
        "  var tab = group.querySelector(':scope > [role=tablist] > [aria-selected=true]');"
        "  return tab ? tab.textContent.trim() : null; });")


def visible_panels(driver, group):
    return [panel.get_attribute("id") for panel in group.find_elements(By.CSS_SELECTOR, ":scope > .tab-panel")
            if panel.is_displayed()]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("page", PAGES)
def test_axe(browser, server, axe_source, page, width, scheme):
    # Every collapsed callout opened, so axe sees their content too.
    check_axe_in_scheme(browser(width, True), axe_source, server.page_url(page), page, width, scheme,
                        lambda driver: driver.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })"))


def test_tabs_with_the_keyboard(browser, server):
    driver = browser(1280, True)
    fresh(driver, server, "en/mkdocs/index.html")
    group = driver.find_elements(By.CSS_SELECTOR, "main .tabs")[0]
    tabs = group.find_elements(By.CSS_SELECTOR, ":scope > [role=tablist] > [role=tab]")
    assert [tab.text for tab in tabs] == ["Python", "Shell", "Steps"]
    # One tab stop per group: the selected tab, at first the author's (`===+ "Shell"`).
    assert [tab.get_attribute("tabindex") for tab in tabs] == ["-1", "0", "-1"]
    assert visible_panels(driver, group) == ["tab-1-2"]
    panel = driver.find_element(By.ID, "tab-1-1")
    assert panel.get_attribute("role") == "tabpanel"
    assert panel.get_attribute("aria-labelledby") == tabs[0].get_attribute("id")
    assert tabs[0].get_attribute("aria-controls") == "tab-1-1"

    tabs[0].click()
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert driver.switch_to.active_element == tabs[1]
    assert tabs[1].get_attribute("aria-selected") == "true" and tabs[0].get_attribute("aria-selected") == "false"
    assert visible_panels(driver, group) == ["tab-1-2"]
    driver.switch_to.active_element.send_keys(Keys.END)
    assert driver.switch_to.active_element == tabs[2] and visible_panels(driver, group) == ["tab-1-3"]
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert driver.switch_to.active_element == tabs[0], "the right arrow on the last tab goes to the first"
    driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    assert driver.switch_to.active_element == tabs[2], "the left arrow on the first tab goes to the last"
    driver.switch_to.active_element.send_keys(Keys.HOME)
    assert driver.switch_to.active_element == tabs[0] and visible_panels(driver, group) == ["tab-1-1"]
    # Tab leaves the tab list for the panel.
    driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("id") == "tab-1-1"


def test_a_chosen_label_is_chosen_everywhere_and_remembered(browser, server):
    driver = browser(1280, True)
    fresh(driver, server, "en/mkdocs/index.html")
    # The author's `===+` in the first group; the first tab in the second.
    assert selected_labels(driver)[:2] == ["Shell", "Python"]
    shell = driver.find_elements(By.CSS_SELECTOR, "main .tabs")[0].find_elements(By.CSS_SELECTOR, "[role=tab]")[1]
    shell.click()
    assert selected_labels(driver)[:2] == ["Shell", "Shell"], "the second group follows the first"
    # Another page with the same labels opens on the reader's choice; a
    # group without it on its author's (`select: true`).
    driver.get(server.page_url("en/pymdownx/index.html"))
    assert selected_labels(driver) == ["Shell", "macOS"]
    # And this page too, when it is opened again.
    driver.get(server.page_url("en/mkdocs/index.html"))
    assert selected_labels(driver)[:2] == ["Shell", "Shell"]


def test_nested_tabs(browser, server):
    driver = browser(1280, True)
    fresh(driver, server, "en/mkdocs/index.html")
    groups = driver.find_elements(By.CSS_SELECTOR, "main .tabs")
    assert len(groups) == 3
    outer, inner = groups[1], groups[2]
    outer.find_elements(By.CSS_SELECTOR, ":scope > [role=tablist] > [role=tab]")[1].click()
    assert inner.is_displayed()
    inner_tabs = inner.find_elements(By.CSS_SELECTOR, ":scope > [role=tablist] > [role=tab]")
    assert [tab.text for tab in inner_tabs] == ["Bash", "Zsh"]
    inner_tabs[1].click()
    assert visible_panels(driver, inner) == ["tab-3-2"]
    assert len(visible_panels(driver, outer)) == 1


def test_tabs_without_javascript_are_labelled_sections(browser, server):
    driver = browser(1280, False)
    open_page(driver, server, "en/mkdocs/index.html")
    assert driver.find_elements(By.CSS_SELECTOR, "[role=tablist], [role=tab]") == []
    panels = driver.find_elements(By.CSS_SELECTOR, "main .tab-panel")
    assert len(panels) == 7
    for panel in panels:
        assert panel.get_attribute("role") == "group"
        label = driver.find_element(By.ID, panel.get_attribute("aria-labelledby"))
        assert label.is_displayed() and label.text
    # All shown, one after another (nested ones too).
    assert all(panel.is_displayed() for panel in panels)
    assert [label.text for label in driver.find_elements(By.CSS_SELECTOR, "main .tab-label")][:3] == ["Python", "Shell", "Steps"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_collapsible_callouts(browser, server, javascript):
    driver = browser(1280, javascript)
    open_page(driver, server, "en/mkdocs/index.html")
    collapsed = driver.find_element(By.CSS_SELECTOR, "details.callout:not([open])")
    summary = collapsed.find_element(By.CSS_SELECTOR, ":scope > summary")
    assert summary.text == "Collapsed at first"
    body = collapsed.find_element(By.CSS_SELECTOR, ":scope > p")
    assert not body.is_displayed()
    # Reach the summary with the keyboard and open it with Enter, close it with Space.
    driver.execute_script("arguments[0].focus()", summary)
    assert driver.switch_to.active_element == summary
    summary.send_keys(Keys.ENTER)
    assert body.is_displayed() and collapsed.get_attribute("open") is not None
    summary.send_keys(Keys.SPACE)
    assert not body.is_displayed()
    opened = driver.find_element(By.CSS_SELECTOR, "details.callout[open]")
    assert opened.find_element(By.CSS_SELECTOR, ":scope > summary").text == "Open at first"
    assert opened.find_element(By.CSS_SELECTOR, ":scope > p").is_displayed()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_pymdownx_options_are_read_not_shown(browser, server, javascript):
    driver = browser(1280, javascript)
    open_page(driver, server, "en/pymdownx/index.html")
    content = driver.find_element(By.CSS_SELECTOR, "main .content").text
    for option in ("open: true", "type: warning", "attrs:", "new: true\n", "select: true\n"):
        assert option not in content
    # open: true, type: warning, attrs: {class, id}.
    details = driver.find_element(By.ID, "open-details")
    assert details.tag_name == "details" and details.get_attribute("open") is not None
    assert "callout-warning" in details.get_attribute("class").split() and "checked" in details.get_attribute("class").split()
    assert details.find_element(By.CSS_SELECTOR, ":scope > p").is_displayed()
    link = driver.find_element(By.CSS_SELECTOR, "main a[href='#open-details']")
    assert link.text == "open at first"
    if javascript:
        # select: true is shown first in its group (new: true made it one).
        assert selected_labels(driver)[1] == "macOS"


@pytest.mark.parametrize("width", [360, 1280])
def test_inline_end_admonition_is_a_side_note_where_there_is_room(browser, server, width):
    driver = browser(width, True)
    open_page(driver, server, "en/mkdocs/index.html")
    side = driver.find_element(By.CSS_SELECTOR, ".callout.inline.end")
    column = driver.find_element(By.CSS_SELECTOR, "main .content")
    right_edge = column.location["x"] + column.size["width"]
    assert abs(side.location["x"] + side.size["width"] - right_edge) <= 1
    following = driver.find_elements(By.CSS_SELECTOR, "main .content .callout")[1]
    if width >= 768:
        # Beside the next callout, which narrows instead of running under it.
        assert side.size["width"] < column.size["width"] / 2
        assert following.location["y"] < side.location["y"] + side.size["height"]
        assert following.location["x"] + following.size["width"] <= side.location["x"]
    else:
        assert side.size["width"] == column.size["width"]
        assert following.location["y"] >= side.location["y"] + side.size["height"]
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_vitepress_code_group_is_tabs_of_code(browser, server, javascript):
    driver = browser(1280, javascript)
    fresh(driver, server, "en/docusaurus/index.html")
    group = driver.find_element(By.CSS_SELECTOR, "main .tabs")
    panels = group.find_elements(By.CSS_SELECTOR, ":scope > .tab-panel")
    assert [panel.find_element(By.CSS_SELECTOR, "pre code").get_attribute("class") for panel in panels] == ["language-js", "language-ts"]
    if javascript:
        tabs = group.find_elements(By.CSS_SELECTOR, ":scope > [role=tablist] > [role=tab]")
        assert [tab.text for tab in tabs] == ["config.js", "config.ts"]
        assert visible_panels(driver, group) == ["tab-1-1"]
        tabs[1].click()
        assert visible_panels(driver, group) == ["tab-1-2"]
    else:
        assert [label.text for label in group.find_elements(By.CSS_SELECTOR, ".tab-label")] == ["config.js", "config.ts"]
        assert all(panel.is_displayed() for panel in panels)
