"""The library's folders (/<lang>/compte/bibliotheque/dossiers/…): a teacher creates, renames
and deletes private folders, files any resource of their library in one or more of them from
the library or the resource page, and views a folder; nobody else reaches them (404); every
page costs a fixed number of queries whatever the number of folders and resources."""

import datetime
import re
from collections import Counter
from zoneinfo import ZoneInfo

import html5lib
import pytest
from django.test import Client
from django.utils import translation

from boutique.models import Entitlement
from members.models import LibraryFolder, LibraryFolderItem
from tests.helpers import lang_path

pytestmark = pytest.mark.django_db

LIBRARY = "/fr/compte/bibliotheque/"
EN_LIBRARY = "/en/account/library/"
FOLDERS = f"{LIBRARY}dossiers/"
EN_FOLDERS = f"{EN_LIBRARY}folders/"


@pytest.fixture
def author(make_member):
    return make_member("Marie Tremblay")


@pytest.fixture
def teacher(make_member):
    return make_member("Théo Enseignant")


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture
def free(make_resource, author, teacher):
    """A free resource the teacher added to their library."""
    page = make_resource("Notes de cours : limites", slug="limites", authors=[author])
    Entitlement.objects.create(user=teacher, resource=page)
    return page


def _folder(owner, name="Chimie 202-NYA-05"):
    return LibraryFolder.objects.create(owner=owner, name=name)


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- Creating, renaming, deleting ----------------------------------------------------------------


def test_a_teacher_creates_a_private_folder_from_the_library(teacher_client, teacher):
    response = teacher_client.post(
        f"{EN_FOLDERS}new/", {"name": "  Chimie   202-NYA-05 ", "next": f"{EN_LIBRARY}#folders"}
    )

    (folder,) = LibraryFolder.objects.all()
    assert (folder.owner, folder.name) == (teacher, "Chimie 202-NYA-05")
    assert response.status_code == 302
    assert response["Location"] == f"{EN_LIBRARY}#folders"
    html = teacher_client.get(EN_LIBRARY).content.decode()
    assert (
        f'<a href="{EN_FOLDERS}{folder.pk}/" class="folder-list__name">Chimie 202-NYA-05</a>'
        in html
    )
    assert "0 resources" in html


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Give the folder a name."),
        ("x" * 81, "A folder name has 80 characters at most."),
        ("chimie 202-nya-05", "You already have a folder named “chimie 202-nya-05”."),
    ],
)
def test_a_bad_folder_name_is_refused_and_nothing_is_created(
    teacher_client, teacher, name, message
):
    _folder(teacher)

    response = teacher_client.post(f"{EN_FOLDERS}new/", {"name": name})

    assert response.status_code == 400
    assert f'<li class="field__error">{message}</li>' in response.content.decode()
    assert LibraryFolder.objects.count() == 1


def test_the_same_name_is_free_for_another_teacher(teacher_client, make_member):
    _folder(make_member("Autre"))

    response = teacher_client.post(f"{FOLDERS}nouveau/", {"name": "Chimie 202-NYA-05"})

    assert response.status_code == 302
    assert LibraryFolder.objects.count() == 2


def test_a_library_holds_at_most_a_hundred_folders(teacher_client, teacher):
    LibraryFolder.objects.bulk_create(
        LibraryFolder(owner=teacher, name=f"Dossier {n}") for n in range(100)
    )

    response = teacher_client.post(f"{EN_FOLDERS}new/", {"name": "Un de plus"})

    assert response.status_code == 400
    assert "Your library has 100 folders, the most it can hold: delete one first." in (
        response.content.decode()
    )
    assert LibraryFolder.objects.count() == 100


def test_a_folder_is_renamed(teacher_client, teacher):
    folder = _folder(teacher)

    form = teacher_client.get(f"{FOLDERS}{folder.pk}/renommer/")
    response = teacher_client.post(f"{FOLDERS}{folder.pk}/renommer/", {"name": "Chimie générale"})

    assert form.status_code == 200
    assert 'value="Chimie 202-NYA-05"' in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{FOLDERS}{folder.pk}/"
    folder.refresh_from_db()
    assert folder.name == "Chimie générale"


