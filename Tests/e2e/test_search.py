"""Search (search: true): Pagefind's index per language, the search page and
the header's field, in headless Chromium.

Run through Tests/e2e/run.sh, which sets (besides test_site.py's variables):

  SITEGEN_E2E_SEARCH   Tests/Fixtures/sites/search built with the shipped theme:
                       two languages, a page missing in English (a fallback page)
  SITEGEN_E2E_SEARCH_EDITED  the same, rebuilt into one output after its word
                       'fietsenstalling' became 'windmolenpark' (and again unchanged)
  SITEGEN_E2E_LONG_SEARCH  a generated site of 2 x 450 pages with search: its
                       A-Z lists in two parts

Both the fixture and the shipped site are served from a sub-folder
(SITEGEN_E2E_PREFIX), so result links that only work at a server's root fail.
"""

import os
import pathlib
import urllib.parse
import urllib.request

import pytest

from test_site import (  # noqa: F401 (fixtures)
    AXE_JS, PREFIX, SITE, SITE_FILE_LINKS, SiteServer, axe_source, start_browser, browser, check_axe, fail, fetch, follow,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SEARCH_FIXTURE = os.environ.get("SITEGEN_E2E_SEARCH")

# Per site: a word only its Dutch pages have, one only its English pages have.
SITES = {
    "fixture": {"root": SEARCH_FIXTURE, "dutch": "fietsenstalling", "english": "bicycle"},
    "shipped": {"root": SITE, "dutch": "licenties", "english": "licences"},
    "edited": {"root": os.environ.get("SITEGEN_E2E_SEARCH_EDITED"), "dutch": "windmolenpark", "english": "bicycle"},
}


def searchable(name):
    root = SITES[name]["root"]
    if not root or not (pathlib.Path(root) / "pagefind" / "pagefind.js").is_file():
        pytest.skip(f"{name}: no site with a Pagefind index (search: true) was built")
    return root


@pytest.fixture(scope="module")
def served():
    running = {}

    def get(name):
        if name not in running:
            running[name] = SiteServer(searchable(name), PREFIX)
        return running[name]

    yield get
    for server in running.values():
        server.stop()


def search(driver, server, language, query):
    """Open the language's search page with ?q=query; the results' (href, title, text)."""
    driver.get(server.url + f"{language}/search/?q=" + urllib.parse.quote(query))
    return wait_for_results(driver)


def wait_for_results(driver):
    status = driver.find_element(By.ID, "search-status")
    loading = status.get_attribute("data-loading")
    WebDriverWait(driver, 20).until(lambda d: status.text.strip() and status.text.strip() != loading)
    # Without the query the address carries (?highlight=, for marking the words found).
    return [(a.get_attribute("href").split("?")[0], a.text, a.find_element(By.XPATH, "..").text)
            for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a.search-result-title")]


def found_in_own_language(name, results, language, word):
    """Problems unless the search found pages, all of them in `language`."""
    problems = [] if results else [f"{name}: '{word}' found nothing on {language}/search/"]
    return problems + [f"{name}: {language}/search/ for '{word}' lists {href}, not a page in '{language}'"
                       for href, _, _ in results if f"{PREFIX}{language}/" not in href]


@pytest.mark.parametrize("name", SITES)
def test_a_dutch_word_finds_dutch_pages_only_on_the_dutch_search_page(browser, served, name):
    server = served(name)
    driver = browser(1280, True)
    word = SITES[name]["dutch"]
    problems = found_in_own_language(name, search(driver, server, "nl", word), "nl", word)
    problems += [f"{name}: en/search/ for the Dutch '{word}' lists {href}" for href, _, _ in search(driver, server, "en", word)]
    if problems:
        fail(problems)


@pytest.mark.parametrize("name", SITES)
def test_an_english_word_finds_english_pages(browser, served, name):
    server = served(name)
    word = SITES[name]["english"]
    problems = found_in_own_language(name, search(browser(1280, True), server, "en", word), "en", word)
    if problems:
        fail(problems)


def test_an_incremental_rebuild_finds_the_new_text_and_not_the_old(browser, served):
    """The edited fixture was rebuilt into the same output after a word
    changed, then once more with nothing changed (its index kept)."""
    driver = browser(1280, True)
    server = served("edited")
    titles = [title for _, title, _ in search(driver, server, "nl", "windmolenpark")]
    assert titles == ["De licentie activeren"], titles
    assert search(driver, server, "nl", "fietsenstalling") == []


def test_results_have_title_section_and_marked_excerpt(browser, served):
    driver = browser(1280, True)
    search(driver, served("fixture"), "nl", "fietsenstalling")
    item = driver.find_element(By.CSS_SELECTOR, "#search-results li")
    assert item.find_element(By.CSS_SELECTOR, "a").text == "De licentie activeren"
    assert item.find_element(By.CSS_SELECTOR, ".search-result-section").text == "Handleidingen"
    marks = [m.text.lower() for m in item.find_elements(By.CSS_SELECTOR, ".search-result-excerpt mark")]
    assert marks and all("fietsenstalling" in m for m in marks), marks
    assert driver.find_element(By.ID, "search-status").text == "1 pagina gevonden"
    assert driver.find_element(By.ID, "search-fallback").get_attribute("hidden") is not None


def test_dutch_stemming(browser, served):
    """Pagefind stems Dutch with Snowball: 'activeren' (the verb) and
    'activering' (the noun) share the stem 'activer', so each finds the page
    that holds only the other; 'activeert' does too."""
    driver = browser(1280, True)
    server = served("fixture")
    for query in ("activering", "activeren", "activeert"):
        titles = [title for _, title, _ in search(driver, server, "nl", query)]
        assert "De licentie activeren" in titles, (query, titles)


def test_fallback_pages_are_found_in_the_language_of_their_text_only(browser, served):
    """The English site shows the Dutch-only page in Dutch (a fallback page):
    its text is indexed once, as the Dutch page, in the Dutch index."""
    driver = browser(1280, True)
    server = served("fixture")
    dutch = [href for href, _, _ in search(driver, server, "nl", "zonnebloemveld")]
    assert dutch == [server.url + "nl/handleidingen/alleen-nederlands/"], dutch
    assert search(driver, server, "en", "zonnebloemveld") == []


@pytest.mark.parametrize("name", SITES)
def test_result_links_work_from_a_sub_folder(browser, served, name):
    server = served(name)
    driver = browser(1280, True)
    results = search(driver, server, "nl", SITES[name]["dutch"])
    problems = []
    for href, title, _ in results:
        status, _, _ = fetch(href)
        if status != 200 or not href.startswith(server.url):
            problems.append(f"{name}: result '{title}' links to {href} (HTTP {status})")
    link = driver.find_element(By.CSS_SELECTOR, "#search-results a")
    follow(driver, link)
    if driver.execute_script("return document.documentElement.lang") != "nl":
        problems.append(f"{name}: the first result led to {driver.current_url}, not a Dutch page")
    if problems:
        fail(problems)


def tab_to(driver, element_id, limit=30):
    """Tab from the top of the page until element_id has the focus."""
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(limit):
        if driver.switch_to.active_element.get_attribute("id") == element_id:
            return driver.switch_to.active_element
        driver.switch_to.active_element.send_keys(Keys.TAB)
    fail([f"Tab never reached #{element_id}"])


def open_with_slash(driver):
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    WebDriverWait(driver, 20).until(lambda d: d.switch_to.active_element.get_attribute("id") == "search-dialog-query")
    return driver.switch_to.active_element


def search_in_dialog(driver, query, results="#search-dialog-results a"):
    """Opens the search dialog with "/" (it must open empty), types query and
    waits for results (a CSS selector); the dialog."""
    field = open_with_slash(driver)
    dialog = driver.find_element(By.CSS_SELECTOR, "dialog.search-dialog")
    assert not field.get_attribute("value") and not dialog.find_elements(By.CSS_SELECTOR, "#search-dialog-results a"), \
        "the dialog opens with the last query's results, not empty"
    field.send_keys(query)
    WebDriverWait(driver, 20).until(lambda d: dialog.find_elements(By.CSS_SELECTOR, results))
    return dialog


def dialog_results(driver):
    # Made once search.js and Pagefind have loaded.
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "dialog.search-dialog[open]"))
    dialog = driver.find_element(By.CSS_SELECTOR, "dialog.search-dialog")
    status = dialog.find_element(By.CSS_SELECTOR, ".search-status")
    WebDriverWait(driver, 20).until(lambda d: status.text.strip())
    return dialog, dialog.find_elements(By.CSS_SELECTOR, "#search-dialog-results a")


