"""The Django side of benchmarks/measures/operations.py, run in the run's environment
(`run.django("benchmarks.operations_data", <command>, …)`); each command prints one JSON line.

- `orders --count N`: N pending 3-line orders as the checkout writes them (boutique.checkout),
  each by a buyer of its own, of paid generated resources whose sellers have a Stripe Connect
  account on stripe-mock (made through boutique.connect, then marked able to receive), and the
  `checkout.session.completed` event Stripe would send for each (boutique.demo_payments builds
  it), with a session and a PaymentIntent of its own so that fulfilment asks stripe-mock for the
  charge and sends the sellers' transfers there.
- `check-orders REFERENCE…`: what fulfilment left of each order — paid, one entitlement per
  line, every seller's payout transferred at stripe-mock, the event handled without error.
- `downloads --count V`: V files of free resources (anyone may download them).
- `oai-records`: the OAI-PMH records of the generated catalogue (`manage.py oai_records`: the
  bulk generator writes none), timed."""

import argparse
import json
import os
import secrets
import sys
import time
from pathlib import Path
from types import SimpleNamespace

if __name__ == "__main__":  # run as a script: the repository on the path, Django set up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from benchmarks.catalogue import EMAIL_DOMAIN  # noqa: E402
from benchmarks.database import check_throwaway  # noqa: E402
from boutique import checkout, connect, demo_payments, pricing  # noqa: E402
from boutique.models import Entitlement, Order, OrderLine, Payout, StripeEvent  # noqa: E402
from oai import records  # noqa: E402
from oai.models import OaiRecord  # noqa: E402
from resources.models import ResourceFile, ResourcePage  # noqa: E402

LINES = 3  # resources per order
POOL = 30  # paid resources the orders draw from: their sellers get a Connect account
PER_SELLER = 3  # at most, so that the pool has sellers enough at any N
BUYER_DOMAIN = f"acheteurs.{EMAIL_DOMAIN}"


def _sellers() -> list[tuple[object, list[ResourcePage]]]:
    """(seller, their paid resources) of the first POOL paid resources that have a seller, the
    most prolific authors first (the generated authors' ids follow their output), PER_SELLER at
    most each: some sellers have several, so that an order can have 2 sellers as well as 3 (the
    most prolific author alone has dozens of paid resources at 10,000)."""
    resources = (
        ResourcePage.objects.live()
        .filter(price_cents__gt=0)
        .prefetch_related("authors")
        .order_by("owner_id", "pk")
    )
    sellers: dict[int, tuple[object, list[ResourcePage]]] = {}
    taken = 0
    for resource in resources.iterator(chunk_size=500):
        seller = checkout.seller_of(resource)  # None: authors without an account
        if seller is not None and len(sellers.get(seller.pk, (None, []))[1]) < PER_SELLER:
            sellers.setdefault(seller.pk, (seller, []))[1].append(resource)
            taken += 1
        if taken == POOL:
            break
    if len(sellers) < LINES:
        sys.exit(f"Fewer than {LINES} sellers of paid resources: no order of 2 or 3 sellers.")
    return list(sellers.values())


