"""The cart (boutique/cart.py, /<lang>/panier/): visitors' carts in the session, members' in the
database, merged at login; what may not be bought is refused with a message; prices are the
buyer's now (member prices for members); the resource page's buy box; free resources obtained."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

from boutique import cart
from boutique.models import CartItem, Entitlement, Order

pytestmark = pytest.mark.django_db

CART = "/en/cart/"


@pytest.fixture
def paid(make_resource, author):
    return make_resource(
        "Examens corrigés",
        slug="examens",
        authors=[author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        member_price_cents=1000,
    )


@pytest.fixture
def other_paid(make_resource, author):
    return make_resource(
        "Laboratoires",
        slug="laboratoires",
        authors=[author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=800,
    )


@pytest.fixture
def free(make_resource, author):
    return make_resource("Notes libres", slug="libres", authors=[author])


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _add(client, resource, **data):
    return client.post(f"/en/cart/add/{resource.pk}/", data)


# --- Visitors ----------------------------------------------------------------------------------


def test_a_visitor_adds_a_paid_resource_to_the_session_cart(client, paid):
    response = _add(client, paid)

    assert response.status_code == 302
    assert response["Location"] == "/en/resources/examens/"
    assert _messages(response) == ["“Examens corrigés” is in your cart."]
    assert client.session["boutique_cart"] == {"resources": [paid.pk], "membership": False}
    assert CartItem.objects.count() == 0
    html = client.get(CART).content.decode()
    assert 'href="/en/resources/examens/">Examens corrigés</a>' in html
    assert "$12.50" in html
    assert "Member prices apply after logging in" in html
    assert "Log in to pay" in html
    assert 'Cart <span class="cart-count">(1)</span>' in html


def test_adding_twice_keeps_one_line(client, paid):
    _add(client, paid)

    response = _add(client, paid)

    assert _messages(response)[-1] == "“Examens corrigés” is already in your cart."
    assert client.session["boutique_cart"]["resources"] == [paid.pk]


def test_next_is_followed_only_within_the_site(client, paid):
    inside = _add(client, paid, next="/en/cart/")
    outside = _add(client, paid, next="https://evil.example.com/")

    assert inside["Location"] == "/en/cart/"
    assert outside["Location"] == "/en/resources/examens/"


def test_a_free_resource_is_refused(client, free):
    response = _add(client, free)

    assert _messages(response) == [
        "This resource is free: download it or add it to your library from its page."
    ]
    assert "boutique_cart" not in client.session


def test_an_unpublished_resource_is_refused(client, paid):
    paid.unpublish()

    response = _add(client, paid)

    assert response["Location"] == "/en/cart/"
    assert _messages(response) == ["This resource is not available."]
    assert "boutique_cart" not in client.session


def test_an_unknown_resource_is_not_found(client):
    assert client.post("/en/cart/add/999999/").status_code == 404


def test_adding_needs_a_post(client, paid):
    assert client.get(f"/en/cart/add/{paid.pk}/").status_code == 405


def test_a_visitor_removes_a_line(client, paid, other_paid):
    _add(client, paid)
    _add(client, other_paid)

    response = client.post(f"/en/cart/remove/{paid.pk}/")

    assert response["Location"] == CART
    assert client.session["boutique_cart"]["resources"] == [other_paid.pk]


def test_the_empty_cart_helps(client, catalogue):
    html = client.get(CART).content.decode()

    assert "Your cart is empty" in html
    assert 'href="/en/resources/">Browse the resources</a>' in html
    assert "Pay securely" not in html


# --- Signed-in buyers --------------------------------------------------------------------------


def test_a_signed_in_buyer_s_cart_is_stored(client, buyer, paid):
    client.force_login(buyer)

    _add(client, paid)
    _add(client, paid)

    assert list(CartItem.objects.values_list("user_id", "resource_id")) == [(buyer.pk, paid.pk)]
    html = client.get(CART).content.decode()
    assert "$12.50" in html
    assert "Pay securely" in html
    assert "Member prices apply after logging in" not in html


def test_an_author_cannot_buy_their_own_resource(client, author, paid):
    client.force_login(author)

    response = _add(client, paid)

    assert _messages(response) == [
        "You are an author of this resource: you can already download it."
    ]
    assert CartItem.objects.count() == 0


def test_an_owned_resource_is_refused(client, buyer, paid):
    Entitlement.objects.create(user=buyer, resource=paid)
    client.force_login(buyer)

    response = _add(client, paid)

    assert _messages(response) == ["You already have this resource: it is in your library."]
    assert CartItem.objects.count() == 0


def test_a_signed_in_buyer_removes_a_line(client, buyer, paid):
    CartItem.objects.create(user=buyer, resource=paid)
    client.force_login(buyer)

    response = client.post(f"/en/cart/remove/{paid.pk}/")

    assert _messages(response) == ["The resource was removed from your cart."]
    assert CartItem.objects.count() == 0


def test_owned_and_unpublished_resources_drop_out_of_the_cart(
    client,
    buyer,
    paid,
    other_paid,
    make_resource,
    author,
):
    third = make_resource(
        "Projets",
        slug="projets",
        authors=[author],
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=300,
    )
    for resource in (paid, other_paid, third):
        CartItem.objects.create(user=buyer, resource=resource)
    Entitlement.objects.create(user=buyer, resource=paid)  # bought elsewhere meanwhile
    other_paid.unpublish()
    client.force_login(buyer)

    html = client.get(CART).content.decode()

    assert "Projets" in html
    assert "Examens corrigés" not in html
    assert "Laboratoires" not in html
    assert "$3.00" in html
    assert 'Cart <span class="cart-count">(1)</span>' in html
    # The owned line is gone for good; the unpublished one may come back.
    assert set(CartItem.objects.values_list("resource_id", flat=True)) == {other_paid.pk, third.pk}


def test_a_member_sees_the_member_price(client, member, paid):
    CartItem.objects.create(user=member, resource=paid)
    client.force_login(member)

    html = client.get(CART).content.decode()

    assert '<del><span class="visually-hidden">Regular price: </span>$12.50</del>' in html
    assert '<span class="price">$10.00</span>' in html
    assert "member price" in html


def test_a_non_member_sees_the_regular_price(client, buyer, paid):
    CartItem.objects.create(user=buyer, resource=paid)
    client.force_login(buyer)

    html = client.get(CART).content.decode()

    assert "<del>" not in html
    assert '<span class="price">$12.50</span>' in html
    assert '<span class="price">$10.00</span>' not in html


def test_cart_totals_for_a_member_and_a_visitor(rf, member, paid, other_paid):
    request = rf.get(CART)
    request.session = SessionStore()
    request.user = AnonymousUser()
    cart.add_resource(request, paid)
    cart.add_resource(request, other_paid)
    visitor_total = cart.cart_for(request).total_cents
    request.user = member
    cart.merge_session_cart(request, member)

    assert visitor_total == 1250 + 800
    assert cart.cart_for(request).total_cents == 1000 + 800


# --- Login merge -------------------------------------------------------------------------------


def test_the_visitor_s_cart_is_merged_at_login(client, buyer, paid, other_paid):
    # given: a stored cart with one resource and a session cart with two (one already stored)
    CartItem.objects.create(user=buyer, resource=paid)
    _add(client, paid)
    _add(client, other_paid)
    client.post("/en/cart/membership/")

    # when: the visitor logs in through allauth
    response = client.post(
        "/en/account/login/", {"login": buyer.email, "password": "pw-long-enough"}
    )

    # then: one line per resource, the membership flag kept, nothing left in the session's list
    assert response.status_code == 302
    assert sorted(CartItem.objects.filter(user=buyer).values_list("resource_id", flat=True)) == (
        sorted([paid.pk, other_paid.pk])
    )
    assert client.session["boutique_cart"] == {"resources": [], "membership": True}


def test_owned_and_own_resources_are_skipped_at_login(client, author, buyer, paid, other_paid):
    Entitlement.objects.create(user=buyer, resource=paid)
    _add(client, paid)
    _add(client, other_paid)

    client.force_login(buyer)

    assert list(CartItem.objects.values_list("resource_id", flat=True)) == [other_paid.pk]

    author_client = Client()
    _add(author_client, paid)
    author_client.force_login(author)

    assert CartItem.objects.filter(user=author).count() == 0


# --- Membership --------------------------------------------------------------------------------


def test_the_membership_goes_in_the_cart(client, paid):
    _add(client, paid)

    response = client.post("/en/cart/membership/", {"next": CART})

    assert response["Location"] == CART
    assert _messages(response)[-1] == "The APOP membership is in your cart."
    html = client.get(CART).content.decode()
    assert "APOP individual membership (one year)" in html
    assert "$60.00" in html
    assert '<span class="price">$72.50</span>' in html  # total
    assert 'Cart <span class="cart-count">(2)</span>' in html


def test_the_membership_leaves_the_cart(client):
    client.post("/en/cart/membership/")

    client.post("/en/cart/membership/", {"action": "remove"})

    assert client.session["boutique_cart"]["membership"] is False


def test_the_membership_page_explains_and_offers_renewal(client, member, buyer):
    visitor = client.get("/en/membership/").content.decode()
    client.force_login(member)
    renewal = client.get("/en/membership/").content.decode()

    assert "<h1>APOP individual membership</h1>" in visitor
    assert "$60.00" in visitor
    assert "Sell your resources" in visitor
    assert "Member prices" in visitor
    assert "Add to cart" in visitor
    assert "You are a member until" in renewal
    assert "Renew" in renewal


# --- Resource page buy box ---------------------------------------------------------------------


def test_a_visitor_sees_the_add_to_cart_button(client, paid):
    html = client.get("/en/resources/examens/").content.decode()

    assert f'action="/en/cart/add/{paid.pk}/"' in html
    assert "Add to cart" in html
    assert "$12.50" in html
    assert "$10.00 for APOP members and staff of member institutions" in html
    assert "Online payment opens soon" not in html


def test_a_resource_in_the_cart_says_so(client, buyer, paid):
    client.force_login(buyer)
    _add(client, paid)

    html = client.get("/en/resources/examens/").content.decode()

    assert 'In your cart — <a href="/en/cart/">see the cart</a>' in html
    assert f'action="/en/cart/add/{paid.pk}/"' not in html


def test_a_visitor_s_cart_is_seen_on_the_page(client, paid):
    _add(client, paid)

    html = client.get("/en/resources/examens/").content.decode()

    assert "In your cart" in html


@pytest.mark.parametrize("who", ["entitled", "author", "staff"])
def test_who_holds_the_resource_downloads_it(client, who, buyer, author, paid, make_member):
    user = {"entitled": buyer, "author": author, "staff": make_member("Admin", is_staff=True)}[who]
    if who == "entitled":
        Entitlement.objects.create(user=buyer, resource=paid)
    client.force_login(user)

    html = client.get("/en/resources/examens/").content.decode()

    assert f'href="/telechargement/{paid.pk}/">Download</a>' in html
    assert "In your library" in html
    assert "Add to cart" not in html


def test_without_stripe_nor_demonstration_purchases_are_not_open_yet(client, settings, paid):
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = False

    html = client.get("/en/resources/examens/").content.decode()

    assert "$12.50" in html
    assert "Online purchases are not open yet." in html
    assert f'action="/en/cart/add/{paid.pk}/"' not in html


def test_the_buy_box_costs_one_query_for_a_signed_in_buyer(
    buyer, paid, django_assert_max_num_queries
):
    client = Client()
    client.force_login(buyer)
    client.get("/en/resources/examens/")  # warm the page's cache

    # 12, and the buyer's institutions (their confirmed addresses and the domains), read once for
    # the institution licences (boutique/institution_licences.py).
    with django_assert_max_num_queries(14) as captured:
        response = client.get("/en/resources/examens/")

    assert response.status_code == 200
    boutique = [q for q in captured if "boutique_" in q["sql"]]
    # the buy box's one query, and the header's cart count
    assert len(boutique) == 2


def test_the_buy_box_costs_no_query_for_a_visitor(paid, django_assert_max_num_queries):
    client = Client()
    client.get("/en/resources/examens/")

    with django_assert_max_num_queries(12) as captured:
        client.get("/en/resources/examens/")

    assert [q for q in captured if "boutique_" in q["sql"]] == []


# --- Free resources ----------------------------------------------------------------------------


def test_a_free_resource_is_obtained_once(client, buyer, free):
    client.force_login(buyer)

    first = client.post(f"/en/cart/get/{free.pk}/")
    second = client.post(f"/en/cart/get/{free.pk}/")

    assert first["Location"] == "/en/resources/libres/"
    assert _messages(first) == ["Added to your library"]
    assert second.status_code == 302
    entitlement = Entitlement.objects.get()
    assert (entitlement.user, entitlement.resource_id, entitlement.order_line) == (
        buyer,
        free.pk,
        None,
    )
    assert Order.objects.count() == 0


def test_obtaining_needs_an_account(client, free):
    response = client.post(f"/en/cart/get/{free.pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=/en/resources/libres/"
    assert Entitlement.objects.count() == 0


def test_a_paid_resource_cannot_be_obtained_free(client, buyer, paid):
    client.force_login(buyer)

    response = client.post(f"/en/cart/get/{paid.pk}/")

    assert _messages(response) == ["This resource is for sale: add it to your cart to buy it."]
    assert Entitlement.objects.count() == 0


def test_a_cancelled_payment_is_explained(client, buyer, paid):
    CartItem.objects.create(user=buyer, resource=paid)
    client.force_login(buyer)

    html = client.get(CART + "?paiement=annule").content.decode()

    assert "Payment cancelled: nothing was charged." in html
    assert "Examens corrigés" in html
    assert Order.objects.count() == 0
