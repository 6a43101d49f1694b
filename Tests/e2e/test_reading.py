"""Browser checks of the reading aids and the colour scheme chooser, on the
shipped site's guide A (long, with sections and subsections) and the docs
and reflow fixtures (run.sh builds them when it checks the shipped site):

- the colour scheme: without a choice the system's (also with JavaScript
  off); a choice made with the keyboard in the header's chooser is applied,
  remembered across pages, and set before the first paint (no flash);
- "On this page": a column that stays in view at 1280 px, open, marking the
  section being read (aria-current) as the reader scrolls; collapsed above
  the text at 360 px;
- a link on each heading, named, shown on focus, leading to the heading;
- back to top;
- axe (WCAG 2.2 AA) at 360 and 1280 px, in the light and the dark scheme.
"""
import os

import pytest

from test_site import PREFIX, SITE, SiteServer, axe_source, check_axe, fail, start_browser  # noqa: F401 (fixtures)

GUIDE = "en/guide-a/index.html"
if not SITE or not os.path.isfile(os.path.join(SITE, GUIDE)):
    pytest.skip(f"no {GUIDE} in SITEGEN_E2E_SITE: these checks read the shipped site's guide A", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

DARK_BACKGROUND = "rgb(20, 23, 27)"
LIGHT_BACKGROUND = "rgb(255, 255, 255)"
# Runs before any script of each new document: the first animation frame's
# callback runs before the first paint, and records the scheme then.
FIRST_FRAME = """
window.__firstFrame = null;
requestAnimationFrame(function () {
  window.__firstFrame = {
    scheme: document.documentElement.getAttribute('data-scheme'),
    background: document.body ? getComputedStyle(document.body).backgroundColor : null,
  };
});
"""


@pytest.fixture(scope="module")
def server():
    server = SiteServer(SITE, PREFIX)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def drivers():
    """Browsers of their own: these tests change the emulated system scheme."""
    made = {}

    def get(width, javascript=True):
        if (width, javascript) not in made:
            made[(width, javascript)] = start_browser(width, javascript)
        return made[(width, javascript)]

    yield get
    for driver in made.values():
        driver.quit()


def system_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def choose_with_keyboard(driver, scheme):
    """Tab to the chooser and pick a scheme with the arrow keys."""
    select = driver.find_element(By.ID, "scheme-select")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.HOME)
    for _ in range(40):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element == select:
            break
    else:
        fail(["the keyboard never reaches the colour scheme chooser"])
    order = ["auto", "light", "dark"]
    current = order.index(select.get_attribute("value"))
    key = Keys.ARROW_DOWN if order.index(scheme) > current else Keys.ARROW_UP
    for _ in range(abs(order.index(scheme) - current)):
        select.send_keys(key)
    WebDriverWait(driver, 5).until(lambda d: select.get_attribute("value") == scheme)


def test_colour_scheme_follows_the_system_then_the_reader(drivers, server):
    driver = drivers(1280)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_FRAME})
    problems = []
    system_scheme(driver, "dark")
    driver.get(server.page_url(GUIDE))
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    if background(driver) != DARK_BACKGROUND or driver.find_element(By.ID, "scheme-select").get_attribute("value") != "auto":
        problems.append("without a choice, a dark system does not give the dark scheme and 'auto'")

    choose_with_keyboard(driver, "light")
    if background(driver) != LIGHT_BACKGROUND:
        problems.append(f"choosing light leaves the background {background(driver)}")
    if driver.execute_script("return localStorage.getItem('sitegen-scheme')") != "light":
        problems.append("the choice of light is not remembered")

    # Another page: light from its first frame, though the system is dark.
    driver.get(server.page_url("en/guide-b/index.html"))
    first = driver.execute_script("return window.__firstFrame")
    if not first or first["scheme"] != "light":
        problems.append(f"on the next page the first frame is painted with data-scheme {first and first['scheme']!r}, not 'light'")
    if first and first["background"] not in (None, LIGHT_BACKGROUND):
        problems.append(f"on the next page the first frame's background is {first['background']}")
    if driver.find_element(By.ID, "scheme-select").get_attribute("value") != "light":
        problems.append("the chooser on the next page does not show the remembered 'light'")

    choose_with_keyboard(driver, "dark")
    system_scheme(driver, "light")
    driver.refresh()
    if background(driver) != DARK_BACKGROUND:
        problems.append("dark, chosen, does not win over a light system")
    choose_with_keyboard(driver, "auto")
    if background(driver) != LIGHT_BACKGROUND or driver.execute_script("return localStorage.getItem('sitegen-scheme')"):
        problems.append("back to 'auto', the system's light scheme does not return, or a choice stays stored")
    system_scheme(driver, "")
    if problems:
        fail(problems)


