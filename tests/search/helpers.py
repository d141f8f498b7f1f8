"""Plain helpers of the search tests (their fixtures are in conftest.py): the nodes of
scripts/services.sh, index prefixes of a test's own, and a TCP relay to cut a node off."""

import os
import socket
import threading
import time
import uuid

from search.connection import get_engine

OPENSEARCH_URL = os.environ.get("APOP_TEST_OPENSEARCH_URL", "")
ELASTICSEARCH_URL = os.environ.get("APOP_TEST_ELASTICSEARCH_URL", "")


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


def ids(result) -> list[int]:
    return [hit.id for hit in result.hits]


class TcpProxy:
    """A TCP relay in front of the node: stopping it is the node going away, as far as the
    product can tell (connections refused), without stopping the node shared by the suite;
    `delay` makes it slow instead (a large one: a listener that accepts and never answers).
    `received` holds every byte clients sent that reached the target (tests count requests)."""

    def __init__(self, target_url: str):
        host_port = target_url.split("//", 1)[1].rstrip("/")
        host, port = host_port.rsplit(":", 1)
        self.target = (host, int(port))
        self.delay = 0.0
        self._server = None
        self._open: list[socket.socket] = []
        self.port = None
        self.received = bytearray()
        self._lock = threading.Lock()

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
                    if source is client:
                        with self._lock:
                            self.received += data
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
