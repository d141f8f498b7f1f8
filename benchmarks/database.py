"""What a benchmark run makes and must remove: its own PostgreSQL database on the server that
DATABASE_URL names (never that database itself), its search indices (an index prefix of its
own), its media folder. Nothing here imports Django's models: the harness drives the product
through subprocesses and HTTP, with these names in their environment."""

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

THROWAWAY = re.compile(r"bench|test|tmp|temp|scratch|throwaway", re.IGNORECASE)


def check_throwaway() -> None:
    """Refuse to write generated rows to a database that does not look like a throwaway one."""
    from django.conf import settings

    name = str(settings.DATABASES["default"]["NAME"])
    in_tmp = Path(name).resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
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
class Scratch:
    """Everything a run makes, and its removal (in reverse order, each attempted)."""

    database: ThrowawayDatabase
    indices: SearchIndices | None
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="apop-bench-")))

    def environment(self) -> dict[str, str]:
        """The product's configuration for this run (benchmarks/settings.py reads it)."""
        env = {
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "DATABASE_URL": self.database.url,
            "MEDIA_ROOT": str(self.folder / "public"),
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
            # Files on the local disk: no bucket to create or remove.
            "S3_PRIVATE_BUCKET": "",
            "S3_PUBLIC_BUCKET": "",
            "ELASTICSEARCH_URL": "",
            "OPENSEARCH_URL": self.indices.url if self.indices else "",
            "TASKS_BACKEND": "immediate",
        }
        if self.indices:
            env["SEARCH_INDEX_PREFIX"] = self.indices.prefix
        return env

    def remove(self) -> list[str]:
        """Drop the indices and the database, delete the folder; the problems met (if any)."""
        problems = []
        steps = [("search indices", self.indices.drop if self.indices else None)]
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