def test_renaming_to_a_name_taken_is_refused(teacher_client, teacher):
    folder = _folder(teacher)
    _folder(teacher, "Physique")

    response = teacher_client.post(f"{EN_FOLDERS}{folder.pk}/rename/", {"name": "PHYSIQUE"})

    assert response.status_code == 400
    assert "You already have a folder named “PHYSIQUE”." in response.content.decode()
    folder.refresh_from_db()
    assert folder.name == "Chimie 202-NYA-05"


def test_deleting_a_folder_keeps_its_resources_in_the_library(teacher_client, teacher, free):
    folder = _folder(teacher)
    LibraryFolderItem.objects.create(folder=folder, resource=free)

    confirm = teacher_client.get(f"{EN_FOLDERS}{folder.pk}/delete/")
    response = teacher_client.post(f"{EN_FOLDERS}{folder.pk}/delete/")

    assert confirm.status_code == 200
    assert "Its resources stay in your library: only the folder goes." in confirm.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{EN_LIBRARY}#folders"
    assert LibraryFolder.objects.count() == 0
    assert LibraryFolderItem.objects.count() == 0
    assert Entitlement.objects.filter(user=teacher, resource=free).count() == 1


# --- Only the owner ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", ""),
        ("get", "renommer/"),
        ("post", "renommer/"),
        ("get", "supprimer/"),
        ("post", "supprimer/"),
    ],
)
def test_another_teacher_s_folder_answers_404_and_stays_as_it_is(
    teacher_client, make_member, method, suffix
):
    folder = _folder(make_member("Autre"))

    response = getattr(teacher_client, method)(f"{FOLDERS}{folder.pk}/{suffix}", {"name": "Volé"})

    assert response.status_code == 404
    folder.refresh_from_db()
    assert folder.name == "Chimie 202-NYA-05"


def test_removing_from_another_teacher_s_folder_answers_404(teacher_client, make_member, free):
    other = make_member("Autre")
    Entitlement.objects.create(user=other, resource=free)
    folder = _folder(other)
    LibraryFolderItem.objects.create(folder=folder, resource=free)

    response = teacher_client.post(f"{FOLDERS}{folder.pk}/retirer/{free.pk}/")

    assert response.status_code == 404
    assert LibraryFolderItem.objects.count() == 1


def test_filing_ignores_folders_of_anybody_else(teacher_client, teacher, make_member, free):
    other_folder = _folder(make_member("Autre"))
    own = _folder(teacher)

    teacher_client.post(
        f"{LIBRARY}classer/{free.pk}/", {"folder": [str(own.pk), str(other_folder.pk)]}
    )

    assert list(LibraryFolderItem.objects.values_list("folder_id", flat=True)) == [own.pk]


@pytest.mark.parametrize("path", ["1/", "1/renommer/", "1/supprimer/", "nouveau/"])
def test_visitors_are_sent_to_log_in(client, path):
    response = client.get(f"{FOLDERS}{path}")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/login/?next=")


# --- Filing resources ----------------------------------------------------------------------------


def test_a_resource_is_filed_in_two_folders_and_out_of_one(teacher_client, teacher, free):
    chimie, physique = _folder(teacher), _folder(teacher, "Physique")

    first = teacher_client.post(
        f"{EN_LIBRARY}file/{free.pk}/",
        {"folder": [str(chimie.pk), str(physique.pk)], "next": f"{EN_LIBRARY}#added"},
        follow=True,
    )
    teacher_client.post(f"{EN_LIBRARY}file/{free.pk}/", {"folder": [str(physique.pk)]})

    assert first.redirect_chain == [(f"{EN_LIBRARY}#added", 302)]
    assert _messages(first) == ["In your folders: Chimie 202-NYA-05, Physique."]
    assert list(LibraryFolderItem.objects.values_list("folder__name", flat=True)) == ["Physique"]


