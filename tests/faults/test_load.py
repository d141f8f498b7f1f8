"""Load, bounded in count and time, against the product served by gunicorn (2 processes of 8
threads: real concurrency) on this test's PostgreSQL database: concurrent Stripe deliveries and
buyers each fulfil an order exactly once, with no deadlock and no 5xx; 200 concurrent searches
for APOP_LOAD_SECONDS (30) fail none, and their latency is written to benchmarks/ (the test
asserts no time: the machine decides those); a kept-alive connection outlives a pause."""

import http.client
import json
import os
import platform
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from boutique.models import CartItem, Entitlement, Order, Payout, StripeEvent
from tests.boutique.helpers import event, make_order
from tests.conftest import STRIPE_MOCK_URL
from tests.faults import services
from tests.faults.helpers import deliver, transfer_requests
from tests.helpers import REPO
from tests.search.helpers import TcpProxy

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SEARCH_SECONDS = float(os.environ.get("APOP_LOAD_SECONDS", "30"))
SEARCH_CLIENTS = 200
RESULTS = REPO / "benchmarks" / "load-search.json"


@pytest.fixture(scope="module")
def counted_stripe():
    """The shared stripe-mock (not broken here) behind a relay that counts the requests."""
    if not STRIPE_MOCK_URL:
        services.missing("stripe-mock is not running (scripts/services.sh start stripe)")
    relay = TcpProxy(STRIPE_MOCK_URL)
    relay.start()
    yield relay
    relay.stop()


@pytest.fixture(scope="module")
def app(django_db_setup, counted_stripe):
    """gunicorn serving the product on this worker's test database."""
    server = services.AppServer(
        {
            "DATABASE_URL": services.database_url(connection.settings_dict),
            "APOP_SERVED_STRIPE_API_BASE": counted_stripe.url,
        },
        workers=2,
        threads=8,  # 16 database connections at most: the suite's PostgreSQL allows 100 in all
    )
    server.start()
    yield server
    server.stop()


def at_once(function, items: list) -> list:
    """`function` on every item, all at the same time (one thread each)."""
    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(function, items))


def fulfilled_once(order: Order, resources: list) -> None:
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.receipt_sent_at is not None
    granted = Entitlement.objects.filter(order_line__order=order, revoked_at__isnull=True)
    assert sorted(granted.values_list("resource_id", flat=True)) == sorted(r.pk for r in resources)
    [payout] = Payout.objects.filter(order=order)
    assert payout.status == Payout.Status.TRANSFERRED


def test_concurrent_deliveries_fulfil_each_order_once(
    app, counted_stripe, make_member, exams, notes, receiving_seller
):
    buyers = [make_member(f"Acheteur {n}", email=f"acheteur{n}@example.org") for n in range(51)]
    orders = [make_order(buyer, [exams, notes]) for buyer in buyers]
    same = event("checkout_session_completed", orders[0])
    deliveries = [same] * 50 + [event("checkout_session_completed", o) for o in orders[1:]]
    transfers_before = transfer_requests(counted_stripe)

    statuses = at_once(lambda stripe_event: deliver(app.url, stripe_event).status_code, deliveries)

    assert statuses == [200] * 100, app.log()[-4000:]  # no 5xx, no deadlock
    for order in orders:
        fulfilled_once(order, [exams, notes])
    assert StripeEvent.objects.count() == 51
    assert StripeEvent.objects.filter(processed_at__isnull=False, error="").count() == 51
    assert transfer_requests(counted_stripe) - transfers_before == 51


