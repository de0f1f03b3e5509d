"""A real headless Chromium for the page tests (Debian's chromium and chromium-driver).

Without them the browser tests are skipped on a developer machine but fail
under CI (CI=true), where .ci/install has installed them.
"""

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def driver():
    chromedriver = shutil.which("chromedriver")
    binary = shutil.which("chromium")
    if not chromedriver or not binary:
        message = "needs Debian's chromium and chromium-driver (bash .ci/install installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from viz.browser import FLAGS

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1400,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(chromedriver), options=options)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()
