"""What a benchmark run makes and must remove: its own PostgreSQL database on the server that
DATABASE_URL names (never that database itself), its search indices (an index prefix of its
own), its two buckets on the S3 server (private and public files), its folder. Nothing here
imports Django's models: the harness drives the product through subprocesses and HTTP, with
these names in their environment."""

import os
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

THROWAWAY = re.compile(r"bench|test|tmp|temp|scratch|throwaway", re.IGNORECASE)


def check_throwaway() -> None:
    """Refuse to write generated rows to a database that does not look like a throwaway one."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    name = str(database["NAME"])
    # A file in the temporary directory: SQLite only (a server's database name is no path; the
    # checkout itself may be under /tmp).
    is_file = database["ENGINE"].endswith("sqlite3") and Path(name).is_absolute()
    in_tmp = is_file and Path(name).resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    if THROWAWAY.search(Path(name).name) or in_tmp:
        return
    if os.environ.get("BENCH_ALLOW_WRITES") == "1":
        return
    raise SystemExit(
        f"The benchmarks write to the database, and {name!r} does not look like a throwaway one "
        "(bench, test, tmp, temp, scratch in its name, or a file in the temporary directory). "
        "`make bench` makes its own; otherwise use a copy or set BENCH_ALLOW_WRITES=1."
    )


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@dataclass
class ThrowawayDatabase:
    """`apop_bench_<suffix>` on the PostgreSQL server of `server_url` (DATABASE_URL)."""

    server_url: str
    name: str

    def __post_init__(self):
        if urlsplit(self.server_url).scheme not in ("postgres", "postgresql", "pgsql"):
            raise SystemExit(
                "The benchmarks run on PostgreSQL: DATABASE_URL must name a PostgreSQL server "
                "(`make services`, or `source` the environment `scripts/services.sh env` prints)."
            )
        if not re.fullmatch(r"apop_bench_[a-z0-9_]+", self.name):
            raise ValueError(f"not a benchmark database name: {self.name!r}")

    @property
    def url(self) -> str:
        return _with_database(self.server_url, self.name)

    def _execute(self, statement: str) -> list[tuple]:
        import psycopg

        # CREATE and DROP DATABASE run outside a transaction, from another database.
        with psycopg.connect(self.server_url, autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def create(self) -> None:
        """A new empty database (one a crashed run left behind is dropped first)."""
        self.drop()
        self._execute(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def exists(self) -> bool:
        rows = self._execute(f"SELECT 1 FROM pg_database WHERE datname = '{self.name}'")
        return bool(rows)


@dataclass
class SearchIndices:
    """The indices of one index prefix on the engine (the product's and Wagtail's)."""

    url: str
    prefix: str

    def names(self) -> list[str]:
        import requests

        response = requests.get(
            f"{self.url}/_cat/indices/{self.prefix}-*", params={"format": "json"}, timeout=30
        )
        response.raise_for_status()
        return sorted(row["index"] for row in response.json())

    def drop(self) -> None:
        import requests

        for name in self.names():
            requests.delete(f"{self.url}/{name}", timeout=60).raise_for_status()


@dataclass
class S3Buckets:
    """The run's private and public buckets (`<prefix>-private`, `<prefix>-public`) on the S3
    server of `scripts/services.sh` (APOP_TEST_S3_*), the product's file storages."""

    endpoint: str
    access_key: str
    secret_key: str
    region: str
    prefix: str

    def __post_init__(self):
        if not re.fullmatch(r"apop-bench-[a-z0-9-]+", self.prefix) or len(self.prefix) > 55:
            raise ValueError(f"not a benchmark bucket prefix: {self.prefix!r}")

    @property
    def private(self) -> str:
        return f"{self.prefix}-private"

    @property
    def public(self) -> str:
        return f"{self.prefix}-public"

    def _client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=5,
                retries={"max_attempts": 1},
            ),
        )

    def create(self) -> None:
        """Both buckets, empty (those a crashed run left behind are emptied first)."""
        client = self._client()
        self.drop()
        for bucket in (self.private, self.public):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": self.region}
            )

    def names(self) -> list[str]:
        """Those of the two buckets that exist."""
        listed = {bucket["Name"] for bucket in self._client().list_buckets().get("Buckets", [])}
        return [bucket for bucket in (self.private, self.public) if bucket in listed]

    def keys(self, bucket: str) -> list[str]:
        pages = self._client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def drop(self) -> None:
        """Empty and delete both buckets (those that exist)."""
        client = self._client()
        for bucket in self.names():
            keys = self.keys(bucket)
            for start in range(0, len(keys), 1000):
                client.delete_objects(
                    Bucket=bucket,
                    Delete={"Objects": [{"Key": key} for key in keys[start : start + 1000]]},
                )
            client.delete_bucket(Bucket=bucket)

    def environment(self) -> dict[str, str]:
        return {
            "S3_PRIVATE_BUCKET": self.private,
            "S3_PUBLIC_BUCKET": self.public,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": self.region,
            "S3_ACCESS_KEY_ID": self.access_key,
            "S3_SECRET_ACCESS_KEY": self.secret_key,
            # The S3 server of scripts/services.sh: plain HTTP, no bucket sub-domains.
            "S3_ADDRESSING_STYLE": "path",
            "S3_URL_PROTOCOL": "http:",
        }


