"""Quebec's Law 25 on every page: the privacy officer in the footer, no third-party resource on the
public pages, the privacy policy page, valid HTML, and the demo's privacy officer."""

import re
from urllib.parse import urlsplit

import pytest

from home.models import SiteLinks

pytestmark = pytest.mark.django_db


# --- The footer and third parties --------------------------------------------------------------


@pytest.fixture
def officer(site_pages):
    links = SiteLinks.objects.get()
    links.privacy_officer_name = "Geneviève Lavoie"
    links.privacy_officer_title = "directrice générale"
    links.privacy_officer_email = "confidentialite@apop.example"
    links.save()
    return links


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("fr", "Responsable de la protection des renseignements personnels"),
        ("en", "Person in charge of the protection of personal information"),
    ],
)
def test_the_footer_names_the_privacy_officer(client, officer, lang, label):
    html = client.get(f"/{lang}/").content.decode()

    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<span class="site-footer__officer-label">{label}</span>' in footer
    assert "<span>Geneviève Lavoie, directrice générale</span>" in footer
    assert (
        '<a href="mailto:confidentialite@apop.example">confidentialite@apop.example</a>' in footer
    )


def test_the_footer_has_no_officer_block_until_one_is_named(client, site_pages):
    html = client.get("/fr/").content.decode()

    assert "site-footer__officer" not in html


def test_the_footer_follows_a_change_of_officer_at_once(client, officer):
    client.get("/fr/")  # fills the cache
    officer.privacy_officer_name = "Luc Bergeron"
    officer.privacy_officer_email = "vie-privee@apop.example"
    officer.save()

    html = client.get("/fr/").content.decode()

    assert "Luc Bergeron" in html
    assert "vie-privee@apop.example" in html
    assert "confidentialite@apop.example" not in html


def test_the_officer_costs_no_query_once_cached(client, officer, django_assert_max_num_queries):
    client.get("/fr/")

    with django_assert_max_num_queries(4):
        html = client.get("/fr/").content.decode()

    assert "Geneviève Lavoie" in html


_EXTERNAL = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=\"([^\"]*)\""
    r"|<link\b[^>]*\bhref=\"([^\"]*)\""
    r"|<iframe\b[^>]*>",
    re.IGNORECASE,
)


def _loaded_urls(html: str) -> list[str]:
    """What a browser fetches by itself from this page (not the links people may follow)."""
    return [m.group(1) or m.group(2) or m.group(0) for m in _EXTERNAL.finditer(html)]


@pytest.mark.parametrize(
    "path", ["/fr/", "/en/", "/fr/ressources/limites/", "/fr/recherche/?q=limites"]
)
def test_public_pages_load_nothing_from_another_site(client, people, officer, path):
    html = client.get(path).content.decode()

    urls = _loaded_urls(html)
    assert "<iframe" not in html.lower()
    assert len(urls) >= 3  # the stylesheets and the script at least
    foreign = [
        url
        for url in urls
        if urlsplit(url).netloc not in ("", "testserver") or url.startswith("//")
    ]
    assert foreign == []


# --- The privacy policy page and valid HTML ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "fr",
            [
                "<h1>Politique de confidentialité</h1>",
                "La personne responsable de la protection des renseignements personnels",
                "un témoin de session",
                "Commission d'accès à l'information du Québec</a>",
                '<a href="/fr/compte/confidentialite/">Mes données et ma vie privée</a>',
                '<p class="page-meta">Dernière mise à jour',
            ],
        ),
        (
            "en",
            [
                "<h1>Privacy policy</h1>",
                "The person in charge of your information",
                "No third-party tracker, no external analytics, no advertising cookie.",
                '<a href="/en/account/privacy/">My data and privacy</a>',
                '<p class="page-meta">Last updated:',
            ],
        ),
    ],
)
def test_the_privacy_policy_is_in_plain_words_in_both_languages(client, site_pages, lang, texts):
    response = client.get(f"/{lang}/confidentialite/")

    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    for text in texts:
        assert text in html


def _assert_valid_html(html: str) -> None:
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)  # raises html5lib.html5parser.ParseError on the first error
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/fr/compte/confidentialite/", None),
        ("/en/account/privacy/delete/", None),
        ("/en/account/privacy/delete/", {"password": "wrong"}),
        ("/fr/confidentialite/", None),
    ],
)
def test_privacy_pages_are_valid_html(client, people, officer, path, data):
    client.force_login(people.marie)

    response = client.post(path, data) if data else client.get(path)

    _assert_valid_html(response.content.decode())


# --- The demo privacy officer ------------------------------------------------------------------


def test_the_structure_alone_names_no_demo_officer(site_pages):
    links = SiteLinks.objects.get()

    assert (links.privacy_officer_name, links.privacy_officer_email) == ("", "")


def test_the_demo_names_an_officer_once_and_keeps_an_editor_s_choice(site_pages):
    from demo.loader import ensure_demo_privacy_officer

    site = SiteLinks.objects.get().site
    ensure_demo_privacy_officer(site)
    links = SiteLinks.objects.get()
    assert (
        links.privacy_officer_name,
        links.privacy_officer_title,
        links.privacy_officer_email,
    ) == ("Geneviève Lavoie", "directrice générale de l'APOP", "confidentialite@apop.example")

    links.privacy_officer_name = "Luc Bergeron"
    links.privacy_officer_email = "vie-privee@apop.example"
    links.save()
    ensure_demo_privacy_officer(site)

    links.refresh_from_db()
    assert (links.privacy_officer_name, links.privacy_officer_email) == (
        "Luc Bergeron",
        "vie-privee@apop.example",
    )
