"""Throwaway instances of the services, for the fault and load tests: each test breaks its own
(stops the process, or puts a listener that never answers in front of it), never the ones of
scripts/services.sh that the rest of the suite shares. Binaries and versions are those of
scripts/services.sh (read from it: one place)."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers import ON_CI, REPO, wait_until

SERVICES_SCRIPT = REPO / "scripts" / "services.sh"
SERVICE_USER = os.environ.get("APOP_SERVICE_USER", "apop")
CACHE_DIRS = [
    Path(os.environ["APOP_CACHE_DIR"]) if os.environ.get("APOP_CACHE_DIR") else None,
    Path.home() / ".cache" / "apop",
    Path.home() / ".cache" / "apop.warm",
]


def missing(what: str) -> None:
    """Skip (fail on CI) a test whose service cannot be started here."""
    message = f"{what} — run scripts/services.sh start once to install it"
    if ON_CI:
        pytest.fail(message)
    pytest.skip(f"{message}; SKIPPED")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    """Something accepts TCP connections on 127.0.0.1:`port`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _pinned(name: str) -> str:
    """A version pinned in scripts/services.sh (e.g. STRIPE_MOCK_VERSION)."""
    match = re.search(rf"^{name}=(\S+)", SERVICES_SCRIPT.read_text(), re.MULTILINE)
    assert match, f"{name} is not set in {SERVICES_SCRIPT}"
    return match.group(1)


def cached_binary(name: str, version_variable: str) -> Path:
    """The Go binary scripts/services.sh built into its cache (bin/<name>-<version>/<name>)."""
    folder = f"{name}-{_pinned(version_variable)}"
    for cache in filter(None, CACHE_DIRS):
        binary = cache / "bin" / folder / name
        if binary.is_file() and os.access(binary, os.X_OK):
            return binary
    missing(f"{name} is not built ({folder})")
    raise AssertionError("unreachable")  # missing() skips or fails


