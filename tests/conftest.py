"""Shared fixtures, and the rule for services: PostgreSQL in `make test`; a missing service fails
the run with CI=true and makes the tests that need it skip loudly elsewhere."""

import itertools
import os
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command

from boutique import stripe_gateway
from resources.models import (
    Discipline,
    EducationLevel,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)
from tests.helpers import ON_CI, REPO

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


# --- Catalogue builders (resources, accounts, boutique, search and browser tests) -------------

_serial = itertools.count(1)


@pytest.fixture
def catalogue(site_pages):
    """The site structure: pages, taxonomies, workflow, and the /ressources/ index."""
    return ResourceIndexPage.objects.get()


@pytest.fixture
def make_member(db):
    def make(name="Marie Tremblay", **fields):
        email = fields.pop("email", f"member{next(_serial)}@example.org")
        user = get_user_model().objects.create_user(
            email, "pw-long-enough", display_name=name, **fields
        )
        # A confirmed address, as after sign-up: allauth logs in only such accounts.
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def make_resource(catalogue):
    """Create and publish a resource; keyword arguments override the defaults."""

    def make(
        title="Notes de cours : limites et continuité",
        *,
        authors=(),
        disciplines=("201",),
        levels=("collegial_preuniversitaire",),
        types=("notes-de-cours",),
        tags=("limites",),
        files=(("notes.pdf", b"%PDF-1.4 demo"),),
        publish=True,
        **fields,
    ) -> ResourcePage:
        fields.setdefault("summary", "Un résumé de la ressource.")
        fields.setdefault("slug", f"ressource-{next(_serial)}")
        page = ResourcePage(title=title, live=False, **fields)
        page.authors = list(authors)
        page.disciplines = list(Discipline.objects.filter(code__in=disciplines))
        page.levels = list(EducationLevel.objects.filter(code__in=levels))
        page.types = list(ResourceType.objects.filter(code__in=types))
        page.files = [
            ResourceFile(file=ContentFile(content, name=name), display_name=name)
            for name, content in files
        ]
        catalogue.add_child(instance=page)
        if tags:
            page.tags.add(*tags)
            page.save()
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    return make


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