def test_without_javascript_the_system_scheme_rules(drivers, server):
    driver = drivers(1280, False)
    system_scheme(driver, "dark")
    driver.get(server.page_url(GUIDE))
    assert background(driver) == DARK_BACKGROUND
    assert not driver.find_elements(By.ID, "scheme-select"), "a chooser that cannot work is shown without JavaScript"
    system_scheme(driver, "")


def test_on_this_page_stays_in_view_and_marks_the_section(drivers, server):
    driver = drivers(1280)
    driver.get(server.page_url(GUIDE))
    toc = driver.find_element(By.CSS_SELECTOR, "nav.toc")
    content = driver.find_element(By.CSS_SELECTOR, ".content")
    problems = []
    if not driver.execute_script("return arguments[0].querySelector('details').open", toc):
        problems.append("'On this page' is closed in its column")
    if toc.rect["x"] < content.rect["x"] + content.rect["width"]:
        problems.append("'On this page' is not in a column to the right of the text")
    if driver.find_elements(By.CSS_SELECTOR, "nav.toc ol"):
        problems.append("'On this page' is a numbered list")
    links = toc.find_elements(By.CSS_SELECTOR, "a[href^='#']")
    # Scroll to each section in turn, the last one first.
    for link in [links[-1], links[len(links) // 2], links[1]]:
        target = link.get_attribute("href").split("#", 1)[1]
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", target)
        try:
            WebDriverWait(driver, 5).until(lambda d: link.get_attribute("aria-current") == "location")
        except Exception:
            current = [a.text for a in toc.find_elements(By.CSS_SELECTOR, "a[aria-current]")]
            problems.append(f"scrolled to #{target}, but the marked section is {current}")
        if len(toc.find_elements(By.CSS_SELECTOR, "a[aria-current]")) != 1:
            problems.append(f"at #{target} more or fewer than one section is marked")
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", toc)
        if not 0 <= top < 200:
            problems.append(f"at #{target} 'On this page' is out of view (top {top} px)")
    if problems:
        fail(problems)


def test_on_this_page_is_collapsed_above_the_text_on_a_phone(drivers, server):
    driver = drivers(360)
    driver.get(server.page_url(GUIDE))
    toc = driver.find_element(By.CSS_SELECTOR, "nav.toc")
    assert not driver.execute_script("return arguments[0].querySelector('details').open", toc)
    assert toc.rect["y"] < driver.find_element(By.CSS_SELECTOR, ".content").rect["y"]
    toc.find_element(By.TAG_NAME, "summary").click()
    assert toc.find_element(By.CSS_SELECTOR, "a[href^='#']").is_displayed()


def test_heading_links_and_back_to_top(drivers, server):
    driver = drivers(1280)
    driver.get(server.page_url(GUIDE))
    problems = []
    headings = driver.find_elements(By.CSS_SELECTOR, ".content h2[id], .content h3[id]")
    for heading in headings:
        links = heading.find_elements(By.CSS_SELECTOR, "a.heading-link")
        if len(links) != 1:
            problems.append(f"#{heading.get_attribute('id')}: {len(links)} heading links")
            continue
        name = links[0].get_attribute("aria-label") or ""
        if links[0].get_attribute("href").split("#", 1)[1] != heading.get_attribute("id") or heading.text.rstrip("#").strip() not in name:
            problems.append(f"#{heading.get_attribute('id')}: link {links[0].get_attribute('href')} named {name!r}")
    link = headings[2].find_element(By.CSS_SELECTOR, "a.heading-link")
    hover = driver.execute_script("return matchMedia('(hover: hover)').matches")
    if hover and link.value_of_css_property("opacity") != "0":
        problems.append("a heading link shows without hover or focus")
    driver.execute_script("arguments[0].focus()", link)
    if link.value_of_css_property("opacity") != "1":
        problems.append("a focused heading link is not shown")
    link.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("#" + headings[2].get_attribute("id")))

    back = driver.find_element(By.CSS_SELECTOR, ".back-to-top a")
    driver.execute_script("arguments[0].scrollIntoView()", back)
    back.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.scrollY") < 200)
    if driver.switch_to.active_element.get_attribute("id") != "main":
        problems.append("back to top does not move the focus to the text's start")
    if problems:
        fail(problems)


AXE_PAGES = [("site", GUIDE), ("site", "en/index.html"), ("docs", "en/getting-started/index.html"),
             ("reflow", "ar/wide-table/index.html")]


def test_axe_light_and_dark(drivers, server, axe_source):
    sites = {"site": server}
    started = []
    for name, variable in (("docs", "SITEGEN_E2E_DOCS"), ("reflow", "SITEGEN_E2E_REFLOW")):
        if os.environ.get(variable):
            sites[name] = SiteServer(os.environ[variable], PREFIX)
            started.append(sites[name])
    problems = []
    try:
        for width in (360, 1280):
            driver = drivers(width)
            for scheme in ("light", "dark"):
                for name, page in AXE_PAGES:
                    if name not in sites:
                        continue
                    driver.get(sites[name].page_url(page))
                    driver.execute_script("localStorage.setItem('sitegen-scheme', arguments[0])", scheme)
                    driver.refresh()
                    try:
                        check_axe(driver, axe_source, f"{name}/{page} ({scheme})", width)
                    except pytest.fail.Exception as failure:
                        problems += str(failure).splitlines()[1:]
            driver.execute_script("localStorage.clear()")
    finally:
        for started_server in started:
            started_server.stop()
    if problems:
        fail(problems, "accessibility problem")


def test_print_has_no_controls_wraps_code_and_keeps_callout_borders(drivers, server):
    """In print media: no button or helper control shows, code wraps instead
    of being cut, callouts keep their border, links to other sites print
    their address, and the page is light whatever the reader chose."""
    driver = drivers(1280)
    problems = []
    pages = [(server, GUIDE)]
    code = os.environ.get("SITEGEN_E2E_CODE")
    code_server = SiteServer(code, PREFIX) if code else None
    if code_server:
        pages.append((code_server, "en/index.html"))
    try:
        for site, page in pages:
            driver.get(site.page_url(page))
            driver.execute_script("localStorage.setItem('sitegen-scheme', 'dark')")
            driver.refresh()
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            shown = driver.execute_script("""
              return [...document.querySelectorAll('button, select, input, .heading-link, .back-to-top, .toc, .site-header')]
                .filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80));""")
            problems += [f"{page}: printed: {html}" for html in shown]
            cut = driver.execute_script("""
              return [...document.querySelectorAll('pre')].filter((e) => e.scrollWidth > e.clientWidth + 1).length""")
            if cut:
                problems.append(f"{page}: {cut} code blocks are cut in print")
            borders = driver.execute_script("""
              return [...document.querySelectorAll('.callout')].map((e) => getComputedStyle(e).borderInlineStartWidth)""")
            if page == GUIDE and (not borders or any(width in ("0px", "") for width in borders)):
                problems.append(f"{page}: callouts print without their border: {borders}")
            if driver.execute_script("return getComputedStyle(document.body).backgroundColor") != LIGHT_BACKGROUND:
                problems.append(f"{page}: prints dark")
            external = driver.find_elements(By.CSS_SELECTOR, ".content a[href^='http']")
            if external and "(" not in driver.execute_script(
                    "return getComputedStyle(arguments[0], '::after').content", external[0]):
                problems.append(f"{page}: a link to another site prints without its address")
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            driver.execute_script("localStorage.clear()")
    finally:
        if code_server:
            code_server.stop()
    if problems:
        fail(problems)


def test_banner_is_dismissed_for_good_with_javascript_and_kept_without(drivers):
    """The reflow fixture's banner: shown; its button hides it, and on the
    next page it is hidden from the first frame; without JavaScript it stays."""
    reflow = os.environ.get("SITEGEN_E2E_REFLOW")
    if not reflow:
        pytest.skip("SITEGEN_E2E_REFLOW is not set")
    site = SiteServer(reflow, PREFIX)
    try:
        driver = drivers(360)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_FRAME.replace(
            "scheme: document.documentElement.getAttribute('data-scheme')",
            "banner: document.documentElement.hasAttribute('data-banner-hidden')")})
        driver.get(site.page_url("en/index.html"))
        driver.execute_script("localStorage.clear()")
        driver.refresh()
        banner = driver.find_element(By.CSS_SELECTOR, "aside.banner")
        assert banner.is_displayed()
        button = banner.find_element(By.CSS_SELECTOR, "button.banner-dismiss")
        button.send_keys(Keys.ENTER)
        assert not banner.is_displayed()
        driver.get(site.page_url("en/wide-table/index.html"))
        assert driver.execute_script("return window.__firstFrame.banner") is True, "the dismissed banner shows before the script hides it"
        assert not driver.find_element(By.CSS_SELECTOR, "aside.banner").is_displayed()
        driver.execute_script("localStorage.clear()")

        plain = drivers(360, False)
        plain.get(site.page_url("en/wide-table/index.html"))
        assert plain.find_element(By.CSS_SELECTOR, "aside.banner").is_displayed()
        assert not plain.find_elements(By.CSS_SELECTOR, "button.banner-dismiss")
    finally:
        site.stop()
