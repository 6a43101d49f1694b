"""Helpers shared by the browser tests of the fixture sites."""
from test_site import check_axe


def in_scheme(driver, scheme):
    """Emulates the system's colour scheme ("light" or "dark"; None: the real one)."""
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})


def check_axe_in_scheme(driver, axe_source, url, name, width, scheme, prepare=None):
    """Opens url in the colour scheme, runs prepare(driver) (to open what is
    closed, say), and fails unless axe-core finds nothing; the emulated
    scheme is undone after, so the browser goes back to its pool clean."""
    try:
        in_scheme(driver, scheme)
        driver.get(url)
        if prepare:
            prepare(driver)
        check_axe(driver, axe_source, f"{name} ({scheme})", width)
    finally:
        in_scheme(driver, None)
