"""/healthz: 200 while the database answers, 503 when it does not."""

import socket

import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_reports_every_check_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "search": "ok", "storage": "ok"},
    }


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_is_down(client):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "an in-memory SQLite test database cannot be taken down; `make test` uses PostgreSQL"
        )
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict["PORT"] = _closed_port()
    else:
        connection.settings_dict["NAME"] = "/nonexistent-folder/apop.sqlite3"
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "error", "search": "ok", "storage": "ok"},
    }


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    response = client.post("/healthz")

    assert response.status_code == 405
