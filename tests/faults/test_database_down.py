"""PostgreSQL down: the product, served by gunicorn on a PostgreSQL cluster of this module's own,
loses its database mid-test (the server stopped at once, as in a crash). Every page is then the
static 503 page in the visitor's language, without a traceback; /healthz answers 503; a Stripe
webhook is answered 503, so Stripe delivers it again; once the database is back, that retried
event fulfils the order, once."""

import pytest
import requests
from django.db import connection

from tests.boutique.helpers import event, make_order
from tests.faults import services
from tests.faults.helpers import deliver

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def own_postgres():
    cluster = services.Postgres()
    cluster.start()
    yield cluster
    cluster.remove()


@pytest.fixture
def served(own_postgres, stripe_mock):
    """gunicorn serving the product on the module's cluster, which holds a copy of this test's
    database (taken when the test calls it)."""
    server = None

    def serve() -> services.AppServer:
        nonlocal server
        own_postgres.copy_database(connection.settings_dict)
        server = services.AppServer(
            {"DATABASE_URL": own_postgres.url, "APOP_SERVED_STRIPE_API_BASE": stripe_mock}
        )
        server.start()
        return server

    yield serve
    if server is not None:
        server.stop()


def test_without_its_database_the_site_says_so_and_stripe_retries_until_it_is_back(
    own_postgres, served, luc, exams
):
    order = make_order(luc, [exams])
    paid = event("checkout_session_completed", order)
    server = served()
    assert requests.get(f"{server.url}/fr/", timeout=30).status_code == 200

    own_postgres.stop()
    french = requests.get(f"{server.url}/fr/ressources/", timeout=30)
    english = requests.get(f"{server.url}/en/", timeout=30)
    health = requests.get(f"{server.url}/healthz", timeout=30)
    webhook = deliver(server.url, paid)

    assert french.status_code == english.status_code == 503
    assert french.headers["Retry-After"] == english.headers["Retry-After"] == "120"
    assert '<html lang="fr-CA">' in french.text
    assert "Temporairement indisponible" in french.text
    assert "aucun paiement n’a été perdu" in french.text
    assert '<html lang="en-CA">' in english.text
    assert "Temporarily unavailable" in english.text
    assert "no payment was lost" in english.text
    for page in (french, english):
        assert "Traceback" not in page.text
        assert "OperationalError" not in page.text
    assert health.status_code == 503
    assert health.json()["checks"]["database"] == "error"
    assert webhook.status_code == 503, server.log()[-4000:]  # Stripe delivers it again later

    own_postgres.start()
    retried = deliver(server.url, paid)
    replayed = deliver(server.url, paid)

    assert retried.status_code == replayed.status_code == 200, server.log()[-4000:]
    assert requests.get(f"{server.url}/healthz", timeout=30).status_code == 200
    assert own_postgres.query(
        "SELECT status, receipt_sent_at IS NOT NULL FROM boutique_order WHERE reference = %s",
        order.reference,
    ) == [("paid", True)]
    assert own_postgres.query(
        "SELECT count(*) FROM boutique_entitlement e JOIN boutique_orderline l"
        " ON e.order_line_id = l.id WHERE l.order_id = %s",
        order.pk,
    ) == [(1,)]
    assert own_postgres.query(
        "SELECT count(*) FROM boutique_payout WHERE order_id = %s", order.pk
    ) == [(1,)]
    assert own_postgres.query(
        "SELECT count(*), count(processed_at) FROM boutique_stripeevent WHERE event_id = %s",
        paid["id"],
    ) == [(1, 1)]
