"""Plain values shared by the conftest files and the test modules (no fixtures here: those live in
the conftest.py files)."""

import os
import time
from collections.abc import Callable
from pathlib import Path

# With CI=true a missing service fails the run instead of skipping the tests that need it.
ON_CI = os.environ.get("CI") == "true"
REPO = Path(__file__).resolve().parent.parent


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll `condition` until it holds or `timeout` seconds have passed; whether it held. For
    what changes with time outside the test's control, instead of sleeping a fixed time."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def queries_for(client, url: str) -> int:
    """The SQL queries of a second GET of `url` (the first warms the caches: taxonomies, site
    root paths), which must answer 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def lang_path(lang: str, french: str) -> str:
    """The address of `french` (a path in French words, « compte/profil/ ») on the `lang` site:
    « /fr/compte/profil/ » or « /en/account/profile/ » (core/paths.py; tests/home/
    test_english_paths.py spells the English ones out)."""
    from core.paths import english_route

    return f"/{lang}/{english_route(french) if lang == 'en' else french}"
