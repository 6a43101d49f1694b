"""Browser tests of the shipped decision helper ("which guide is for me?").

Run through Tests/e2e/run.sh (see test_site.py for the environment). With
JavaScript on and off, in both languages: walk every path from the start page
to its outcome, checking that each outcome recommends the guide the flow in
content/_decisions/which-guide.yml promises; change an answer from an outcome
page; the back link and the browser's back button; switch language mid-flow.
Skipped for sites without the helper.
"""

import os
import urllib.parse

import pytest

from test_site import SITE, browser, elements_at, fail, fetch, follow, ids_at, servers  # noqa: F401 (fixtures)
from selenium.webdriver.common.by import By

START = {"nl": "nl/keuzehulp/", "en": "en/which-guide/"}
GUIDES = {"nl": {"guide-a": "nl/handleiding-a/", "guide-b": "nl/handleiding-b/", "problems": "nl/problemen-oplossen/"},
          "en": {"guide-a": "en/guide-a/", "guide-b": "en/guide-b/", "problems": "en/troubleshooting/"}}
# No e-mail and not sure about it once each; with the e-mail, guide B once and
# four ways to the account question, three answers each.
OUTCOMES_PER_LANGUAGE = 15

if not SITE or not all(os.path.isfile(os.path.join(SITE, start, "index.html")) for start in START.values()):
    pytest.skip("this site has no 'which guide' decision helper", allow_module_level=True)


def expected_outcome(answers):
    """The guide and section the shipped flow recommends for a set of answers:
    the troubleshooting section on the missing e-mail for readers without the
    activation e-mail; guide B (at what you need) only for readers who have it,
    use the VLSC and want to manage there too; otherwise guide A, at the
    existing account section when the organisation already has an
    Organizational Account."""
    if answers.get("email") == "no":
        return "problems", "no-email"
    if answers.get("vlsc") == "yes" and answers.get("manage") == "yes":
        return "guide-b", "before-you-start"
    if answers.get("account") == "yes":
        return "guide-a", "existing-account"
    return "guide-a", "before-you-start"


def answers_in(url, language):
    """The answers a step's URL holds: .../email-yes/vlsc-no/account/ -> {email: yes, vlsc: no}."""
    path = urllib.parse.urlsplit(url).path
    steps = path.split("/" + START[language], 1)[1].strip("/").split("/")[:-1]
    return dict(step.split("-", 1) for step in steps)


def site_path(server, url):
    """The URL's path inside the site, without the sub-folder."""
    return urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(server.url).path):]


