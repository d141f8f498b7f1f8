"""Search fixtures: the two implementations behind one fixture, and a small known catalogue.

`search_backend` is "database" (the embedded default) or "opensearch" (the real node started by
scripts/services.sh, reached through APOP_TEST_OPENSEARCH_URL); contract tests take it and must
pass on both. Each test that uses the node gets an index prefix of its own, dropped after."""

import os
import socket
import threading
import time
import uuid

import pytest

from resources.models import ResourcePage
from search import indexing
from search.connection import get_engine
from tests.conftest import ON_CI

# The catalogue builders of tests/resources, available here too.

OPENSEARCH_URL = os.environ.get("APOP_TEST_OPENSEARCH_URL", "")
ELASTICSEARCH_URL = os.environ.get("APOP_TEST_ELASTICSEARCH_URL", "")


def _require(url: str, what: str) -> None:
    if url:
        return
    message = f"{what} is not running (scripts/services.sh start)"
    if ON_CI:
        pytest.fail(message)
    pytest.skip(f"{message} — SKIPPED: run `make test` to test search on the real node")


def use_engine(settings, kind: str, url: str) -> str:
    """Point the product at a node with a prefix of this test's own; returns the prefix."""
    prefix = f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    settings.APOP_SEARCH = {"ENGINE": kind, "URL": url, "INDEX_PREFIX": prefix, "TIMEOUT": 2.0}
    return prefix


def drop_indices(prefix: str) -> None:
    engine = get_engine()
    if engine is None:
        return
    for name in engine.indices_with_prefix(prefix):
        engine.delete_index(name)


@pytest.fixture
def opensearch(settings):
    """The product searching the real OpenSearch node, on indices of this test only."""
    _require(OPENSEARCH_URL, "The OpenSearch node")
    prefix = use_engine(settings, "opensearch", OPENSEARCH_URL)
    yield get_engine()
    drop_indices(prefix)


@pytest.fixture(params=["database", "opensearch"])
def search_backend(request, settings):
    """Each contract test runs once per implementation."""
    if request.param == "database":
        settings.APOP_SEARCH = {**settings.APOP_SEARCH, "ENGINE": "", "URL": ""}
        yield "database"
        return
    request.getfixturevalue("opensearch")
    yield "opensearch"


# The known catalogue: (key, title, fields). Counts in the tests below follow from it.
RESOURCES = [
    (
        "calcul",
        "Calcul différentiel : exercices corrigés",
        {
            "disciplines": ("201",),
            "summary": "Des exercices sur les dérivées et les limites, avec solutions.",
            "tags": ("dérivées",),
            "licence": "CC-BY-NC-SA-4.0",
            "price_cents": 0,
            "download_count": 40,
            "levels": ("collegial_preuniversitaire",),
        },
    ),
    (
        "finance",
        "Mathématiques financières appliquées",
        {
            "disciplines": ("201",),
            "summary": "Intérêts composés, annuités et amortissement d'un prêt.",
            "tags": ("finance",),
            "licence": "LicenseRef-APOP-All-Rights-Reserved",
            "price_cents": 1500,
            "download_count": 5,
        },
    ),
    (
        "integral",
        "Examen de calcul intégral",
        {
            "disciplines": ("201",),
            "summary": "Un examen type avec son corrigé détaillé.",
            "tags": ("intégrales", "examen"),
            "licence": "CC-BY-4.0",
            "price_cents": 800,
            "download_count": 12,
        },
    ),
    (
        "python",
        "Introduction à la programmation Python",
        {
            "disciplines": ("420",),
            "summary": "Un exercice guidé par semaine pour apprendre à programmer.",
            "tags": ("python", "programmation"),
            "licence": "CC-BY-4.0",
            "price_cents": 0,
            "download_count": 100,
        },
    ),
    (
        "formative",
        "Grilles d'observation en classe",
        {
            "disciplines": ("420", "201"),
            "summary": "Des outils d'évaluation formative pour suivre les apprentissages.",
            "tags": ("évaluation",),
            "licence": "CC-BY-SA-4.0",
            "price_cents": 0,
            "download_count": 0,
        },
    ),
    (
        "english",
        "Python practice for beginners",
        {
            "disciplines": ("420",),
            "summary": "Short programming drills with their solutions.",
            "tags": ("python",),
            "language": "en",
            "licence": "CC-BY-4.0",
            "price_cents": 0,
            "download_count": 60,
        },
    ),
]


@pytest.fixture
def known_catalogue(make_resource, make_member):
    """Six published resources and one draft, indexed; {key: page}."""
    author = make_member("Léa Gagnon")
    pages = {}
    for key, title, fields in RESOURCES:
        fields = dict(fields)
        downloads = fields.pop("download_count")
        page = make_resource(title, authors=[author], **fields)
        ResourcePage.objects.filter(pk=page.pk).update(download_count=downloads)
        pages[key] = page
    pages["draft"] = make_resource(
        "Calcul différentiel : brouillon", publish=False, summary="Pas encore publié."
    )
    indexing.rebuild()
    return pages


def ids(result) -> list[int]:
    return [hit.id for hit in result.hits]


class TcpProxy:
    """A TCP relay in front of the node: stopping it is the node going away, as far as the
    product can tell (connections refused), without stopping the node shared by the suite;
    `delay` makes it slow instead."""

    def __init__(self, target_url: str):
        host_port = target_url.split("//", 1)[1].rstrip("/")
        host, port = host_port.rsplit(":", 1)
        self.target = (host, int(port))
        self.delay = 0.0
        self._server = None
        self._open: list[socket.socket] = []
        self.port = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port or 0))
        server.listen(16)
        self.port = server.getsockname()[1]
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def stop(self) -> None:
        """Refuse new connections and cut the open ones (clients keep connections alive)."""
        if self._server is not None:
            try:
                self._server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
            except OSError:
                pass
            self._server.close()
            self._server = None
        for sock in self._open:
            try:
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            except OSError:
                pass
        self._open.clear()

    def _accept(self, server) -> None:
        while True:
            try:
                client, _address = server.accept()
            except OSError:
                return
            self._open.append(client)
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client) -> None:
        if self.delay:
            time.sleep(self.delay)
        try:
            upstream = socket.create_connection(self.target)
        except OSError:
            client.close()
            return
        self._open.append(upstream)

        def pipe(source, sink):
            try:
                while data := source.recv(65536):
                    sink.sendall(data)
            except OSError:
                pass
            finally:
                for sock in (source, sink):
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()
        pipe(client, upstream)
