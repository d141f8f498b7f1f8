"""The one place that knows which search client to use: `elasticsearch` for Elasticsearch 8,
`opensearch-py` for OpenSearch 2 (the Elasticsearch client refuses servers that are not
Elasticsearch). Request bodies are built with elasticsearch-dsl elsewhere and are the same for
both; only the client object differs."""

import logging
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)

# Kept-alive connections to the engine per process: more than a gunicorn worker's threads.
CONNECTIONS_PER_NODE = 10
ELASTICSEARCH = "elasticsearch"
OPENSEARCH = "opensearch"


class SearchUnavailable(Exception):
    """The engine cannot answer now (down, slow, refusing): callers fall back to the database."""


@dataclass(frozen=True)
class EngineConfig:
    kind: str  # ELASTICSEARCH or OPENSEARCH
    url: str
    prefix: str
    timeout: float

    @property
    def alias(self) -> str:
        """The name every query uses; it points at one timestamped index at a time."""
        return f"{self.prefix}-resources"


def engine_config() -> EngineConfig | None:
    """The configured engine, or None for the database implementation (the embedded default)."""
    conf = settings.APOP_SEARCH
    if not conf.get("URL"):
        return None
    return EngineConfig(conf["ENGINE"], conf["URL"], conf["INDEX_PREFIX"], conf["TIMEOUT"])


@lru_cache(maxsize=8)
def _client(config: EngineConfig):
    if config.kind == OPENSEARCH:
        from opensearchpy import OpenSearch

        # opensearch-py leaves urllib3's pool at one connection: every request a gunicorn
        # thread makes while another holds it opened a new connection and threw it away
        # ("Connection pool is full" under load). As many as the Elasticsearch client keeps.
        return OpenSearch(
            hosts=[config.url],
            timeout=config.timeout,
            max_retries=0,
            retry_on_timeout=False,
            pool_maxsize=CONNECTIONS_PER_NODE,
        )
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        config.url,
        request_timeout=config.timeout,
        max_retries=0,
        retry_on_timeout=False,
        connections_per_node=CONNECTIONS_PER_NODE,
    )


@lru_cache(maxsize=1)
def _transport_errors() -> tuple[type[BaseException], ...]:
    """Errors meaning "no usable answer": connection refused, timeout, 5xx, unexpected 4xx."""
    errors: list[type[BaseException]] = []
    try:
        import elastic_transport
        import elasticsearch

        errors += [elastic_transport.TransportError, elasticsearch.ApiError]
    except ImportError:  # pragma: no cover - both clients are dependencies
        pass
    try:
        import opensearchpy

        errors += [opensearchpy.exceptions.OpenSearchException]
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


class Engine:
    """A thin wrapper: the same method names whatever the client; every failure is raised as
    SearchUnavailable so that callers have one exception to handle."""

    def __init__(self, config: EngineConfig):
        self.config = config
        self.client = _client(config)
        self._errors = _transport_errors()

    def _call(self, path: str, *, timeout: float | None = None, **kwargs):
        """Call the client's API `path` ("search", "indices.create"…) with a timeout."""
        client = self.client
        if timeout is not None:
            if self.config.kind == OPENSEARCH:
                kwargs["request_timeout"] = timeout
            else:
                # elasticsearch 8: per-request options come from a copy of the client.
                client = client.options(request_timeout=timeout)
        method = client
        for name in path.split("."):
            method = getattr(method, name)
        try:
            return method(**kwargs)
        except self._errors as error:
            raise SearchUnavailable(str(error)[:500]) from error

    def ping(self) -> bool:
        """The cluster answers its health endpoint (red counts as not answering)."""
        try:
            health = self._call("cluster.health", timeout=self.config.timeout)
        except SearchUnavailable:
            return False
        return health.get("status") in ("green", "yellow")

    def search(self, index: str, body: dict) -> dict:
        return self._call("search", index=index, body=body)

    def count(self, index: str) -> int:
        return self._call("count", index=index)["count"]

    def mget_versions(self, index: str, ids: list[str]) -> dict[str, str]:
        """{id: the stored document's `updated` stamp} for the documents that exist."""
        body = {"ids": ids}
        source = "_source_includes" if self.config.kind == OPENSEARCH else "source_includes"
        answer = self._call("mget", index=index, body=body, **{source: "updated"})
        return {doc["_id"]: doc["_source"].get("updated") for doc in answer["docs"] if doc["found"]}

    def index_names(self, alias: str) -> list[str]:
        """The indices the alias points at (none when it does not exist yet)."""
        try:
            answer = self.client.indices.get_alias(name=alias)
        except self._errors as error:
            if getattr(error, "status_code", None) == 404 or getattr(error, "status", None) == 404:
                return []
            raise SearchUnavailable(str(error)[:500]) from error
        return sorted(answer)

    def indices_with_prefix(self, prefix: str) -> list[str]:
        answer = self._call("indices.get", index=f"{prefix}*", timeout=30)
        return sorted(answer)

    def create_index(self, name: str, body: dict) -> None:
        self._call("indices.create", index=name, body=body, timeout=30)

    def delete_index(self, name: str) -> None:
        self._call("indices.delete", index=name, timeout=30)

    def refresh(self, index: str) -> None:
        self._call("indices.refresh", index=index, timeout=30)

    def put_settings(self, index: str, body: dict) -> None:
        self._call("indices.put_settings", index=index, body=body, timeout=30)

    def update_aliases(self, actions: list[dict]) -> None:
        self._call("indices.update_aliases", body={"actions": actions}, timeout=30)

    def bulk(self, actions, *, timeout: float = 60) -> tuple[int, list]:
        """Send actions with the client's bulk helper; (successes, errors)."""
        if self.config.kind == OPENSEARCH:
            from opensearchpy import helpers
        else:
            from elasticsearch import helpers
        client = self.client
        kwargs = {"request_timeout": timeout} if self.config.kind == OPENSEARCH else {}
        if self.config.kind != OPENSEARCH:
            client = self.client.options(request_timeout=timeout)
        try:
            return helpers.bulk(
                client, actions, chunk_size=500, raise_on_error=False, stats_only=False, **kwargs
            )
        except self._errors as error:
            raise SearchUnavailable(str(error)[:500]) from error


def get_engine() -> Engine | None:
    """The configured engine (a shared client), or None when search runs on the database."""
    config = engine_config()
    return Engine(config) if config else None
