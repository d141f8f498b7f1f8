"""Shared fixtures, and the rule for services: PostgreSQL in `make test`; a missing service fails
the run with CI=true and makes the tests that need it skip loudly elsewhere."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ON_CI = os.environ.get("CI") == "true"
REPO = Path(__file__).resolve().parent.parent
_warnings: list[str] = []


def _on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_configure(config):
    if not _on_postgres():
        message = (
            "DATABASE_URL does not name PostgreSQL: the suite runs on SQLite and the tests "
            "marked 'postgres' are SKIPPED. `make test` starts PostgreSQL (scripts/services.sh)."
        )
        if ON_CI:
            raise pytest.UsageError(f"CI=true but {message}")
        _warnings.append(message)
    _compile_catalogues()


def _compile_catalogues() -> None:
    """Compile locale/*.po to .mo when missing or stale, so that `pytest` alone sees translations."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in (REPO / "locale").glob("*/LC_MESSAGES/django.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    return [f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}"]


def _flushes_the_database(item) -> bool:
    """Transactional tests (live server, browser) empty every table when they end."""
    if {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ())):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Run the tests that flush the database last: the others rely on what the migrations and
    # the session's site structure put there. (pytest-django only sees the django_db marker.)
    items[:] = [i for i in items if not _flushes_the_database(i)] + [
        i for i in items if _flushes_the_database(i)
    ]
    if _on_postgres():
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL); run `make test`")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    for message in _warnings:
        terminalreporter.write_sep("!", "MISSING SERVICE", red=True, bold=True)
        terminalreporter.write_line(message, red=True, bold=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives a test's database transaction: start every test with an empty one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _file_storages(settings, tmp_path):
    """Every test writes its files (public and private) to its own temporary folders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "public", "base_url": "/media/"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    settings.MEDIA_ROOT = tmp_path / "public"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The site's structure (pages, taxonomies, workflow) once for the whole session; each test
    then runs in its own transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--structure-only", stdout=StringIO())


@pytest.fixture
def site_pages(db):
    """The page tree of the demo command: home page, about, licence guide, privacy, terms,
    the resource and collection indexes; taxonomies and the editorial workflow."""
    from home.models import HomePage

    if not HomePage.objects.exists():  # a transactional test before this one flushed it all
        call_command("load_demo", "--structure-only", stdout=StringIO())
    return HomePage.objects.get()