def test_keyboard_only_in_the_dialog(browser, served):
    """From a page: Tab to the header's field and type: a dialog of results
    opens in place, the focus in its field; the arrow key reaches the first
    result; Tab stays in the dialog; Escape closes it and the focus returns
    to the header's field. Then "/" and Ctrl+K open it; Enter on a result
    opens it, with the words found marked."""
    driver = browser(1280, True)
    server = served("fixture")
    driver.get(server.url + "nl/")
    problems = []
    if driver.execute_script("return [...document.scripts].some(s => /search\\./.test(s.src))"):
        problems.append("search.js is loaded before search is opened")
    field = tab_to(driver, "header-search-query")
    field.send_keys("fietsenstalling")
    dialog, links = dialog_results(driver)
    if not dialog.is_displayed() or not links:
        fail(["typing in the header's field opens no dialog with results"])
    field_in_dialog = driver.find_element(By.ID, "search-dialog-query")
    if field_in_dialog.get_attribute("value") != "fietsenstalling":
        problems.append(f"the dialog's field holds {field_in_dialog.get_attribute('value')!r}")
    if driver.switch_to.active_element != field_in_dialog:
        problems.append("the focus is not in the dialog's field")
    field_in_dialog.send_keys(Keys.ARROW_DOWN)
    if driver.switch_to.active_element != links[0]:
        problems.append("the down arrow does not reach the first result")
    inside = driver.execute_script("return arguments[0].querySelectorAll('a, button, input').length", dialog)
    for _ in range(inside + 2):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if not driver.execute_script("return arguments[0].contains(document.activeElement)", dialog):
            if driver.switch_to.active_element.tag_name != "body":  # the browser's own controls, then back
                problems.append(f"Tab left the dialog for {driver.switch_to.active_element.tag_name}")
                break
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    WebDriverWait(driver, 5).until(lambda d: not dialog.is_displayed())
    if driver.switch_to.active_element.get_attribute("id") != "header-search-query":
        problems.append("after Escape the focus is not back in the header's field")

    for keys in ("/", Keys.CONTROL + "k"):
        driver.find_element(By.TAG_NAME, "body").click()
        driver.switch_to.active_element.send_keys(keys)
        WebDriverWait(driver, 5).until(lambda d: dialog.is_displayed())
        if driver.switch_to.active_element != driver.find_element(By.ID, "search-dialog-query"):
            problems.append(f"{keys!r} opens the dialog without the focus in its field")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        WebDriverWait(driver, 5).until(lambda d: not dialog.is_displayed())

    # The results of the whole word (each result's address carries the query).
    complete = "#search-dialog-results a[href*='highlight=fietsenstalling']"
    first = search_in_dialog(driver, "fietsenstalling", complete).find_element(By.CSS_SELECTOR, complete)
    target = first.get_attribute("href")
    first.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: d.current_url == target)
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, ".content mark.search-found")]
    if not marks or any("fietsenstalling" not in m for m in marks):
        problems.append(f"the page a result leads to marks {marks}, not the word found")
    if problems:
        fail(problems)