def test_twenty_buyers_of_the_same_resource_at_once(
    app, counted_stripe, make_member, exams, receiving_seller
):
    buyers = [make_member(f"Acheteuse {n}", email=f"acheteuse{n}@example.org") for n in range(20)]
    cookies = []
    for buyer in buyers:
        CartItem.objects.create(user=buyer, resource=exams)
        browser = Client()
        browser.force_login(buyer)
        cookies.append(browser.cookies[settings.SESSION_COOKIE_NAME].value)

    def buy(session_cookie: str) -> tuple[int, str]:
        with requests.Session() as visitor:
            visitor.cookies.set(settings.SESSION_COOKIE_NAME, session_cookie)
            assert visitor.get(f"{app.url}/fr/panier/", timeout=120).status_code == 200
            paying = visitor.post(
                f"{app.url}/fr/panier/payer/",
                data={"csrfmiddlewaretoken": visitor.cookies["csrftoken"]},
                allow_redirects=False,
                timeout=120,
            )
        return paying.status_code, paying.headers.get("Location", "")

    answers = at_once(buy, cookies)

    assert [status for status, _location in answers] == [303] * 20, app.log()[-4000:]
    assert all(url.startswith("https://checkout.stripe.com/") for _status, url in answers)
    orders = list(Order.objects.filter(status=Order.Status.PENDING).order_by("pk"))
    assert sorted(order.user_id for order in orders) == sorted(buyer.pk for buyer in buyers)
    assert len({order.stripe_session_id for order in orders}) == 20
    transfers_before = transfer_requests(counted_stripe)

    paid = [
        event("checkout_session_completed", order, session_id=order.stripe_session_id)
        for order in orders
    ]
    statuses = at_once(lambda stripe_event: deliver(app.url, stripe_event).status_code, paid)

    assert statuses == [200] * 20, app.log()[-4000:]
    for order in orders:
        fulfilled_once(order, [exams])
    assert CartItem.objects.count() == 0
    assert transfer_requests(counted_stripe) - transfers_before == 20


def test_a_kept_alive_connection_outlives_a_pause(app):
    """A client (or a load balancer) that sends its next request on a kept-alive connection after
    a pause gets an answer: with gunicorn's default of 2 s, the connection was closed under it,
    which reset requests already sent (three ConnectionErrors in 30 s of 200 concurrent
    searches). http.client, unlike requests, never opens a new connection behind the test's back."""
    connection_ = http.client.HTTPConnection("127.0.0.1", app.port, timeout=30)
    try:
        statuses = []
        for pause in (0, 3.5):  # gunicorn closes idle connections on its 1 s loop: past 2 s
            time.sleep(pause)
            connection_.request("GET", "/healthz")
            answer = connection_.getresponse()
            answer.read()
            statuses.append(answer.status)
    finally:
        connection_.close()
    assert statuses == [200, 200]


QUERIES = ["calcul", "exercices+corriges", "programmation", "chimie+organique", "licence", ""]


def test_two_hundred_concurrent_searches(app, make_resource, make_member):
    author = make_member("Léa Gagnon")
    subjects = ["Calcul différentiel", "Chimie organique", "Programmation Python", "Biologie"]
    for number in range(24):
        subject = subjects[number % len(subjects)]
        make_resource(f"{subject} : exercices corrigés {number}", authors=[author])
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SEARCH_SECONDS

    def searcher(number: int) -> None:
        with requests.Session() as visitor:
            turn = number
            while time.monotonic() < deadline:
                query = QUERIES[turn % len(QUERIES)]
                turn += 1
                started = time.perf_counter()
                try:
                    status = visitor.get(f"{app.url}/fr/recherche/?q={query}", timeout=120)
                    outcome = "" if status.status_code == 200 else f"HTTP {status.status_code}"
                except requests.RequestException as error:
                    outcome = f"{type(error).__name__}: {error}"
                with lock:
                    latencies.append(time.perf_counter() - started)
                    if outcome:
                        failures.append(outcome)

    started = time.perf_counter()
    at_once(searcher, list(range(SEARCH_CLIENTS)))
    elapsed = time.perf_counter() - started  # the last requests end after the deadline

    assert failures == [], app.log()[-4000:]
    assert len(latencies) >= SEARCH_CLIENTS
    cuts = statistics.quantiles(sorted(latencies), n=100)
    RESULTS.write_text(
        json.dumps(
            {
                "what": "GET /fr/recherche/?q=… (database search, 24 resources), "
                f"{SEARCH_CLIENTS} concurrent clients for {SEARCH_SECONDS:g} s, gunicorn "
                "2 processes × 8 threads, PostgreSQL, on one machine with the test suite",
                "measured_on": timezone.localdate().isoformat(),
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "requests": len(latencies),
                "errors": len(failures),
                "seconds_until_the_last_answer": round(elapsed, 1),
                "requests_per_second": round(len(latencies) / elapsed, 1),
                "p50_ms": round(cuts[49] * 1000),
                "p95_ms": round(cuts[94] * 1000),
                "max_ms": round(max(latencies) * 1000),
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
