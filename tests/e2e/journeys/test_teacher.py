"""A teacher's journey, as on `make run` (no Stripe keys: demonstration payments), by clicks
from the home page: the language switcher, log-in, a course number typed as teachers write it in
the header's search, a free resource added to the library and filed in a new folder, a paid one
bought through the demonstration payment, then the library that holds both, the purchase
downloaded and filed in the same folder, and the receipt e-mailed."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from boutique.models import Order
from members.models import LibraryFolder
from search.indexing import rebuild_entries
from tests.e2e.journeys.conftest import HEADER, arrive_by_the_switcher, header_link, log_in

pytestmark = pytest.mark.e2e

FREE = "Limites et continuité : notes de cours"
PAID = "Examens corrigés de calcul différentiel"
OTHER = "Stoechiométrie : exercices"
FOLDER = "Calcul 201-NYA-05"
NBSP = "\u00a0"

WORDS = {
    "fr": {
        "search": "Trouver des ressources",
        "count": "2 ressources",
        "add": "Ajouter à ma bibliothèque",
        "kept": "Dans ma bibliothèque",
        "folders": "Mes dossiers",
        "new_folder": "Nom d’un nouveau dossier",
        "other_folder": "Ou un nouveau dossier (facultatif)",
        "save_folders": "Enregistrer les dossiers",
        "cart_add": "Ajouter au panier",
        "cart": "Panier",
        "in_cart": "Dans votre panier",
        "price": f"12,50{NBSP}$",
        "pay_demo": "Payer (démonstration)",
        "banner": "Démonstration — aucun argent ne change de mains.",
        "pay": f"Payer 12,50{NBSP}$",
        "paid": "Payée",
        "library": "Ma bibliothèque",
        "download": f"Télécharger {PAID}",
        "picker": f"Dossiers — {PAID}",
        "two": "2 ressources",
    },
    "en": {
        "search": "Find resources",
        "count": "2 resources",
        "add": "Add to my library",
        "kept": "In my library",
        "folders": "My folders",
        "new_folder": "Name of a new folder",
        "other_folder": "Or a new folder (optional)",
        "save_folders": "Save the folders",
        "cart_add": "Add to cart",
        "cart": "Cart",
        "in_cart": "In your cart",
        "price": "$12.50",
        "pay_demo": "Pay (demonstration)",
        "banner": "Demonstration — no money changes hands.",
        "pay": "Pay $12.50",
        "paid": "Paid",
        "library": "My library",
        "download": f"Download {PAID}",
        "picker": f"Folders — {PAID}",
        "two": "2 resources",
    },
}


@pytest.fixture
def shop(site_url, settings, make_member, make_resource, lang):
    """`make run`'s payments (no Stripe keys, the demonstration on), two resources of the course
    201-NYA-05 — one free, one sold — and one of another discipline."""
    settings.STRIPE_SECRET_KEY = ""
    settings.PAYMENTS_DEMO = True
    author = make_member("Marie Tremblay", email="marie@example.org")
    make_resource(FREE, slug="limites", authors=[author], courses=("201-NYA-05",))
    make_resource(
        PAID,
        slug="examens",
        authors=[author],
        courses=("201-NYA-05",),
        licence="LicenseRef-APOP-All-Rights-Reserved",
        price_cents=1250,
        files=(("examens.pdf", b"%PDF-1.4 examens\n"),),
    )
    make_resource(OTHER, slug="stoechiometrie", authors=[author], disciplines=("202",))
    rebuild_entries()
    return make_member("Amina Diallo", email="amina@example.org", language=lang)


def url_of(name, lang, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def test_a_teacher_finds_keeps_buys_and_downloads(page, site_url, shop, journey, lang):
    words, me = WORDS[lang], journey("teacher")
    teacher = shop

    # 1. The home page of the other language, then the language switcher
    arrive_by_the_switcher(page, site_url, lang)
    me.step(page, "home")

    # 2. Log in from the header, back on the home page
    log_in(page, lang, teacher)
    me.step(page, "logged-in")

    # 3. « Qu’enseignez-vous cette session? »: a course number as teachers write it; the
    # course's two resources, not the other
    page.locator("#hero-search-q").fill("201nya05")
    page.locator(".hero-search").get_by_role("button", name=words["search"]).click()
    expect(page.locator("#result-count")).to_contain_text(words["count"])
    titles = page.locator(".resource-card__title")
    expect(titles).to_have_count(2)
    assert sorted(titles.all_inner_texts()) == sorted([FREE, PAID])
    assert page.url.startswith(f"{site_url}/{lang}/")
    me.step(page, "course-search")

    # 4. The free one: into the library, then filed in a new folder
    titles.get_by_role("link", name=FREE).click()
    expect(page.locator("h1")).to_have_text(FREE)
    page.get_by_role("button", name=words["add"]).click()
    expect(page.locator(".buy-box").get_by_role("link", name=words["kept"])).to_be_visible()
    box = page.locator(".folder-box")
    box.locator("summary").click()
    box.get_by_label(words["new_folder"]).fill(FOLDER)
    box.get_by_role("button", name=words["save_folders"]).click()
    expect(page.locator(".folder-box summary")).to_contain_text(FOLDER)
    expect(page.locator(".folder-box input[type=checkbox]:checked")).to_have_count(1)
    me.step(page, "free-kept-in-a-folder")

    # 5. The course's link on the resource page: its resources; the paid one into the cart
    page.locator("dl.details").get_by_role("link", name=re.compile("^201-NYA-05")).click()
    expect(page.locator("#result-count")).to_contain_text(words["count"])
    expect(titles).to_have_count(2)
    titles.get_by_role("link", name=PAID).click()
    expect(page.locator("h1")).to_have_text(PAID)
    expect(page.locator(".buy-box")).to_contain_text(words["price"])
    page.get_by_role("button", name=words["cart_add"]).click()
    expect(page.locator(".buy-box__in-cart")).to_contain_text(words["in_cart"])
    header_link(page, re.compile(rf"^{words['cart']}")).click()
    page.wait_for_url(f"{site_url}{url_of('boutique:cart', lang)}")
    expect(page.locator(".cart-table__item")).to_have_text([PAID])
    me.step(page, "cart")

    # 6. The demonstration payment, clearly marked, then « Payer »
    page.get_by_role("button", name=words["pay_demo"]).click()
    expect(page.locator(".demo-payment__banner")).to_contain_text(words["banner"])
    expect(page.locator("main")).to_contain_text(PAID)
    me.step(page, "demo-payment")
    page.get_by_role("button", name=words["pay"]).click()
    order = Order.objects.get(user=teacher)
    page.wait_for_url(
        f"{site_url}{url_of('boutique:order', lang, order.reference)}?paiement=retour"
    )
    expect(page.locator(".order-status")).to_contain_text(words["paid"])
    me.step(page, "order-paid")
    (receipt,) = mail.outbox
    assert receipt.to == [teacher.email]
    assert PAID in receipt.body

    # 7. The library holds both: the one added and the one bought
    header_link(page, HEADER[lang]["account"]).click()
    page.get_by_role("link", name=words["library"], exact=True).click()
    page.wait_for_url(f"{site_url}{url_of('accounts:library', lang)}")
    expect(page.locator("#added .library-item")).to_have_count(1)
    expect(page.locator("#added")).to_contain_text(FREE)
    expect(page.locator("#purchases .library-item")).to_have_count(1)
    with page.expect_download() as download:
        page.locator("#purchases").get_by_role("link", name=words["download"]).click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert archive.read("examens.pdf").startswith(b"%PDF-1.4 examens")
    me.step(page, "library")

    # 8. The purchase filed in the same folder: the folder holds both
    purchase = page.locator("#purchases .library-item")
    purchase.locator("summary").click()
    purchase.get_by_label(FOLDER).check()
    purchase.get_by_role("button", name=words["save_folders"]).click()
    folders = page.locator(".folder-list")
    expect(folders).to_contain_text(words["two"])
    folders.get_by_role("link", name=FOLDER).click()
    folder = LibraryFolder.objects.get(owner=teacher)
    page.wait_for_url(f"{site_url}{url_of('accounts:folder', lang, folder.pk)}")
    items = page.locator(".library-item")
    expect(items).to_have_count(2)
    assert sorted(items.locator(".library-item__title").all_inner_texts()) == sorted([FREE, PAID])
    me.step(page, "folder")