def test_sub_results_link_to_their_sections(browser, served):
    """A page that matches in several sections lists links to their headings."""
    driver = browser(1280, True)
    server = served("shipped")
    driver.get(server.url + "en/")
    search_in_dialog(driver, SITES["shipped"]["english"], ".search-sub-results a")
    problems = []
    for link in driver.find_elements(By.CSS_SELECTOR, ".search-sub-results a")[:5]:
        url, _, fragment = link.get_attribute("href").partition("#")
        if not fragment:
            problems.append(f"sub-result {link.text!r} has no #heading")
            continue
        status, _, body = fetch(url.split("?")[0])
        if status != 200 or f'id="{fragment}"'.encode() not in body:
            problems.append(f"sub-result {link.text!r}: #{fragment} is not on {url} (HTTP {status})")
    if problems:
        fail(problems)


def test_switching_language_keeps_the_query(browser, served):
    driver = browser(1280, True)
    server = served("fixture")
    search(driver, server, "nl", "fiets")
    driver.find_element(By.CSS_SELECTOR, "nav.language-switcher a[hreflang='en']").click()
    WebDriverWait(driver, 15).until(lambda d: "/en/search/" in d.current_url)
    assert driver.find_element(By.ID, "search-query").get_attribute("value") == "fiets"


def test_axe_with_the_dialog_open(browser, served, axe_source):
    problems = []
    for width in (360, 1280):
        driver = browser(width, True)
        driver.get(served("shipped").url + "en/")
        search_in_dialog(driver, SITES["shipped"]["english"])
        for scheme in ("light", "dark"):
            driver.execute_script(
                "document.documentElement.setAttribute('data-scheme', arguments[0])", scheme)
            try:
                check_axe(driver, axe_source, f"en/ with the search dialog open ({scheme})", width)
            except pytest.fail.Exception as failure:
                problems += str(failure).splitlines()[1:]
        driver.execute_script("document.documentElement.removeAttribute('data-scheme')")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    if problems:
        fail(problems, "accessibility problem")


