"""Browser checks of highlighted code blocks, on the code fixture
(Tests/Fixtures/sites/code: a block in each of the 25 languages, the fence
options, a list and a callout), built with the shipped theme by run.sh:

  SITEGEN_E2E_CODE   the code fixture built (served over HTTP)

axe-core (colour contrast of every token) in the light and the dark colour
scheme at a phone's and a desktop's width; the copy button used with the
keyboard, what it copies and what it announces (JavaScript on), that on a
touch screen it covers no code, and no button at all with JavaScript off.
"""
import os

import pytest

from test_site import PREFIX, SiteServer, axe_source, browser, check_axe  # noqa: F401 (fixtures)

CODE = os.environ.get("SITEGEN_E2E_CODE")
if not CODE:
    pytest.skip("SITEGEN_E2E_CODE is not set: Tests/e2e/run.sh builds the code fixture when it checks the shipped site",
                allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PAGE = "en/index.html"
# What the copy stub records instead of writing to the system clipboard
# (headless Chromium has none to read back).
STUB = """
window.__copied = [];
Object.defineProperty(navigator.clipboard, 'writeText', {configurable: true, value: function (text) {
  window.__copied.push(text); return Promise.resolve();
}});
"""


@pytest.fixture(scope="module")
def code_server():
    server = SiteServer(CODE, PREFIX)
    yield server
    server.stop()


def open_page(driver, server, scheme="light"):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(server.page_url(PAGE))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_on_a_page_full_of_code(browser, code_server, axe_source, width, scheme):
    driver = browser(width, True)
    try:
        open_page(driver, code_server, scheme)
        assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
        assert len(driver.find_elements(By.CSS_SELECTOR, "pre.highlight span.k")) > 20
        check_axe(driver, axe_source, f"{PAGE} ({scheme})", width)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def press_copy(driver, pre_selector, key):
    """Tabs from the block's last focusable element before it to its copy
    button, as a keyboard user would, and presses key on it."""
    button = driver.find_element(By.CSS_SELECTOR, pre_selector).find_element(
        By.XPATH, "./following-sibling::button[@class='code-copy']")
    driver.execute_script("arguments[0].previousElementSibling.setAttribute('tabindex', '-1');"
                          "arguments[0].previousElementSibling.focus();", button)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == button, "Tab does not reach the copy button"
    button.send_keys(key)
    return button


def test_copy_button_with_the_keyboard(browser, code_server):
    driver = browser(1280, True)
    open_page(driver, code_server)
    blocks = driver.find_elements(By.CSS_SELECTOR, "main pre > code")
    buttons = driver.find_elements(By.CSS_SELECTOR, "main .code-copy-wrap > button.code-copy")
    assert len(buttons) == len(blocks) > 30
    assert {b.text for b in buttons} == {"Copy"}
    driver.execute_script(STUB)
    status = driver.find_element(By.CSS_SELECTOR, "[role=status]")
    assert status.text == ""

    # A console block: the commands, without prompts or output.
    press_copy(driver, "pre:has(> code.language-console)", Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.__copied.length") == 1)
    assert driver.execute_script("return window.__copied[0]") == 'sitegen build --output _site\necho "done" # finished'
    WebDriverWait(driver, 5).until(lambda d: status.get_attribute("textContent") == "Copied to the clipboard")
    # Seen as well as heard: the button says so, then returns to "Copy".
    button = driver.find_element(By.CSS_SELECTOR, "pre:has(> code.language-console) + button.code-copy")
    assert button.get_attribute("textContent") == "Copied to the clipboard" and button.value_of_css_property("opacity") == "1"
    WebDriverWait(driver, 5).until(lambda d: button.get_attribute("textContent") == "Copy")

    # Line numbers and marked lines: the code alone.
    press_copy(driver, "pre:has(> code.linenos)", Keys.SPACE)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.__copied.length") == 2)
    assert driver.execute_script("return window.__copied[1]") == "title:\n  en: Docs\nmarkdown:\n  highlight: true\n  rawHTML: drop"


def test_copy_button_covers_no_code_on_a_touch_screen(browser, code_server):
    """On a touch screen the button always shows: the code starts below it,
    so it covers no line of its block, however far a long one scrolls."""
    driver = browser(360, True)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    try:
        open_page(driver, code_server)
        assert driver.execute_script("return matchMedia('(hover: none)').matches")
        covered = driver.execute_script("""
          return Array.from(document.querySelectorAll('main .code-copy-wrap')).filter(function (wrap) {
            var button = wrap.querySelector('button.code-copy').getBoundingClientRect();
            var range = document.createRange();
            range.selectNodeContents(wrap.querySelector('pre > code'));
            var line = Array.from(range.getClientRects()).find(function (rect) { return rect.width > 0; });
            return button.width === 0 || !line || button.bottom > line.top;
          }).map(function (wrap) { return wrap.querySelector('code').className; });""")
        assert covered == [], f"the copy button covers the first line of: {covered}"
    finally:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_prompts_and_line_numbers_are_not_selected(browser, code_server):
    driver = browser(1280, True)
    open_page(driver, code_server)
    selected = driver.execute_script(
        "var code = document.querySelector('code.linenos');"
        "var range = document.createRange(); range.selectNodeContents(code);"
        "var selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);"
        "var text = selection.toString(); selection.removeAllRanges(); return text;")
    assert selected.startswith("title:"), selected[:40]
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('.gp')).userSelect") == "none"


def test_no_copy_button_without_javascript(browser, code_server):
    driver = browser(1280, False)
    open_page(driver, code_server)
    assert len(driver.find_elements(By.CSS_SELECTOR, "main pre > code")) > 30
    assert driver.find_elements(By.CSS_SELECTOR, "button, .code-copy, [role=status]") == []
