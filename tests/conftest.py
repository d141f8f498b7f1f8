"""Shared fixtures, and the rule for services: PostgreSQL in `make test`; a missing service fails
the run with CI=true and makes the tests that need it skip loudly elsewhere."""

import contextlib
import functools
import os
import shutil
import threading
import weakref
from io import StringIO
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.backends.signals import connection_created
from django.test import TransactionTestCase, override_settings
from hypothesis import settings as hypothesis_settings

from boutique import stripe_gateway
from resources.models import (
    ResourceIndexPage,
)
from tests import mutation_selection
from tests.factories import build_collection, build_member, build_resource, file_storages
from tests.helpers import ON_CI, REPO

_warnings: list[str] = []

# `make mutation` (--hypothesis-profile=mutation, pyproject's [tool.mutmut]): the same examples at
# every run, and no deadline — code run through mutmut's trampolines is slower, not wrong.
hypothesis_settings.register_profile("mutation", deadline=None, derandomize=True, database=None)


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
        # Written aside, then renamed: pytest-xdist's workers may be reading the catalogue.
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}")
        with partial.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        partial.replace(mo_path)


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    return [f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}"]


def pytest_collection_modifyitems(config, items):
    mutation_selection.narrow(config, items)
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


@pytest.fixture
def english():
    """The interface in English for the test's whole body (messages compared in English)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's language (French): a request to /en/ leaves English
    active in the thread (LocaleMiddleware activates a language and never deactivates it), which
    made a later test of the same worker read its messages in English."""
    from django.conf import settings
    from django.utils import translation

    # « fr », as a French page activates it (LANGUAGE_CODE « fr-ca » is not a URL prefix).
    translation.activate(translation.get_supported_language_variant(settings.LANGUAGE_CODE))
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives a test's database transaction: start every test with an empty one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _file_storages(request, settings, tmp_path):
    """Every test writes its files (public and private) to its own temporary folders; there it
    finds a copy of the files of what its module built once (ModuleData)."""
    settings.STORAGES = {**settings.STORAGES, **file_storages(tmp_path)}
    settings.MEDIA_ROOT = tmp_path / "public"
    for name in ("module_transaction", "module_snapshot"):
        if name in request.fixturenames:
            shutil.copytree(request.getfixturevalue(name).folder, tmp_path, dirs_exist_ok=True)


S3_ENDPOINT = os.environ.get("APOP_TEST_S3_ENDPOINT", "")


@pytest.fixture
def s3(settings):
    """Both file storages in buckets of this test on the real S3 server of scripts/services.sh
    (APOP_TEST_S3_*): files go up and come down through its HTTP API. Emptied and removed after."""
    import uuid
    from types import SimpleNamespace

    import boto3
    from botocore.config import Config

    from apop.settings.storage import s3_file_storages

    if not S3_ENDPOINT:
        message = "The S3 server is not running (scripts/services.sh start s3)"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(f"{message} — SKIPPED: run `make test` to test the S3 storage")
    region = os.environ.get("APOP_TEST_S3_REGION", "ca-central-1")
    access_key = os.environ["APOP_TEST_S3_ACCESS_KEY"]
    secret_key = os.environ["APOP_TEST_S3_SECRET_KEY"]
    client = boto3.client(
        "s3",
        endpoint_url=S3_ENDPOINT,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    suffix = uuid.uuid4().hex[:12]
    private, public = f"apop-private-{suffix}", f"apop-public-{suffix}"
    for bucket in (private, public):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region}
        )
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_file_storages(
            private_bucket=private,
            public_bucket=public,
            endpoint_url=S3_ENDPOINT,
            region=region,
            access_key=access_key,
            secret_key=secret_key,
            presigned_expiry=settings.S3_PRESIGNED_EXPIRY,
            addressing_style="path",
            url_protocol="http:",
        ),
    }

    def keys(bucket: str) -> list[str]:
        listing = client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    yield SimpleNamespace(
        client=client, private=private, public=public, endpoint=S3_ENDPOINT, keys=keys
    )
    for bucket in (private, public):
        for key in keys(bucket):
            client.delete_object(Bucket=bucket, Key=key)
        client.delete_bucket(Bucket=bucket)