@pytest.mark.parametrize("name", SITES)
def test_without_javascript_the_search_page_lists_every_page(browser, served, name):
    server = served(name)
    driver = browser(1280, False)
    driver.get(server.url + "nl/search/?q=" + SITES[name]["dutch"])
    message = driver.find_element(By.ID, "search-needs-script")
    assert message.is_displayed() and "JavaScript" in message.text
    links = driver.find_elements(By.CSS_SELECTOR, ".search-list a")
    assert links, "no A–Z list of pages"
    problems = [f"{name}: A–Z link {a.get_attribute('href')} answers HTTP {fetch(a.get_attribute('href'))[0]}"
                for a in links if fetch(a.get_attribute("href"))[0] != 200]
    titles = [a.text for a in links]
    if titles != sorted(titles, key=lambda t: t.casefold()):
        problems.append(f"{name}: the A–Z list is not in order: {titles}")
    if problems:
        fail(problems)


def test_header_form_works_without_javascript(browser, served):
    driver = browser(1280, False)
    server = served("fixture")
    driver.get(server.url + "en/guides/licence/")
    field = driver.find_element(By.ID, "header-search-query")
    field.send_keys("licence", Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: "/en/search/" in d.current_url)
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query) == {"q": ["licence"]}


@pytest.fixture(scope="module")
def plain_browser():
    """Chromium as people run it: from file:// it fetches no other files."""
    driver = start_browser(1280, True, file_access=False)
    yield driver
    driver.quit()


def test_from_file_url_the_search_page_says_so(plain_browser):
    if not SITE_FILE_LINKS or not (pathlib.Path(SITE_FILE_LINKS) / "pagefind").is_dir():
        pytest.skip("no --file-links build of a site with search: true")
    driver = plain_browser
    page = pathlib.Path(SITE_FILE_LINKS) / "nl" / "search" / "index.html"
    driver.get(page.as_uri() + "?q=licenties")
    message = driver.find_element(By.ID, "search-needs-script")
    assert message.is_displayed()
    links = driver.find_elements(By.CSS_SELECTOR, ".search-list a")
    missing = [a.get_attribute("href") for a in links
               if not pathlib.Path(urllib.request.url2pathname(urllib.parse.urlsplit(a.get_attribute("href")).path)).is_file()]
    assert links and not missing, missing
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-results a")


@pytest.mark.parametrize("width", (360, 1280))
def test_axe_on_search_results(browser, served, axe_source, width):
    """test_site.py's axe checks see the search pages without a query (the
    A–Z list); this one sees results (the fixture's use the same markup)."""
    driver = browser(width, True)
    results = search(driver, served("shipped"), "nl", SITES["shipped"]["dutch"])
    assert results
    check_axe(driver, axe_source, "nl/search/?q=", width)


def test_phones_get_a_link_and_wide_screens_a_field(browser, served):
    server = served("fixture")
    for width, shown, hidden in ((360, "a.header-search-link", "form.header-search"),
                                 (1280, "form.header-search", "a.header-search-link")):
        driver = browser(width, True)
        driver.get(server.url + "nl/")
        assert driver.find_element(By.CSS_SELECTOR, shown).is_displayed(), (width, shown)
        assert not driver.find_element(By.CSS_SELECTOR, hidden).is_displayed(), (width, hidden)


def long_search_server():
    root = os.environ.get("SITEGEN_E2E_LONG_SEARCH")
    if not root or not (pathlib.Path(root) / "nl" / "search" / "page" / "2" / "index.html").is_file():
        pytest.skip("no site with an A-Z list in parts was built (SITEGEN_E2E_LONG_SEARCH)")
    return SiteServer(root, PREFIX)


def test_without_javascript_a_long_a_to_z_list_is_read_part_by_part(browser):
    """Every part lists at most 400 pages and links to every part, the
    current one marked; following the parts reaches every page once."""
    server = long_search_server()
    try:
        driver = browser(360, False)
        driver.get(server.url + "nl/search/")
        parts = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-fallback .pagination a")]
        assert len(parts) == 2, parts
        listed, problems = [], []
        for number, part in enumerate(parts):
            driver.get(part)
            links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-list a")]
            current = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagination a[aria-current='page']")]
            if not 0 < len(links) <= 400:
                problems.append(f"part {number + 1} lists {len(links)} pages")
            if current != [part]:
                problems.append(f"part {number + 1} marks {current} as current")
            listed += links
        problems += [f"{href} is listed twice" for href in {h for h in listed if listed.count(h) > 1}]
        problems += [f"{href} answers HTTP {fetch(href)[0]}" for href in listed[::50] if fetch(href)[0] != 200]
        if len(listed) < 450:
            problems.append(f"the parts list {len(listed)} pages, fewer than the 450 written")
        if problems:
            fail(problems)
    finally:
        server.stop()


def test_axe_on_a_part_of_a_long_a_to_z_list(browser, axe_source):
    server = long_search_server()
    try:
        for width in (360, 1280):
            driver = browser(width, True)
            driver.get(server.url + "en/search/page/2/")
            check_axe(driver, axe_source, "en/search/page/2/", width)
    finally:
        server.stop()
