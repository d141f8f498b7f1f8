"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's
live_server. Never `playwright install`: its download cannot work here, and Debian's build is
what people run."""

import os
from pathlib import Path

import pytest

from resources.models import ResourceIndexPage
from tests.helpers import ON_CI, REPO

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body
# are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_CORE = os.environ.get("AXE_CORE_PATH", "")
RESULTS = REPO / "test-results"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def _missing(message):
    if ON_CI:
        pytest.fail(message)
    pytest.skip(f"{message} — run `make test` (scripts/browser.sh installs it)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        _missing(f"Chromium not found at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def axe_source():
    """The axe-core script (npm package), injected into pages to check WCAG 2.1 A/AA."""
    if not AXE_CORE or not Path(AXE_CORE).exists():
        _missing("axe-core not found (AXE_CORE_PATH)")
    return Path(AXE_CORE).read_text()


@pytest.fixture
def site_url(live_server, transactional_db):
    """The live server with the demo page tree (the session's database, which each
    transactional test comes back to: tests/conftest.py)."""
    return live_server.url


@pytest.fixture
def catalogue(site_url):
    """The /ressources/ index of the live server's page tree (its transactional database)."""
    return ResourceIndexPage.objects.get()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot in test-results/ for people to look at."""
    RESULTS.mkdir(exist_ok=True)

    def take(page, name):
        path = RESULTS / f"{name}.png"
        # Written aside, then renamed: with pytest-xdist, whatever reads test-results/ meanwhile
        # (another worker, a person) never sees half a file.
        partial = RESULTS / f".{name}.{os.getpid()}.png"
        page.screenshot(path=str(partial), full_page=True)
        partial.replace(path)
        return path

    return take
