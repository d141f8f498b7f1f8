"""Health checks for /healthz: the database decides up or down; the others say "degraded"."""

import logging

from django.core.files.storage import storages
from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"


def check_database() -> str:
    """The database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        # Let the next request open a fresh connection instead of reusing a broken one.
        connection.close_if_unusable_or_obsolete()
        return ERROR
    return OK


def check_search() -> str:
    """The search backend answers (search/ knows how; the database backend is the database)."""
    from search.health import search_status

    return search_status()


def check_storage() -> str:
    """Both file storages answer a look-up (a HEAD request on S3, a stat locally)."""
    try:
        for alias in ("default", "private"):
            storages[alias].exists("healthz-probe")
    except Exception:  # any backend error means "cannot serve files", whatever its class
        logger.exception("Health check: a file storage does not answer")
        return ERROR
    return OK


def run_checks() -> tuple[bool, dict[str, str]]:
    """(database is up, every check's status)."""
    checks = {
        "database": check_database(),
        "search": check_search(),
        "storage": check_storage(),
    }
    return checks["database"] == OK, checks
