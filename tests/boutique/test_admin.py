"""The « Boutique » admin screens: orders (list, search, filter, inspect with lines, payouts and
refunds), Stripe events, payouts, refunds, seller accounts — read-only — and the staff's refund
action (boutique.refunds.refund is replaced here: its Stripe side is tested with it)."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from boutique.models import Order, Payout, Refund, SellerAccount, StripeEvent
from tests.boutique.helpers import LICENCE, paid_order, payout

UTC = datetime.UTC
ORDERS = "/admin/boutique/commandes/"
VIEWSETS = [
    "/admin/boutique/commandes/",
    "/admin/boutique/evenements-stripe/",
    "/admin/boutique/versements/",
    "/admin/boutique/remboursements/",
    "/admin/boutique/comptes-vendeurs/",
]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin@example.org", "pw-long-enough")


def staff_with(*codenames):
    user = get_user_model().objects.create_user(
        f"staff-{len(codenames)}@example.org", "pw-long-enough", is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="boutique", codename__in=codenames),
    )
    return user


@pytest.fixture
def orders(make_member, make_resource):
    seller = make_member("Alice Martin", membership_expires_on=datetime.date(2030, 1, 1))
    buyer = make_member("Buyer One", email="buyer.one@example.org")
    other = make_member("Buyer Two", email="buyer.two@example.org")
    limits = make_resource("Limites", authors=[seller], price_cents=1250, licence=LICENCE)
    derivatives = make_resource("Dérivées", authors=[seller], price_cents=2000, licence=LICENCE)
    order = paid_order(
        buyer, [limits, derivatives], paid_at=datetime.datetime(2026, 11, 10, tzinfo=UTC)
    )
    payout(order, seller)
    Refund.objects.create(order=order, amount_cents=0, reason="A test refund row")
    second = paid_order(other, [limits], paid_at=None, status=Order.Status.PENDING)
    SellerAccount.objects.create(user=seller, stripe_account_id="acct_alice")
    StripeEvent.objects.create(
        event_id="evt_123", type="checkout.session.completed", payload={"id": "evt_123"}
    )
    return SimpleNamespace(order=order, second=second, seller=seller, limits=limits)


# --- Screens -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", VIEWSETS)
def test_a_superuser_sees_every_listing(client, superuser, orders, url):
    client.force_login(superuser)

    assert client.get(url).status_code == 200


def test_the_boutique_menu(client, superuser, orders):
    client.force_login(superuser)

    html = client.get("/admin/").content.decode()

    for url in VIEWSETS:
        assert url in html


def test_the_orders_list_search_and_filter(client, superuser, orders):
    client.force_login(superuser)

    listing = client.get(ORDERS).content.decode()
    by_reference = client.get(ORDERS, {"q": orders.order.reference}).content.decode()
    by_email = client.get(ORDERS, {"q": "buyer.two@"}).content.decode()
    paid = client.get(ORDERS, {"status": "paid"}).content.decode()

    assert orders.order.reference in listing
    assert orders.second.reference in listing
    assert "32,50\u00a0$" in listing  # the total, with the money filter
    assert orders.order.reference in by_reference
    assert orders.second.reference not in by_reference
    assert orders.second.reference in by_email
    assert orders.order.reference not in by_email
    assert orders.order.reference in paid
    assert orders.second.reference not in paid


def test_the_order_inspect_page_shows_lines_payouts_refunds_and_the_refund_link(
    client, superuser, orders
):
    client.force_login(superuser)

    response = client.get(f"{ORDERS}inspect/{orders.order.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Limites" in html
    assert "Dérivées" in html
    assert "12,50\u00a0$" in html
    assert "26,00\u00a0$" in html
    assert "A test refund row" in html
    assert f"/admin/boutique/commandes/{orders.order.pk}/remboursement/" in html
    assert f"/admin/boutique/commandes/edit/{orders.order.pk}/" not in html
    assert f"/admin/boutique/commandes/delete/{orders.order.pk}/" not in html


def test_a_pending_order_has_no_refund_link(client, superuser, orders):
    client.force_login(superuser)

    html = client.get(f"{ORDERS}inspect/{orders.second.pk}/").content.decode()

    assert "/remboursement/" not in html


def test_the_stripe_event_inspect_page_shows_the_payload(client, superuser, orders):
    client.force_login(superuser)
    event = StripeEvent.objects.get()

    response = client.get(f"/admin/boutique/evenements-stripe/inspect/{event.pk}/")
    search = client.get("/admin/boutique/evenements-stripe/", {"q": "evt_123"})

    assert response.status_code == 200
    assert "&quot;id&quot;: &quot;evt_123&quot;" in response.content.decode()
    assert "checkout.session.completed" in search.content.decode()


@pytest.mark.parametrize("prefix", [v.removeprefix("/admin/") for v in VIEWSETS])
@pytest.mark.parametrize("action", ["new/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_nothing_can_be_added_edited_or_deleted(client, superuser, orders, prefix, action):
    client.force_login(superuser)
    pk = orders.order.pk

    assert client.get(f"/admin/{prefix}{action.format(pk=pk)}").status_code == 404
    assert client.post(f"/admin/{prefix}{action.format(pk=pk)}").status_code == 404


def test_staff_with_the_view_permission_see_orders(client, orders):
    client.force_login(staff_with("view_order"))

    assert client.get(ORDERS).status_code == 200
    assert client.get(f"{ORDERS}inspect/{orders.order.pk}/").status_code == 200
    # …but may not refund: no link, and the screen refuses.
    html = client.get(f"{ORDERS}inspect/{orders.order.pk}/").content.decode()
    assert "/remboursement/" not in html


def test_staff_without_boutique_permissions_are_refused(client, orders):
    client.force_login(staff_with())

    response = client.get(ORDERS)

    assert response.status_code in (302, 403)
    assert orders.order.reference not in response.content.decode()


# --- Refund --------------------------------------------------------------------------------


@pytest.fixture
def refund_calls(monkeypatch):
    calls = []

    def fake_refund(order, *, line=None, by=None, reason=""):
        calls.append({"order": order, "line": line, "by": by, "reason": reason})
        amount = line.price_cents if line else order.total_cents
        return SimpleNamespace(amount_cents=amount)

    monkeypatch.setattr("boutique.refunds.refund", fake_refund)
    return calls


def _refund_url(order):
    return f"/admin/boutique/commandes/{order.pk}/remboursement/"


def test_refund_one_line_after_confirmation(client, superuser, orders, refund_calls):
    client.force_login(superuser)
    order = orders.order
    line = order.lines.get(resource=orders.limits)
    data = {"target": f"line-{line.pk}", "reason": "Wrong file"}

    form = client.get(_refund_url(order))
    confirmation = client.post(_refund_url(order), data)

    assert form.status_code == 200
    assert "Limites" in form.content.decode()
    assert confirmation.status_code == 200
    assert 'name="confirm"' in confirmation.content.decode()
    assert "12,50\u00a0$" in confirmation.content.decode()
    assert refund_calls == []

    done = client.post(_refund_url(order), {**data, "confirm": "1"})

    assert done.status_code == 302
    assert done["Location"] == f"{ORDERS}inspect/{order.pk}/"
    assert refund_calls == [{"order": order, "line": line, "by": superuser, "reason": "Wrong file"}]


def test_refund_the_whole_order(client, superuser, orders, refund_calls):
    client.force_login(superuser)

    client.post(
        _refund_url(orders.order), {"target": "order", "reason": "Duplicate", "confirm": "1"}
    )

    assert refund_calls == [
        {"order": orders.order, "line": None, "by": superuser, "reason": "Duplicate"}
    ]


def test_a_reason_is_required(client, superuser, orders, refund_calls):
    client.force_login(superuser)

    response = client.post(_refund_url(orders.order), {"target": "order", "confirm": "1"})

    assert response.status_code == 200
    assert refund_calls == []


def test_a_refusal_of_the_refund_service_is_shown(client, superuser, orders, monkeypatch):
    from boutique import refunds

    def refuse(order, **kwargs):
        raise refunds.RefundError("Nothing is left to refund.")

    monkeypatch.setattr(refunds, "refund", refuse)
    client.force_login(superuser)

    response = client.post(
        _refund_url(orders.order),
        {"target": "order", "reason": "Duplicate", "confirm": "1"},
        follow=True,
    )

    assert "Nothing is left to refund." in response.content.decode()


def test_a_pending_order_cannot_be_refunded(client, superuser, orders, refund_calls):
    client.force_login(superuser)

    response = client.post(
        _refund_url(orders.second), {"target": "order", "reason": "x", "confirm": "1"}
    )

    assert response.status_code == 302
    assert refund_calls == []


def test_staff_with_the_change_permission_may_refund(client, orders, refund_calls):
    staff = staff_with("view_order", "change_order")
    client.force_login(staff)

    client.post(
        _refund_url(orders.order), {"target": "order", "reason": "Goodwill", "confirm": "1"}
    )

    assert [call["by"] for call in refund_calls] == [staff]


def test_staff_without_the_change_permission_get_403(client, orders, refund_calls):
    client.force_login(staff_with("view_order"))

    get = client.get(_refund_url(orders.order))
    post = client.post(
        _refund_url(orders.order), {"target": "order", "reason": "x", "confirm": "1"}
    )

    assert (get.status_code, post.status_code) == (403, 403)
    assert refund_calls == []


def test_members_who_are_not_staff_cannot_reach_the_refund(client, orders, refund_calls):
    client.force_login(orders.seller)

    response = client.post(
        _refund_url(orders.order), {"target": "order", "reason": "x", "confirm": "1"}
    )

    assert response.status_code in (302, 403)
    assert refund_calls == []
    assert Payout.objects.get().status == Payout.Status.PENDING
