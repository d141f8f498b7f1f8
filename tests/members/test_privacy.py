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
from members.privacy import export_user_data
from resources.models import Download, Rating
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db


def _local(value) -> str:
    return timezone.localtime(value).isoformat()


def _download(client, lang="fr"):
    return client.get(lang_path(lang, "compte/confidentialite/export/"))


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

    response = client.get(lang_path(lang, "compte/confidentialite/"))

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    assert f"<h1>{heading}</h1>" in html
    assert f'{terms} <time datetime="2026-09-01T10:30:00-04:00">' in html
    assert f'{newsletter} <time datetime="2026-09-02T08:00:00-04:00">' in html
    assert f'href="{lang_path(lang, "compte/profil/")}"' in html
    assert (
        f'<a class="button button--primary" href="{lang_path(lang, "compte/confidentialite/export/")}" '
        f"download>{download}</a>"
    ) in html
    assert f'href="{lang_path(lang, "compte/confidentialite/supprimer/")}">{delete}</a>' in html


def test_the_privacy_page_says_when_no_consent_is_recorded(client, make_member):
    teacher = make_member("Théo Enseignant")
    client.force_login(teacher)

    html = client.get("/en/account/privacy/").content.decode()

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
        "library_folders",
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