class DatabaseSnapshots:
    """Copies of the test database's rows, which transactional tests come back to.

    A transactional test (live server, browser) commits what it writes, so it cannot be rolled
    back: Django's TransactionTestCase flushes the database after it (TRUNCATE of every table),
    what the migrations wrote (groups, the Wagtail root, the default site) included, and the
    suite used to load the site structure again before each such test (seconds each). Here it
    comes back instead to the innermost copy: the one taken once the session's database is ready
    (migrations and site structure), or the one a module took after building what all its tests
    share (module_snapshot). So every test starts from the same database whatever ran before it on this
    process (one pytest-xdist worker, the tests in any order), and a module's expensive fixture
    is built once instead of before each of its tests. Coming back takes a tenth of a second.

    The copies are tables in a schema of their own (PostgreSQL) or beside the others (SQLite),
    dropped with the test database."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.tables: list[str] = []  # every table of the models, as flush empties them
        self.levels: list[dict[str, str]] = []  # per copy, {table: its copy}, quoted

    def push(self) -> None:
        """Copy every table that holds rows now: what transactional tests come back to, until
        pop()."""
        namespace = f"apop_snapshot_{len(self.levels)}"
        quote = connection.ops.quote_name
        with self.blocker.unblock(), connection.cursor() as cursor:
            self.tables = connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
            filled_by_triggers = set()
            if connection.vendor == "sqlite":
                # In the database itself: a test's live server and browser may reach it through
                # another connection (an attached database would be that connection's only).
                def copy_of(table):
                    return quote(f"{namespace}__{table}")

                # Wagtail's full-text table: triggers on its index entries fill it.
                cursor.execute(
                    "SELECT name FROM sqlite_master"
                    " WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
                )
                filled_by_triggers = {name for (name,) in cursor.fetchall()}
            else:

                def copy_of(table):
                    return f"{namespace}.{quote(table)}"

                cursor.execute(f"DROP SCHEMA IF EXISTS {namespace} CASCADE")
                cursor.execute(f"CREATE SCHEMA {namespace}")
            copies = {}
            for table in self.tables:
                if table in filled_by_triggers:
                    continue
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
                if cursor.fetchone()[0]:
                    copies[quote(table)] = copy_of(table)
                    # A kept database (--reuse-db, `make mutation`) still has last run's copy.
                    cursor.execute(f"DROP TABLE IF EXISTS {copy_of(table)}")
                    cursor.execute(f"CREATE TABLE {copy_of(table)} AS SELECT * FROM {quote(table)}")
        self.levels.append(copies)

    def pop(self) -> None:
        """Drop the innermost copy and put the one before it back."""
        copies = self.levels.pop()
        with self.blocker.unblock(), connection.cursor() as cursor:
            for copy in copies.values():
                cursor.execute(f"DROP TABLE {copy}")
        self.restore()

    def restore(self) -> None:
        """Make the tables hold exactly the rows of the innermost copy."""
        # DELETE, not TRUNCATE: a test leaves few rows, and TRUNCATE costs a file per table.
        # Django's foreign keys are deferrable: checked at the commit. Sequences go on from where
        # they are, above every copied id.
        statements = [f"DELETE FROM {connection.ops.quote_name(table)}" for table in self.tables]
        statements += [
            f"INSERT INTO {table} SELECT * FROM {copy}" for table, copy in self.levels[-1].items()
        ]
        with self.blocker.unblock(), transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for statement in statements:
                cursor.execute(statement)
        ContentType.objects.clear_cache()  # ids a test may have cached, as after a flush

    def _fixture_teardown(self, test_case) -> None:
        """Stands for TransactionTestCase._fixture_teardown (the flush) while the session runs."""
        unknown = set(test_case._databases_names(include_mirrors=False)) - {DEFAULT_DB_ALIAS}
        assert not unknown, f"DatabaseSnapshots only copies the default database, not {unknown}"
        self.restore()


def _structure_loaded() -> bool:
    from home.models import HomePage

    return ResourceIndexPage.objects.exists() and HomePage.objects.exists()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb):
    """The site's structure (pages, taxonomies, workflow) once for the whole session; each test
    then runs in its own transaction on top of it, or comes back to it (DatabaseSnapshots)."""
    with django_db_blocker.unblock():
        # A database kept from an earlier run (--reuse-db: `make mutation`'s hundreds of short
        # runs) has it already; load_demo would only find every page there.
        if not (django_db_keepdb and _structure_loaded()):
            call_command("load_demo", "--structure-only", stdout=StringIO())
    snapshots = DatabaseSnapshots(django_db_blocker)
    snapshots.push()
    # pytest-django's transactional tests are TransactionTestCases: their end comes back to the
    # copy instead of flushing (a private method of Django's, stable since Django 1.x; a rename
    # fails here, loudly).
    # Browser tests run an asyncio loop in this thread, in which Django keeps its connections per
    # asyncio context: a test after them may open one that Django's own teardown does not see.
    # All are closed at the end, or the test database could not be dropped.
    opened, this_thread = weakref.WeakSet(), threading.get_ident()

    def track(sender, connection, **kwargs):
        if connection._thread_ident == this_thread:  # live server threads close theirs
            opened.add(connection)

    connection_created.connect(track)
    try:
        with mock.patch.object(
            TransactionTestCase,
            "_fixture_teardown",
            lambda test_case: snapshots._fixture_teardown(test_case),
        ):
            yield snapshots
    finally:
        connection_created.disconnect(track)
        for wrapper in list(opened):
            wrapper.close()


@pytest.fixture(scope="session")
def database_snapshots(django_db_setup) -> DatabaseSnapshots:
    """The copies transactional tests come back to (module_snapshot adds one)."""
    return django_db_setup


class ModuleData:
    """What the tests of a module share, built once by a module fixture instead of before each
    test: `with module_transaction.writing(): …` (or module_snapshot) gives it database access,
    and file storages in a folder of the module, a copy of which each test then finds in its own
    folders (_file_storages)."""

    def __init__(self, blocker, folder, written=lambda: None):
        self.blocker = blocker
        self.folder = folder
        self.written = written

    @contextlib.contextmanager
    def writing(self):
        with (
            self.blocker.unblock(),
            override_settings(STORAGES={**settings.STORAGES, **file_storages(self.folder)}),
        ):
            yield
        self.written()


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker, tmp_path_factory):
    """ModuleData for a module of non-transactional tests, written in a transaction open for
    the whole module: each test runs in a savepoint of it and rolls back to it; all is rolled
    back after the module. As in a test, on_commit callbacks never run."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield ModuleData(django_db_blocker, tmp_path_factory.mktemp("module-files"))
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_snapshot(database_snapshots, django_db_blocker, tmp_path_factory):
    """ModuleData for a module of transactional tests (live server, browser): what it wrote is
    committed and copied (DatabaseSnapshots), each test comes back to it, and after the module
    the database comes back to what it was before."""
    folder = tmp_path_factory.mktemp("module-files")
    data = ModuleData(django_db_blocker, folder, written=database_snapshots.push)
    depth = len(database_snapshots.levels)
    yield data
    if len(database_snapshots.levels) > depth:
        database_snapshots.pop()