def _throwaway_folder(prefix: str) -> Path:
    """A folder under /tmp the service user may write to (pytest's are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix=f"apop-{prefix}-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, SERVICE_USER)
    return folder


def _as_service_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root.
    return ["runuser", "-u", SERVICE_USER, "--", *command] if os.geteuid() == 0 else command


class Process:
    """A server process on a port chosen once: stop() is the service going away (SIGTERM to
    its process group), start() brings it back on the same port."""

    def __init__(self, command: list[str], *, port: int, env: dict | None = None, log: Path):
        self.command, self.port, self.env, self.log = command, port, env, log
        self._process: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> None:
        if self.running:
            return
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                self.command,
                env={**os.environ, **(self.env or {})},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stop() ends its children too
            )
        if not wait_until(lambda: answers(self.port) or self._process.poll() is not None, timeout):
            self.stop()
            raise RuntimeError(f"{self.command[0]} does not answer (see {self.log})")
        if self._process.poll() is not None:
            raise RuntimeError(f"{self.command[0]} exited (see {self.log})")

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if not self.running:
            return
        os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        # Wait for the port to be free again: start() may follow at once.
        wait_until(lambda: not answers(self.port), 10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def stripe_mock() -> Process:
    """stripe-mock on a port of its own."""
    binary = cached_binary("stripe-mock", "STRIPE_MOCK_VERSION")
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="apop-stripe-"))
    return Process(
        [str(binary), "-http-addr", f"127.0.0.1:{port}", "-https-addr", f"127.0.0.1:{free_port()}"],
        port=port,
        log=folder / "stripe-mock.log",
    )


def s3_server() -> tuple[Process, dict]:
    """The Versity S3 Gateway over a folder of its own, with keys of its own; (process,
    {endpoint, region, access_key, secret_key})."""
    binary = cached_binary("versitygw", "VERSITYGW_VERSION")
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="apop-s3-"))
    (folder / "data").mkdir()
    keys = {
        "endpoint": f"http://127.0.0.1:{port}",
        "region": "ca-central-1",
        "access_key": f"faults{os.urandom(6).hex()}",
        "secret_key": os.urandom(20).hex(),
    }
    process = Process(
        [str(binary), "--port", f"127.0.0.1:{port}", "--region", keys["region"], "--quiet"]
        + ["posix", str(folder / "data")],
        port=port,
        env={
            "ROOT_ACCESS_KEY_ID": keys["access_key"],
            "ROOT_SECRET_ACCESS_KEY": keys["secret_key"],
        },
        log=folder / "versitygw.log",
    )
    return process, keys


class Postgres:
    """A PostgreSQL cluster of its own (initdb, pg_ctl), durability off like the suite's;
    stop() stops the server at once (as a crash would), start() brings it back, same port."""

    def __init__(self):
        self.bin = Path(f"/usr/lib/postgresql/{_pinned('PG_VERSION')}/bin")
        if not (self.bin / "initdb").exists():
            missing("PostgreSQL is not installed")
        self.folder = _throwaway_folder("postgres")
        self.port = free_port()
        subprocess.run(
            _as_service_user(
                [str(self.bin / "initdb"), "-D", str(self.folder / "data"), "-U", "apop"]
                + ["--auth=trust", "-E", "UTF8", "--no-locale"]
            ),
            check=True,
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgres://apop@127.0.0.1:{self.port}/apop"

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            _as_service_user(
                [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-t", "60"]
                + ["-l", str(self.folder / "postgres.log"), "-o", options, "start"]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_service_user(
                [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data")]
                + ["-m", "immediate", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
        )

    def copy_database(self, settings_dict: dict) -> None:
        """Create the database `apop` here as a copy of another (pg_dump | psql): the tables,
        rows and sequences a test wrote in its own database, without running the migrations
        again. The suite's snapshot copies (tests/conftest.py) are left out."""
        source = [
            "-h",
            settings_dict["HOST"] or "127.0.0.1",
            "-p",
            str(settings_dict["PORT"] or 5432),
            "-U",
            settings_dict["USER"],
        ]
        target = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "apop"]
        subprocess.run([str(self.bin / "createdb"), *target, "apop"], check=True)
        dump = subprocess.Popen(
            [str(self.bin / "pg_dump"), *source, "--no-owner", "--exclude-schema=apop_snapshot_*"]
            + [settings_dict["NAME"]],
            stdout=subprocess.PIPE,
        )
        subprocess.run(
            [str(self.bin / "psql"), *target, "-q", "-v", "ON_ERROR_STOP=1", "-d", "apop"],
            stdin=dump.stdout,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        dump.stdout.close()
        assert dump.wait() == 0

    def query(self, sql: str, *params) -> list[tuple]:
        """Rows of `sql` on this cluster's database (the test's own connection is elsewhere)."""
        import psycopg

        with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as connection:
            return connection.execute(sql, params).fetchall()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class SmtpServer:
    """A real SMTP server (aiosmtpd) in this process, collecting what it receives; stop() and
    start() take it away and bring it back on the same port."""

    def __init__(self):
        self.port = free_port()
        self.messages: list = []
        self._controller = None

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                from email import message_from_bytes, policy

                server.messages.append(message_from_bytes(envelope.content, policy=policy.default))
                return "250 OK"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class ErrorServer:
    """An HTTP server that answers 500 to everything (a service that is up but failing)."""

    def __init__(self):
        class Handler(BaseHTTPRequestHandler):
            def _fail(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                body = b'{"error": {"type": "api_error", "message": "Internal error"}}'
                self.send_response(500)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_DELETE = _fail

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class AppServer:
    """The product served by gunicorn (threads: real concurrency) on a port of its own, with
    tests/faults/served_settings.py and `env` (DATABASE_URL, APOP_SERVED_*…)."""

    def __init__(self, env: dict, *, workers: int = 2, threads: int = 8):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="apop-gunicorn-"))
        media = {
            "MEDIA_ROOT": str(self.folder / "public"),
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
        }
        self.process = Process(
            [sys.executable, "-m", "gunicorn", "apop.wsgi:application", "--chdir", str(REPO)]
            + ["--config", str(REPO / "gunicorn.conf.py")]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)]
            + [
                "--threads",
                str(threads),
                "--timeout",
                "120",
                "--graceful-timeout",
                "5",
                "--preload",
            ],
            port=self.port,
            env={"DJANGO_SETTINGS_MODULE": "tests.faults.served_settings", **media, **env},
            log=self.folder / "gunicorn.log",
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process.start(timeout=90)

    def stop(self) -> None:
        self.process.stop()

    def log(self) -> str:
        return self.process.log.read_text(errors="replace")


def database_url(settings_dict: dict) -> str:
    """The URL of a Django database (the test database of this pytest-xdist worker)."""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{settings_dict['NAME']}"


def wait_for_http(url: str, timeout: float = 30.0) -> bool:
    """Whether `url` answers (any status) within `timeout` seconds."""
    import urllib.error
    import urllib.request

    def answered():
        try:
            urllib.request.urlopen(url, timeout=5)
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False
        return True

    return wait_until(answered, timeout)