def test_the_resource_page_files_it_in_a_new_folder(teacher_client, teacher, free):
    page_url = f"/en/resources/{free.slug}/"
    html = teacher_client.get(page_url).content.decode()

    response = teacher_client.post(
        f"{EN_LIBRARY}file/{free.pk}/", {"new_folder": "Calcul 201-NYA-05", "next": page_url}
    )

    assert '<summary class="folder-box__title">My folders</summary>' in html
    assert 'name="new_folder" id="page-' in html
    assert response["Location"] == page_url
    (folder,) = LibraryFolder.objects.filter(owner=teacher)
    assert folder.name == "Calcul 201-NYA-05"
    assert list(folder.items.values_list("resource_id", flat=True)) == [free.pk]
    after = teacher_client.get(page_url).content.decode()
    assert f'value="{folder.pk}" id="page-{free.pk}-folder-{folder.pk}" checked' in after


def test_the_folder_box_shows_only_for_a_resource_of_the_library(
    teacher_client, make_resource, author
):
    other = make_resource("Autre ressource", slug="autre", authors=[author])

    html = teacher_client.get(f"/en/resources/{other.slug}/").content.decode()

    assert "folder-box" not in html


def test_a_resource_outside_the_library_is_not_filed(
    teacher_client, teacher, make_resource, author
):
    other = make_resource("Autre ressource", slug="autre", authors=[author])
    _folder(teacher)

    response = teacher_client.post(
        f"{EN_LIBRARY}file/{other.pk}/", {"new_folder": "Nouveau"}, follow=True
    )

    assert _messages(response) == [
        "Add this resource to your library first: folders hold what your library holds."
    ]
    assert LibraryFolder.objects.count() == 1
    assert LibraryFolderItem.objects.count() == 0


def test_filing_needs_a_post(teacher_client, free):
    assert teacher_client.get(f"{LIBRARY}classer/{free.pk}/").status_code == 405


# --- Viewing a folder ----------------------------------------------------------------------------


def test_a_folder_lists_its_resources_with_their_download_button(teacher_client, teacher, free):
    folder = _folder(teacher)
    LibraryFolderItem.objects.create(folder=folder, resource=free)

    html = teacher_client.get(f"{EN_FOLDERS}{folder.pk}/").content.decode()

    assert '<h1><span class="submission__kicker">Folder</span> Chimie 202-NYA-05</h1>' in html
    assert "Private: only you see this folder." in html
    assert (
        'href="/en/resources/limites/" hreflang="fr" lang="fr">Notes de cours : limites</a>' in html
    )
    assert f'href="/telechargement/{free.pk}/">Download' in html
    assert f'action="{EN_FOLDERS}{folder.pk}/remove/{free.pk}/"' in html


def test_a_resource_removed_from_the_library_leaves_its_folders_view(teacher_client, teacher, free):
    folder = _folder(teacher)
    LibraryFolderItem.objects.create(folder=folder, resource=free)

    teacher_client.post(f"/en/cart/get/{free.pk}/remove/")
    html = teacher_client.get(f"{EN_FOLDERS}{folder.pk}/").content.decode()
    library = teacher_client.get(EN_LIBRARY).content.decode()

    assert "This folder is empty" in html
    assert "0 resources" in library


def test_removing_from_a_folder_keeps_it_in_the_library(teacher_client, teacher, free):
    folder = _folder(teacher)
    LibraryFolderItem.objects.create(folder=folder, resource=free)

    response = teacher_client.post(f"{FOLDERS}{folder.pk}/retirer/{free.pk}/")

    assert response.status_code == 302
    assert LibraryFolderItem.objects.count() == 0
    assert Entitlement.objects.filter(user=teacher, resource=free).count() == 1


