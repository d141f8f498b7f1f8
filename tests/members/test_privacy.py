"""Quebec's Law 25, the member's side: /<lang>/compte/confidentialite/ (consents, download my
data, delete my account), the JSON export key by key, the privacy officer in the footer, and no
third-party resource on the public pages."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Follow
from home.models import SiteLinks
from members.privacy import export_user_data
from resources.models import Download, Rating
from tests.accounts.people import build_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_member, make_resource):
    return build_people(make_member, make_resource)


def _local(value) -> str:
    return timezone.localtime(value).isoformat()


def _download(client, lang="fr"):
    return client.get(f"/{lang}/compte/confidentialite/export/")


# --- The page ----------------------------------------------------------------------------------


def test_the_privacy_page_needs_a_login(client, site_pages):
    response = client.get("/fr/compte/confidentialite/")

    with translation.override("fr"):
        login = reverse("account_login")
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next=/fr/compte/confidentialite/"


@pytest.mark.parametrize(
    ("lang", "heading", "terms", "newsletter", "download", "delete"),
    [
        (
            "fr",
            "Mes données et ma vie privée",
            "Acceptées le",
            "Abonnement depuis le",
            "Télécharger mes données",
            "Supprimer mon compte",
        ),
        (
            "en",
            "My data and privacy",
            "Accepted on",
            "Subscribed since",
            "Download my data",
            "Delete my account",
        ),
    ],
)
def test_the_privacy_page_shows_consents_and_the_two_actions(
    client, people, lang, heading, terms, newsletter, download, delete
):
    client.force_login(people.marie)

    response = client.get(f"/{lang}/compte/confidentialite/")

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    assert f"<h1>{heading}</h1>" in html
    assert f'{terms} <time datetime="2026-09-01T10:30:00-04:00">' in html
    assert f'{newsletter} <time datetime="2026-09-02T08:00:00-04:00">' in html
    assert f'href="/{lang}/compte/profil/"' in html
    assert (
        f'<a class="button button--primary" href="/{lang}/compte/confidentialite/export/" '
        f"download>{download}</a>"
    ) in html
    assert f'href="/{lang}/compte/confidentialite/supprimer/">{delete}</a>' in html


def test_the_privacy_page_says_when_no_consent_is_recorded(client, make_member):
    teacher = make_member("Théo Enseignant")
    client.force_login(teacher)

    html = client.get("/en/compte/confidentialite/").content.decode()

    assert "No acceptance recorded" in html
    assert "Not subscribed" in html


# --- The export --------------------------------------------------------------------------------


def test_the_export_needs_a_login_and_sends_nothing_without_one(client, people):
    response = _download(client)

    with translation.override("fr"):
        login = reverse("account_login")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{login}?next=")
    assert b"marie" not in response.content


def test_the_export_is_a_dated_json_attachment_never_cached(client, people):
    client.force_login(people.marie)

    response = _download(client)

    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="apop-mes-donnees-{today}.json"'
    )
    assert response["Cache-Control"] == "no-store"
    # UTF-8 as it is, not \u escapes: a person can read the file.
    assert "Brouillon : intégrales".encode() in response.content


def test_the_export_refuses_other_methods(client, people):
    client.force_login(people.marie)

    response = client.post("/fr/compte/confidentialite/export/")

    assert response.status_code == 405


def test_the_export_has_every_documented_key(client, people):
    client.force_login(people.marie)

    data = json.loads(_download(client).content)

    assert list(data) == [
        "format_version",
        "generated_at",
        "account",
        "email_addresses",
        "consents",
        "ratings",
        "downloads",
        "follows",
        "followers_count",
        "resources",
        "profile_photo",
        "purchases",
        "sales",
    ]
    assert data["format_version"] == 1
    generated = datetime.datetime.fromisoformat(data["generated_at"])
    assert generated.utcoffset() == timezone.localtime().utcoffset()
    assert abs(timezone.now() - generated) < datetime.timedelta(minutes=1)


def test_the_export_account_section(client, people):
    marie = people.marie
    client.force_login(marie)
    marie.refresh_from_db()

    account = json.loads(_download(client).content)["account"]

    assert account == {
        "email": "marie@cegep.example",
        "display_name": "Marie Tremblay",
        "first_name": "Marie",
        "last_name": "Tremblay",
        "language": "fr",
        "date_joined": _local(marie.date_joined),
        "last_login": _local(marie.last_login),
        "slug": "marie-tremblay",
        "author_page_url": "http://testserver/fr/auteurs/marie-tremblay/",
        "bio": "Enseignante de mathématiques.",
        "bio_en": "Mathematics teacher.",
        "links": ["https://marie.example.org/", "https://mastodon.example/@marie"],
        "disciplines": ["201", "420"],
        "membership_expires_on": "2027-06-30",
        "institution": "Cégep de démonstration",
    }


def test_the_export_addresses_consents_and_photo(client, people):
    client.force_login(people.marie)

    data = json.loads(_download(client).content)

    assert data["email_addresses"] == [
        {"email": "marie@cegep.example", "verified": True, "primary": True},
        {"email": "marie.perso@example.org", "verified": False, "primary": False},
    ]
    assert data["consents"] == {
        "terms_accepted_at": "2026-09-01T10:30:00-04:00",
        "newsletter_opt_in_at": "2026-09-02T08:00:00-04:00",
    }
    assert re.fullmatch(r"http://testserver/media/profiles/[\w-]{22}\.png", data["profile_photo"])


def test_the_export_activity_is_only_marie_s(client, people):
    client.force_login(people.marie)
    rating = Rating.objects.get(user=people.marie)
    downloads = list(Download.objects.filter(user=people.marie).order_by("created_at", "pk"))
    follow = Follow.objects.get(follower=people.marie)

    data = json.loads(_download(client).content)

    assert data["ratings"] == [
        {
            "resource": "Atelier Python",
            "resource_url": "http://testserver/fr/ressources/python/",
            "score": 4,
            "comment": "Très utile en classe.",
            "hidden": False,
            "created_at": _local(rating.created_at),
            "updated_at": _local(rating.updated_at),
        }
    ]
    assert data["downloads"] == [
        {
            "resource": "Atelier Python",
            "resource_url": "http://testserver/fr/ressources/python/",
            "downloaded_at": _local(d.created_at),
        }
        for d in downloads
    ]
    assert data["follows"] == [
        {
            "author": "Sophie Gagnon",
            "author_page_url": "http://testserver/fr/auteurs/sophie-gagnon/",
            "followed_at": _local(follow.created_at),
        }
    ]
    assert data["followers_count"] == 1
    assert data["purchases"] == []
    assert data["sales"] == {"stripe_account_id": None, "payouts": []}


def test_the_export_lists_marie_s_resources_with_links_to_her_files(client, people):
    client.force_login(people.marie)
    files = {f.display_name: f for f in people.free.files.all()}
    (exam,) = people.paid.files.all()
    (draft_file,) = people.draft.files.all()

    resources = json.loads(_download(client).content)["resources"]

    by_title = {r["title"]: r for r in resources}
    assert sorted(by_title) == [
        "Brouillon : intégrales",
        "Examens corrigés",
        "Notes de cours : limites",
        "Projet commun",
    ]
    assert by_title["Notes de cours : limites"] == {
        "id": people.free.pk,
        "title": "Notes de cours : limites",
        "state": "published",
        "url": "http://testserver/fr/ressources/limites/",
        "licence": "CC-BY-NC-SA-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "currency": "CAD",
        "first_published_at": _local(people.free.first_published_at),
        "files": [
            {
                "name": "notes.pdf",
                "size": 14,
                "content_type": "application/pdf",
                "download_url": (
                    f"http://testserver/telechargement/{people.free.pk}/{files['notes.pdf'].pk}/"
                ),
            },
            {
                "name": "exercices.txt",
                "size": 10,
                "content_type": "text/plain",
                "download_url": (
                    f"http://testserver/telechargement/{people.free.pk}/"
                    f"{files['exercices.txt'].pk}/"
                ),
            },
        ],
    }
    paid = by_title["Examens corrigés"]
    assert (paid["state"], paid["price_cents"], paid["member_price_cents"]) == (
        "published",
        1250,
        1000,
    )
    assert paid["files"][0]["download_url"] == (
        f"http://testserver/telechargement/{people.paid.pk}/{exam.pk}/"
    )
    draft = by_title["Brouillon : intégrales"]
    assert (draft["state"], draft["url"], draft["first_published_at"]) == ("draft", None, None)
    assert draft["files"][0]["download_url"] == (
        f"http://testserver/telechargement/{people.draft.pk}/{draft_file.pk}/"
    )


def test_the_file_links_of_the_export_work_for_their_author(client, people):
    client.force_login(people.marie)
    resources = json.loads(_download(client).content)["resources"]
    urls = [f["download_url"] for r in resources for f in r["files"]]

    statuses = [client.get(urlsplit(url).path).status_code for url in urls]

    assert statuses == [200] * 5


def test_someone_else_s_export_holds_only_their_data(client, people):
    client.force_login(people.daniel)

    data = json.loads(_download(client).content)

    assert data["account"]["email"] == "daniel@example.org"
    assert data["email_addresses"] == [
        {"email": "daniel@example.org", "verified": True, "primary": True}
    ]
    assert (data["ratings"], data["downloads"], data["resources"]) == ([], [], [])
    assert [f["author"] for f in data["follows"]] == ["Marie Tremblay"]
    assert data["followers_count"] == 1
    assert data["profile_photo"] is None
    text = json.dumps(data, ensure_ascii=False)
    assert "marie@cegep.example" not in text
    assert "Très utile en classe." not in text


def test_the_export_ignores_any_attempt_to_name_another_user(client, people):
    client.force_login(people.daniel)

    response = client.get(
        "/fr/compte/confidentialite/export/", {"user": people.marie.pk, "email": "marie"}
    )

    assert json.loads(response.content)["account"]["email"] == "daniel@example.org"


def test_the_export_costs_the_same_queries_whatever_the_amount_of_data(
    people,
    make_resource,
    django_assert_num_queries,
    rf,
):
    request = rf.get("/fr/compte/confidentialite/export/")
    request.user = people.marie
    export_user_data(people.marie, request)  # warm the site-root cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        export_user_data(people.marie, request)
    for n in range(4):
        page = make_resource(f"Ressource {n}", authors=[people.marie, people.daniel])
        Rating.objects.create(resource=page, user=people.marie, score=3)
        Download.objects.create(resource=page, user=people.marie)
    Follow.objects.create(follower=people.marie, author=people.daniel)

    with django_assert_num_queries(len(before.captured_queries)):
        data = export_user_data(people.marie, request)

    assert (len(data["resources"]), len(data["ratings"]), len(data["downloads"])) == (8, 5, 6)


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
                '<a href="/en/compte/confidentialite/">My data and privacy</a>',
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
        ("/en/compte/confidentialite/supprimer/", None),
        ("/en/compte/confidentialite/supprimer/", {"password": "wrong"}),
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