@pytest.fixture
def site_pages(db):
    """The page tree of the demo command: home page, about, licence guide, privacy, terms,
    the resource and collection indexes; taxonomies and the editorial workflow."""
    from home.models import HomePage

    return HomePage.objects.get()  # loaded once for the session: django_db_setup


# --- Catalogue builders (resources, accounts, boutique, search and browser tests) -------------


@pytest.fixture
def catalogue(site_pages):
    """The site structure: pages, taxonomies, workflow, and the /ressources/ index."""
    return ResourceIndexPage.objects.get()


@pytest.fixture
def make_member(db):
    return build_member


@pytest.fixture
def make_resource(catalogue):
    """Create and publish a resource; keyword arguments override the defaults."""
    return functools.partial(build_resource, catalogue)


@pytest.fixture
def make_collection(catalogue):
    """Create and publish a collection of (resource, note) entries."""
    return build_collection


# --- Stripe (boutique and browser tests) ----------------------------------------------------

STRIPE_MOCK_URL = os.environ.get("APOP_TEST_STRIPE_MOCK_URL", "")


@pytest.fixture
def stripe_mock(settings):
    """The product talking to stripe-mock (started by scripts/services.sh,
    APOP_TEST_STRIPE_MOCK_URL): real request validation, realistic answers."""
    if not STRIPE_MOCK_URL:
        message = "stripe-mock is not running (scripts/services.sh start stripe)"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(f"{message} — SKIPPED: run `make test` to test the Stripe gateway")
    settings.STRIPE_SECRET_KEY = "sk_test_apop"
    settings.STRIPE_API_BASE = STRIPE_MOCK_URL
    stripe_gateway._client_for.cache_clear()
    yield STRIPE_MOCK_URL
    stripe_gateway._client_for.cache_clear()


# --- Logs ------------------------------------------------------------------------------------


@pytest.fixture
def production_log():
    """What production would log (LOG_JSON's formatter, core/logging.py), root logger at DEBUG:
    the buffer the lines are written to."""
    import logging

    from core.logging import JsonLineFormatter, logging_settings

    config = logging_settings(json=True, level="DEBUG")["formatters"]["default"]
    handler = logging.StreamHandler(StringIO())
    handler.setFormatter(
        JsonLineFormatter(config["format"], style="{", rename_fields=config["rename_fields"])
    )
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler.stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