def test_the_library_shows_each_line_s_folders(teacher_client, teacher, free):
    folder = _folder(teacher)
    _folder(teacher, "Physique")
    LibraryFolderItem.objects.create(folder=folder, resource=free)

    html = teacher_client.get(EN_LIBRARY).content.decode()

    assert '<span class="folder-picker__chip">Chimie 202-NYA-05</span>' in html
    assert f'id="added-{free.pk}-folder-{folder.pk}" checked' in html
    assert "1 resource</span>" in html


# --- Queries and HTML ----------------------------------------------------------------------------


def _queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches every page shares (site, taxonomies, the page's part)
    with django_assert_max_num_queries(40) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _library_of(user, size, make_resource, author):
    folders = [_folder(user, f"Dossier {n}") for n in range(size)]
    for number in range(size):
        page = make_resource(f"Ressource {number}", slug=f"r-{user.pk}-{number}", authors=[author])
        Entitlement.objects.create(user=user, resource=page)
        for folder in folders:
            LibraryFolderItem.objects.create(folder=folder, resource=page)
    return folders, page


def test_pages_cost_the_same_queries_for_one_or_five_folders_and_resources(
    make_member, make_resource, author, django_assert_max_num_queries
):
    few, many = make_member("Peu"), make_member("Beaucoup")
    few_folders, few_page = _library_of(few, 1, make_resource, author)
    many_folders, many_page = _library_of(many, 5, make_resource, author)
    counts = []
    for user, folders, page in ((few, few_folders, few_page), (many, many_folders, many_page)):
        client = Client()
        client.force_login(user)
        counts.append(
            [
                _queries(client, url, django_assert_max_num_queries)
                for url in (
                    LIBRARY,
                    f"{FOLDERS}{folders[0].pk}/",
                    f"/fr/ressources/{page.slug}/",
                )
            ]
        )

    assert counts[0] == counts[1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_folder_pages_are_valid_html_with_unique_ids(teacher_client, teacher, free, lang):
    folder = _folder(teacher)
    _folder(teacher, "Physique")
    LibraryFolderItem.objects.create(folder=folder, resource=free)
    base = "compte/bibliotheque/"

    pages = [
        teacher_client.get(lang_path(lang, base)),
        teacher_client.get(lang_path(lang, f"{base}dossiers/{folder.pk}/")),
        teacher_client.get(lang_path(lang, f"{base}dossiers/{folder.pk}/renommer/")),
        teacher_client.get(lang_path(lang, f"{base}dossiers/{folder.pk}/supprimer/")),
        teacher_client.post(lang_path(lang, f"{base}dossiers/nouveau/"), {"name": ""}),
        teacher_client.get(f"{lang_path(lang, 'ressources/')}{free.slug}/"),
    ]

    for response in pages:
        html = response.content.decode()
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
        ids = Counter(re.findall(r'\sid="([^"]+)"', html))
        assert [name for name, count in ids.items() if count > 1] == []


def test_the_export_lists_the_folders_and_closing_deletes_them(teacher, free):
    from members import privacy

    folder = _folder(teacher)
    LibraryFolderItem.objects.create(folder=folder, resource=free)
    LibraryFolder.objects.filter(pk=folder.pk).update(
        created_at=datetime.datetime(2026, 9, 1, 9, 30, tzinfo=ZoneInfo("America/Toronto"))
    )

    with translation.override("fr"):
        data = privacy.export_user_data(teacher)
    privacy.close_account(teacher, privacy.ResourcesChoice.ANONYMISE)

    assert data["library_folders"] == [
        {
            "name": "Chimie 202-NYA-05",
            "created_at": "2026-09-01T09:30:00-04:00",
            "resources": [
                {
                    "resource": "Notes de cours : limites",
                    "resource_url": "http://testserver/fr/ressources/limites/",
                }
            ],
        }
    ]
    assert LibraryFolder.objects.count() == 0
    assert LibraryFolderItem.objects.count() == 0
