"""Whether search answers, for /healthz."""

from .service import engine_status


def search_status() -> str:
    """ "ok", or "degraded" when the engine is down and the database answers searches."""
    return engine_status()
