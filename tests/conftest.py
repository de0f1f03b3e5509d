"""Shared fixtures: one build of the real corpus per session, and a network guard.

Tests run offline: a test that opens a connection to anything but loopback
fails, unless it is marked ``network`` (and those are deselected by default).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
from pathlib import Path

import pytest

from tests.paths import CORPUS as DEFAULT_CORPUS, DATA_DIR, MINI_CORPUS, MINI_DATA, ROOT

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_collection_modifyitems(config, items):
    """Mark every test that drives Chromium `browser` (so `-m "not browser"` works), skip network tests."""
    for item in items:
        if "driver" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    if "network" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="needs the network: run with -m network")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and self.family in (socket.AF_INET, socket.AF_INET6):
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise OSError(f"network access blocked in tests: {host}")
    return _real_connect(self, address)


_real_getaddrinfo = socket.getaddrinfo


def _guarded_getaddrinfo(host, *args, **kwargs):
    """No name look-ups beyond this machine either: a DNS query is traffic too."""
    if host not in (None, "localhost") and not str(host).startswith("127.") and host != "::1":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise socket.gaierror(f"network access blocked in tests: {host}") from None
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def no_network(request, monkeypatch):
    if "network" not in request.keywords:
        monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
        monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)


@pytest.fixture(scope="session", autouse=True)
def verdict_cache(tmp_path_factory) -> Path:
    """Builds keep their validation verdicts in a folder of this session (never the user's cache): a build
    of inputs another test built already is not validated twice, and no test sees verdicts of an older run."""
    folder = tmp_path_factory.mktemp("verdicts")
    os.environ["RIGHTSGRAPH_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not DEFAULT_CORPUS.is_dir():
        pytest.fail(f"the corpus is missing: {DEFAULT_CORPUS} (clone beside ../shared)")
    return DEFAULT_CORPUS


@pytest.fixture(scope="session")
def built(corpus, tmp_path_factory):
    """The real build, written to a temporary out/ folder."""
    from rightsgraph.pipeline import build

    out = tmp_path_factory.mktemp("out")
    return build(corpus=corpus, data_dir=DATA_DIR, out_dir=out, with_pictures=True, screenshot=True)


@pytest.fixture(scope="session")
def graph(built):
    return built.graph


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ for tests that break one thing in it."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def corpus_copy(tmp_path, corpus) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(corpus, target)
    return target


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT

@pytest.fixture(scope="session")
def driver():
    """Headless Chromium. Missing Chromium skips on a developer's machine and fails under CI=true."""
    chromedriver = shutil.which("chromedriver")
    binary = shutil.which("chromium")
    if not chromedriver or not binary:
        message = "needs Debian's chromium and chromium-driver (bash .ci/install installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from viz.draw.browser import FLAGS

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


@pytest.fixture(scope="session")
def mini(tmp_path_factory):
    """The fixture corpus (tests/fixtures/mini): one invented report and its curated facts, built once."""
    from rightsgraph.pipeline import build

    out = tmp_path_factory.mktemp("mini-out")
    return build(corpus=MINI_CORPUS, data_dir=MINI_DATA, out_dir=out, with_pictures=False, screenshot=False)