def _lines(sellers, number: int) -> list[tuple[ResourcePage, object]]:
    """The (resource, seller) lines of order `number`: every other order, two resources of one
    seller and one of another (when a seller has two); otherwise three sellers."""
    several = [entry for entry in sellers if len(entry[1]) >= 2]
    if number % 2 == 0 and several:
        seller, resources = several[(number // 2) % len(several)]
        other, others = next(
            sellers[(number + step) % len(sellers)]
            for step in range(len(sellers))
            if sellers[(number + step) % len(sellers)][0].pk != seller.pk
        )
        return [(resources[0], seller), (resources[1], seller), (others[0], other)]
    chosen = [sellers[(number + step) % len(sellers)] for step in range(LINES)]
    return [(resources[number % len(resources)], seller) for seller, resources in chosen]


def _connect(sellers) -> None:
    """Each seller's Express account, made at stripe-mock as the sellers' page makes it, and
    ready to receive (as after Stripe's `account.updated` once onboarding is done)."""
    for seller in sellers:
        account = connect.ensure_account(seller)
        connect.sync_account(account.stripe_account_id, dict.fromkeys(connect.FLAGS, True))


def _buyer(number: int):
    User = get_user_model()
    return User.objects.create(
        email=f"acheteur-{number}-{secrets.token_hex(3)}@{BUYER_DOMAIN}",
        first_name="Acheteur",
        last_name=str(number),
        display_name=f"Acheteur {number}",
        language="fr",
        password="!bench-buyer-without-password",  # "!" first: Django's unusable password
    )


def orders(count: int) -> dict:
    sellers = _sellers()
    _connect(seller for seller, _resources in sellers)
    made = []
    for number in range(count):
        entries = _lines(sellers, number)
        buyer = _buyer(number)
        planned = [
            checkout.PlannedLine(
                OrderLine.Kind.RESOURCE,
                resource,
                resource.title,
                seller,
                pricing.resource_line(resource, buyer),
            )
            for resource, seller in entries
        ]
        token = secrets.token_hex(8)
        with transaction.atomic():
            # What checkout.start_checkout writes before sending the buyer to Stripe.
            order = checkout._create_order(SimpleNamespace(user=buyer), planned)
            order.stripe_session_id = f"cs_test_bench_{token}"
            order.save(update_fields=["stripe_session_id"])
        event = demo_payments.completed_event(order)
        event["id"] = f"evt_bench_{token}"
        event["data"]["object"]["payment_intent"] = f"pi_bench_{token}"
        made.append(
            {
                "reference": order.reference,
                "sellers": len({seller.pk for _resource, seller in entries}),
                "event": event,
            }
        )
    return {"orders": made}


def check_orders(references: list[str]) -> dict:
    """Problems (none when every order was fulfilled completely)."""
    problems = []
    found = {
        order.reference: order
        for order in Order.objects.filter(reference__in=references).prefetch_related(
            "lines", "payouts"
        )
    }
    events = dict(
        StripeEvent.objects.filter(
            payload__data__object__client_reference_id__in=references
        ).values_list("payload__data__object__client_reference_id", "error")
    )
    transfers = 0
    for reference in references:
        order = found.get(reference)
        if order is None:
            problems.append(f"{reference}: no such order")
            continue
        lines = [line for line in order.lines.all() if line.kind == OrderLine.Kind.RESOURCE]
        sellers = {line.seller_id for line in lines if line.seller_share_cents}
        payouts = list(order.payouts.all())
        granted = Entitlement.objects.live().filter(user_id=order.user_id, order_line__order=order)
        if order.status != Order.Status.PAID or order.paid_at is None:
            problems.append(f"{reference}: {order.status}, not paid")
        if len(lines) != LINES or granted.count() != LINES:
            problems.append(f"{reference}: {granted.count()} downloads granted of {len(lines)}")
        if {payout.seller_id for payout in payouts} != sellers:
            problems.append(f"{reference}: {len(payouts)} payouts for {len(sellers)} sellers")
        for payout in payouts:
            if payout.status != Payout.Status.TRANSFERRED or not payout.stripe_transfer_id:
                problems.append(f"{reference}: payout {payout.pk} {payout.status}")
            else:
                transfers += 1
        if reference not in events:
            problems.append(f"{reference}: no event stored")
        elif events[reference]:
            problems.append(f"{reference}: event error {events[reference]}")
    return {"orders": len(found), "transfers": transfers, "problems": problems}


def downloads(count: int) -> dict:
    files = (
        ResourceFile.objects.filter(page__live=True, page__price_cents=0)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "pk")
    )
    chosen, pages = [], set()
    for page_id, file_id in files.iterator(chunk_size=500):
        if page_id not in pages:  # one file per resource
            pages.add(page_id)
            chosen.append([page_id, file_id])
        if len(chosen) == count:
            break
    return {"files": chosen}


def oai_records() -> dict:
    started = time.perf_counter()
    report = records.rebuild()
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "created": report.created,
        "records": OaiRecord.objects.filter(deleted=False).count(),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("orders").add_argument("--count", type=int, required=True)
    commands.add_parser("check-orders").add_argument("references", nargs="+")
    commands.add_parser("downloads").add_argument("--count", type=int, required=True)
    commands.add_parser("oai-records")
    options = parser.parse_args(argv)
    check_throwaway()
    if options.command == "orders":
        result = orders(options.count)
    elif options.command == "check-orders":
        result = check_orders(options.references)
    elif options.command == "downloads":
        result = downloads(options.count)
    else:
        result = oai_records()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