def click(driver, css):
    follow(driver, driver.find_element(By.CSS_SELECTOR, css))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_path_ends_at_the_expected_guide(servers, language):
    """Every path, read over HTTP as the links lead: the answer links and
    back links are plain links (the tests below click them, with JavaScript
    on and off), so 2 x 15 paths in a browser would prove nothing more."""
    server = servers.sub
    start = server.url + START[language]
    _, start, page = elements_at(start)
    problems = []
    outcomes = []

    def walk(url, back, depth):
        status, here, page = elements_at(url)
        if status != 200:
            problems.append(f"{url} answers HTTP {status}")
            return
        back_links = [urllib.parse.urljoin(here, a["href"]) for a in page.select("a.back-link")]
        if back_links != [back]:
            problems.append(f"the back link of {here} leads to {back_links}, expected {back}")
        answers = answers_in(here, language)
        choices = page.select("ul.answers a")
        if not choices:
            outcomes.append(here)
            guide, section = expected_outcome(answers)
            recommend = page.select(".outcome a.button")
            if not recommend:
                problems.append(f"{here}: no recommended guide")
                return
            target_page, fragment = urllib.parse.urldefrag(urllib.parse.urljoin(here, recommend[0]["href"]))
            if site_path(server, target_page) != GUIDES[language][guide] or fragment != section:
                problems.append(f"{here}: answers {answers} recommend {site_path(server, target_page)}#{fragment}, expected {GUIDES[language][guide]}#{section}")
            elif section not in ids_at(target_page):
                problems.append(f"{here}: {target_page} has no #{section}")
            given = page.select(".summary-list .summary-row")
            if len(given) != len(answers):
                problems.append(f"{here}: lists {len(given)} answers, expected {len(answers)}")
            return
        if depth > 5:
            problems.append(f"{here}: more than 5 questions deep")
            return
        for choice in choices:
            walk(urllib.parse.urljoin(here, choice["href"]), here, depth + 1)

    first = page.select("a.start-button")
    if len(first) != 1:
        fail([f"{start}: {len(first)} start buttons"])
    walk(urllib.parse.urljoin(start, first[0]["href"]), start, 0)
    if len(outcomes) != OUTCOMES_PER_LANGUAGE:
        problems.append(f"reached {len(outcomes)} outcomes, expected {OUTCOMES_PER_LANGUAGE}")
    if problems:
        fail(problems, "decision helper problem")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_change_an_answer_from_the_outcome(browser, servers, javascript):
    driver = browser(1280, javascript)
    server = servers.sub
    driver.get(server.url + "en/which-guide/email-yes/vlsc-yes/manage-yes/guide-b/")
    assert "guide-b" in driver.find_element(By.CSS_SELECTOR, ".outcome a.button").get_attribute("href")
    # Change the third answer ("do you want to manage in the VLSC?").
    follow(driver, driver.find_elements(By.CSS_SELECTOR, ".summary-action a")[2])
    assert site_path(server, driver.current_url) == "en/which-guide/email-yes/vlsc-yes/manage/"
    follow(driver, driver.find_elements(By.CSS_SELECTOR, "ul.answers a")[1])  # No
    follow(driver, driver.find_elements(By.CSS_SELECTOR, "ul.answers a")[0])  # someone already uses an online service
    assert site_path(server, driver.current_url) == "en/which-guide/email-yes/vlsc-yes/manage-no/account-yes/guide-a-existing-account/"
    page, fragment = urllib.parse.urldefrag(driver.find_element(By.CSS_SELECTOR, ".outcome a.button").get_attribute("href"))
    assert (site_path(server, page), fragment) == ("en/guide-a/", "existing-account")
    # Start again leads to the start page.
    follow(driver, driver.find_element(By.LINK_TEXT, "Start again"))
    assert site_path(server, driver.current_url) == "en/which-guide/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_back_link_and_browser_back(browser, servers, javascript):
    driver = browser(1280, javascript)
    server = servers.sub
    driver.get(server.url + "nl/keuzehulp/")
    click(driver, "a.start-button")
    first = driver.current_url
    follow(driver, driver.find_elements(By.CSS_SELECTOR, "ul.answers a")[0])
    second = driver.current_url
    click(driver, "a.back-link")
    assert driver.current_url == first
    driver.back()
    assert driver.current_url == second
    click(driver, "a.back-link")
    click(driver, "a.back-link")
    assert site_path(server, driver.current_url) == "nl/keuzehulp/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_switch_language_mid_flow(browser, servers, javascript):
    driver = browser(1280, javascript)
    server = servers.sub
    driver.get(server.url + "nl/keuzehulp/email-yes/vlsc-yes/manage/")
    dutch = driver.find_element(By.TAG_NAME, "h1").text
    click(driver, "nav.language-switcher a[hreflang='en']")
    assert site_path(server, driver.current_url) == "en/which-guide/email-yes/vlsc-yes/manage/"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    english = driver.find_element(By.TAG_NAME, "h1").text
    assert english and english != dutch
    # The answers given so far are shown in English too.
    assert driver.find_elements(By.CSS_SELECTOR, ".summary-list dd")[0].text.startswith("Yes")
    status, _, _ = fetch(driver.current_url)
    assert status == 200
