"""Whether the search backend answers, for /healthz."""

import logging

from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def search_status() -> str:
    """ "ok" when the configured backend answers, "error" otherwise."""
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        # Wagtail's database backend: it is up whenever the database is.
        return "ok"
    try:
        return "ok" if client.ping() else "error"
    except Exception:  # a client error of any kind means the engine is unreachable
        logger.exception("Health check: the search engine does not answer")
        return "error"
