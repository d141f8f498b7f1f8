"""English reads English: the English site's paths are English (/en/resources/…, /en/search/…),
the French path of a page under /en/ answers 301 to its English one, and nothing changes under
/fr/ (core/paths.py, home/middleware.py, home/sitemap.py)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from boutique.cart import SESSION_KEY
from core.paths import ENGLISH_WORDS
from resources.models import ResourcePage
from search import indexing

pytestmark = pytest.mark.django_db

# (URL name, arguments, French path, English path): the contract of the README's URL table.
ROUTES = [
    ("search", (), "/fr/recherche/", "/en/search/"),
    ("discipline_detail", ("420",), "/fr/disciplines/420/", "/en/disciplines/420/"),
    ("resources:discipline_index", (), "/fr/disciplines/", "/en/disciplines/"),
    ("resources:rate", (7,), "/fr/evaluations/7/", "/en/ratings/7/"),
    ("wagtail_serve", ("ressources/",), "/fr/ressources/", "/en/resources/"),
    (
        "wagtail_serve",
        ("ressources/limites/",),
        "/fr/ressources/limites/",
        "/en/resources/limites/",
    ),
    ("wagtail_serve", ("collections/x/",), "/fr/collections/x/", "/en/collections/x/"),
    ("wagtail_serve", ("a-propos/",), "/fr/a-propos/", "/en/a-propos/"),
    ("wagtail_serve", ("",), "/fr/", "/en/"),
    ("authors:detail", ("marie",), "/fr/auteurs/marie/", "/en/authors/marie/"),
    ("authors:follow", ("marie",), "/fr/auteurs/marie/suivre/", "/en/authors/marie/follow/"),
    ("accounts:dashboard", (), "/fr/compte/", "/en/account/"),
    ("accounts:profile", (), "/fr/compte/profil/", "/en/account/profile/"),
    ("accounts:library", (), "/fr/compte/bibliotheque/", "/en/account/library/"),
    (
        "accounts:folder_create",
        (),
        "/fr/compte/bibliotheque/dossiers/nouveau/",
        "/en/account/library/folders/new/",
    ),
    (
        "accounts:folder_rename",
        (3,),
        "/fr/compte/bibliotheque/dossiers/3/renommer/",
        "/en/account/library/folders/3/rename/",
    ),
    (
        "accounts:folder_delete",
        (3,),
        "/fr/compte/bibliotheque/dossiers/3/supprimer/",
        "/en/account/library/folders/3/delete/",
    ),
    (
        "accounts:folder_remove",
        (3, 9),
        "/fr/compte/bibliotheque/dossiers/3/retirer/9/",
        "/en/account/library/folders/3/remove/9/",
    ),
    (
        "accounts:file_resource",
        (9,),
        "/fr/compte/bibliotheque/classer/9/",
        "/en/account/library/file/9/",
    ),
    ("accounts:privacy", (), "/fr/compte/confidentialite/", "/en/account/privacy/"),
    (
        "accounts:privacy_export",
        (),
        "/fr/compte/confidentialite/export/",
        "/en/account/privacy/export/",
    ),
    (
        "accounts:delete_account",
        (),
        "/fr/compte/confidentialite/supprimer/",
        "/en/account/privacy/delete/",
    ),
    ("account_login", (), "/fr/compte/login/", "/en/account/login/"),
    ("account_signup", (), "/fr/compte/signup/", "/en/account/signup/"),
    ("submissions:list", (), "/fr/compte/depots/", "/en/account/submissions/"),
    ("submissions:new", (), "/fr/compte/depots/nouveau/", "/en/account/submissions/new/"),
    ("submissions:earnings", (), "/fr/compte/depots/gains/", "/en/account/submissions/earnings/"),
    ("submissions:adapt", (5,), "/fr/compte/depots/adapter/5/", "/en/account/submissions/adapt/5/"),
    (
        "submissions:remove_upload",
        (5,),
        "/fr/compte/depots/5/fichiers/retirer/",
        "/en/account/submissions/5/files/remove/",
    ),
    (
        "submissions:withdraw",
        (5,),
        "/fr/compte/depots/5/retirer-de-la-revision/",
        "/en/account/submissions/5/withdraw/",
    ),
    (
        "submissions:unpublish",
        (5,),
        "/fr/compte/depots/5/depublier/",
        "/en/account/submissions/5/unpublish/",
    ),
    (
        "submissions:step",
        (5, "licence"),
        "/fr/compte/depots/5/licence/",
        "/en/account/submissions/5/licence/",
    ),
    (
        "submissions:step",
        (5, "classement"),
        "/fr/compte/depots/5/classement/",
        "/en/account/submissions/5/classification/",
    ),
    (
        "submissions:step",
        (5, "fichiers"),
        "/fr/compte/depots/5/fichiers/",
        "/en/account/submissions/5/files/",
    ),
    (
        "submissions:step",
        (5, "verification"),
        "/fr/compte/depots/5/verification/",
        "/en/account/submissions/5/review/",
    ),
    (
        "institutions:statement_file",
        (7, "pdf"),
        "/fr/compte/etablissement/releves/7/pdf/",
        "/en/account/institution/statements/7/pdf/",
    ),
    ("sales:dashboard", (), "/fr/compte/ventes/", "/en/account/sales/"),
    ("sales:onboard", (), "/fr/compte/ventes/stripe/", "/en/account/sales/stripe/"),
    (
        "sales:refresh",
        (),
        "/fr/compte/ventes/stripe/actualiser/",
        "/en/account/sales/stripe/refresh/",
    ),
    ("sales:return", (), "/fr/compte/ventes/stripe/retour/", "/en/account/sales/stripe/return/"),
    ("sales:export", (), "/fr/compte/ventes/export.csv", "/en/account/sales/export.csv"),
    ("institutions:page", (), "/fr/compte/etablissement/", "/en/account/institution/"),
    ("boutique:cart", (), "/fr/panier/", "/en/cart/"),
    ("boutique:add", (4,), "/fr/panier/ajouter/4/", "/en/cart/add/4/"),
    ("boutique:remove", (4,), "/fr/panier/retirer/4/", "/en/cart/remove/4/"),
    ("boutique:add_membership", (), "/fr/panier/adhesion/", "/en/cart/membership/"),
    ("boutique:obtain", (4,), "/fr/panier/obtenir/4/", "/en/cart/get/4/"),
    ("boutique:release", (4,), "/fr/panier/obtenir/4/retirer/", "/en/cart/get/4/remove/"),
    ("boutique:checkout", (), "/fr/panier/payer/", "/en/cart/pay/"),
    (
        "boutique:demo_payment",
        ("cs_demo_1",),
        "/fr/panier/paiement-demo/cs_demo_1/",
        "/en/cart/demo-payment/cs_demo_1/",
    ),
    ("boutique:membership", (), "/fr/adhesion/", "/en/membership/"),
    (
        "boutique:order",
        ("APOP-2026-000001",),
        "/fr/commandes/APOP-2026-000001/",
        "/en/orders/APOP-2026-000001/",
    ),
    ("feeds:resources", (), "/fr/flux/ressources.xml", "/en/feeds/resources.xml"),
    ("feeds:discipline", ("420",), "/fr/flux/disciplines/420.xml", "/en/feeds/disciplines/420.xml"),
    ("feeds:author", ("marie",), "/fr/flux/auteurs/marie.xml", "/en/feeds/authors/marie.xml"),
    ("feeds:collection", ("x",), "/fr/flux/collections/x.xml", "/en/feeds/collections/x.xml"),
    (
        "newsletter:unsubscribe",
        ("t0k",),
        "/fr/infolettre/desabonnement/t0k/",
        "/en/newsletter/unsubscribe/t0k/",
    ),
]


@pytest.mark.parametrize(("name", "args", "french", "english"), ROUTES)
def test_each_address_reads_its_language(name, args, french, english):
    with translation.override("fr"):
        assert reverse(name, args=args) == french
    with translation.override("en"):
        assert reverse(name, args=args) == english


def _routes(resolver, prefix=""):
    """Every route of the URL map, as the active language writes it."""
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def test_no_english_address_keeps_a_french_word():
    with translation.override("en"):
        english = [route for route in _routes(get_resolver()) if route.startswith("en/")]
    words = {word for route in english for word in re.split(r"<[^>]*>|[/.^$]", route)}

    assert len(english) > len(ROUTES)
    assert words & set(ENGLISH_WORDS) == set()


@pytest.fixture
def limites(make_resource):
    return make_resource("Notes de cours : limites", slug="limites")


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("/en/ressources/limites/", "/en/resources/limites/"),
        ("/en/ressources/limites", "/en/resources/limites/"),
        ("/en/ressources/", "/en/resources/"),
        ("/en/ressources/?tri=recent&page=2", "/en/resources/?tri=recent&page=2"),
        (
            "/en/recherche/?q=limites&discipline=201&discipline=420",
            "/en/search/?q=limites&discipline=201&discipline=420",
        ),
        ("/en/compte/", "/en/account/"),
        ("/en/compte/bibliotheque/?dossier=2", "/en/account/library/?dossier=2"),
        ("/en/panier/", "/en/cart/"),
        ("/en/auteurs/marie/", "/en/authors/marie/"),
        ("/en/flux/ressources.xml", "/en/feeds/resources.xml"),
        ("/en/compte/etablissement/", "/en/account/institution/"),
        ("/en/compte/depots/5/fichiers/", "/en/account/submissions/5/files/"),
    ],
)
def test_a_french_path_under_en_moves_permanently_to_its_english_one(
    client, limites, french, english
):
    response = client.get(french)

    assert response.status_code == 301
    assert response["Location"] == english


def test_the_redirect_leads_to_the_english_page(client, limites):
    response = client.get("/en/ressources/limites/", follow=True)

    assert response.redirect_chain == [("/en/resources/limites/", 301)]
    assert response.status_code == 200
    assert ">Notes de cours : limites</h1>" in response.content.decode()


def test_a_form_posted_to_a_french_path_under_en_is_sent_on_with_its_method(client, limites):
    response = client.post(f"/en/panier/ajouter/{limites.pk}/")

    assert response.status_code == 308
    assert response["Location"] == f"/en/cart/add/{limites.pk}/"
    assert client.session.get(SESSION_KEY) is None


@pytest.mark.parametrize(
    "path",
    [
        "/en/resources/nothing-here/",
        "/en/ressources/nothing-here/",
        "/en/no-such-page/",
        "/en/account/bibliotheque/",
        "/fr/resources/limites/",
        "/fr/search/",
        "/fr/account/",
    ],
)
def test_unknown_paths_stay_not_found(client, limites, path):
    response = client.get(path, follow=True)

    assert response.status_code == 404
    assert len(response.redirect_chain) == (1 if path == "/en/ressources/nothing-here/" else 0)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/fr/ressources/limites/", 200),
        ("/fr/ressources/", 200),
        ("/fr/recherche/?q=limites", 200),
        ("/fr/disciplines/201/", 200),
        ("/fr/collections/", 200),
        ("/en/resources/limites/", 200),
        ("/en/resources/", 200),
        ("/en/search/?q=limites", 200),
        ("/en/disciplines/201/", 200),
        ("/en/collections/", 200),
        ("/en/flux/disciplines/201.xml", 301),
        ("/en/feeds/disciplines/201.xml", 200),
    ],
)
def test_each_language_serves_its_own_paths(client, limites, path, status):
    assert client.get(path).status_code == status


def test_an_english_page_links_to_english_addresses(client, limites):
    html = client.get("/en/resources/limites/").content.decode()

    assert 'href="/en/resources/"' in html
    assert 'href="/en/search/' in html or 'action="/en/search/"' in html
    assert 'href="/en/feeds/resources.xml"' in html
    assert 'href="/fr/ressources/limites/" hreflang="fr" lang="fr">Français</a>' in html
    assert (
        re.findall(r'(?:href|action)="/en/(?:ressources|recherche|compte|panier|flux)/', html) == []
    )


def test_the_language_switch_goes_to_the_page_in_the_other_language_and_back(client, limites):
    english = client.get("/fr/recherche/?q=limites&tri=recent").content.decode()
    french = client.get("/en/search/?q=limites&tri=recent").content.decode()
    resource_fr = client.get("/fr/ressources/limites/").content.decode()
    resource_en = client.get("/en/resources/limites/").content.decode()

    assert 'href="/en/search/?q=limites&amp;tri=recent" hreflang="en"' in english
    assert 'href="/fr/recherche/?q=limites&amp;tri=recent" hreflang="fr"' in french
    assert 'href="/en/resources/limites/" hreflang="en"' in resource_fr
    assert 'href="/fr/ressources/limites/" hreflang="fr"' in resource_en
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/resources/limites/">'
        in resource_fr
    )


def test_search_results_and_the_api_link_to_the_english_resource_page(client, limites):
    indexing.rebuild()

    html = client.get("/en/search/", {"q": "limites"}).content.decode()
    api_en = client.get("/api/v1/search", {"q": "limites", "lang": "en"}).json()
    api_fr = client.get("/api/v1/search", {"q": "limites"}).json()
    suggest = client.get("/api/v1/search/suggest", {"q": "notes", "lang": "en"}).json()

    assert 'href="/en/resources/limites/"' in html
    assert "/en/ressources/" not in html
    assert [result["url"] for result in api_en["results"]] == ["/en/resources/limites/"]
    assert [result["url"] for result in api_fr["results"]] == ["/fr/ressources/limites/"]
    assert suggest["suggestions"] == [
        {"text": "Notes de cours : limites", "kind": "resource", "url": "/en/resources/limites/"}
    ]


def test_page_urls_follow_the_active_language(limites):
    page = ResourcePage.objects.get(pk=limites.pk)

    with translation.override("fr"):
        french = (page.url, page.get_parent().url)
    with translation.override("en"):
        english = (page.url, page.get_parent().url)

    assert french == ("/fr/ressources/limites/", "/fr/ressources/")
    assert english == ("/en/resources/limites/", "/en/resources/")


def test_the_sitemap_lists_each_page_in_both_languages_with_its_alternates(client, limites):
    xml = client.get("/sitemap.xml").content.decode()

    assert xml.count("<url>") == 16
    assert "<loc>http://testserver/fr/ressources/limites/</loc>" in xml
    assert "<loc>http://testserver/en/resources/limites/</loc>" in xml
    assert "/en/ressources/" not in xml
    entry = re.search(r"<url><loc>http://testserver/en/resources/limites/</loc>.*?</url>", xml)
    assert entry is not None
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry.group(0)) == [
        ("fr", "http://testserver/fr/ressources/limites/"),
        ("en", "http://testserver/en/resources/limites/"),
        ("x-default", "http://testserver/fr/ressources/limites/"),
    ]


def test_robots_txt_keeps_the_english_private_areas_out_too(client):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert [line for line in lines if line.startswith("Disallow: /en/")] == [
        "Disallow: /en/account/",
        "Disallow: /en/cart/",
        "Disallow: /en/search/",
    ]