@dataclass
class Scratch:
    """Everything a run makes, and its removal (in reverse order, each attempted)."""

    database: ThrowawayDatabase
    indices: SearchIndices | None
    buckets: S3Buckets | None = None  # None: files on the local disk, in the folder
    stripe_url: str = ""  # stripe-mock; empty: no Stripe keys (the demonstration payments)
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="apop-bench-")))
    # The run signs the webhook events it sends with it (benchmarks/measures/operations.py).
    webhook_secret: str = field(default_factory=lambda: f"whsec_bench_{secrets.token_hex(16)}")

    def environment(self) -> dict[str, str]:
        """The product's configuration for this run (benchmarks/settings.py reads it)."""
        env = {
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "DATABASE_URL": self.database.url,
            "MEDIA_ROOT": str(self.folder / "public"),
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
            "S3_PRIVATE_BUCKET": "",
            "S3_PUBLIC_BUCKET": "",
            "ELASTICSEARCH_URL": "",
            "OPENSEARCH_URL": self.indices.url if self.indices else "",
            "TASKS_BACKEND": "immediate",
            # Receipts are rendered, never sent (no SMTP server here).
            "EMAIL_URL": "dummymail://",
            # One client address makes every download of the run; the limit is still counted.
            "DOWNLOADS_PER_HOUR_PER_IP": "1000000",
        }
        if self.indices:
            env["SEARCH_INDEX_PREFIX"] = self.indices.prefix
        if self.buckets:
            env.update(self.buckets.environment())
        if self.stripe_url:
            env.update(
                {
                    "STRIPE_SECRET_KEY": "sk_test_apopbench",
                    "STRIPE_PUBLISHABLE_KEY": "pk_test_apopbench",
                    "STRIPE_API_BASE": self.stripe_url,
                    "STRIPE_WEBHOOK_SECRET": self.webhook_secret,
                    "STRIPE_CONNECT_WEBHOOK_SECRET": f"{self.webhook_secret}_connect",
                    "PAYMENTS_DEMO": "false",
                }
            )
        return env

    def remove(self) -> list[str]:
        """Drop the indices, the buckets and the database, delete the folder; the problems met
        (if any)."""
        problems = []
        steps = [("search indices", self.indices.drop if self.indices else None)]
        steps += [("S3 buckets", self.buckets.drop if self.buckets else None)]
        steps += [("database", self.database.drop)]
        steps += [("folder", lambda: shutil.rmtree(self.folder, ignore_errors=True))]
        for what, step in steps:
            if step is None:
                continue
            try:
                step()
            except Exception as error:  # one failed removal must not keep the others from running
                problems.append(f"{what}: {error}")
        return problems
