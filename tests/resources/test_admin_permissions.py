"""The Wagtail admin's permission checks, for the classes of Wagtail's security advisories of
2023–2026: staff whose group has rights on the collections only never see, compare, revert, copy
or move a resource page, and never reach documents or images of a collection they may not use,
through the choosers, the admin API or the documents' public URLs; members reach nothing under
/admin/. Each case asserts the answer and that nothing leaked or changed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from resources.models import CollectionIndexPage
from tests.resources.upload_samples import image as png_bytes

pytestmark = pytest.mark.django_db

SECRET = "Brouillon confidentiel de Marie"


@pytest.fixture
def collections_editor(client, site_pages):
    """Staff whose group may edit the collection pages and use the « Public » media folder only."""
    group = Group.objects.create(name="Rédaction des collections")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    collections = CollectionIndexPage.objects.get()
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.create(
            group=group,
            page=collections,
            permission=Permission.objects.get(codename=f"{action}_page"),
        )
    public = Collection.get_first_root_node().add_child(name="Public")
    for codename in ("choose_document", "change_document", "choose_image", "change_image"):
        GroupCollectionPermission.objects.create(
            group=group, collection=public, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user(
        "collections@example.org", "pw-long-enough", is_staff=True
    )
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def resource(make_resource, make_member):
    """A published resource with a newer draft revision nobody published."""
    page = make_resource("Notes de cours publiées", slug="notes-publiees", authors=[make_member()])
    first = page.latest_revision
    page.title = SECRET
    second = page.save_revision()
    page.refresh_from_db()
    return page, first, second


@pytest.fixture
def media():
    """A document and an image in « Public », and the same in « Confidentiel » (a view-restricted
    folder)."""
    root = Collection.get_first_root_node()
    public = (
        Collection.objects.get(name="Public")
        if Collection.objects.filter(name="Public").exists()
        else root.add_child(name="Public")
    )
    private = root.add_child(name="Confidentiel")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    Document, Image = get_document_model(), get_image_model()
    made = {}
    for folder, label in ((public, "public"), (private, "confidentiel")):
        made[f"document-{label}"] = Document.objects.create(
            title=f"Document {label}",
            collection=folder,
            file=ContentFile(b"%PDF-1.4", name=f"{label}.pdf"),
        )
        made[f"image-{label}"] = Image.objects.create(
            title=f"Image {label}",
            collection=folder,
            file=ContentFile(png_bytes(), name=f"{label}.png"),
        )
    return made


def _refused(response) -> bool:
    """Wagtail's answer to a page action one has no right to: back to the dashboard (with a
    message), and nothing of the page."""
    return (
        response.status_code == 302
        and response["Location"] == "/admin/"
        and SECRET.encode() not in response.content
    )


# --- Pages outside one's rights -----------------------------------------------------------------


def test_no_preview_of_a_page_outside_one_s_rights(client, collections_editor, resource):
    page, _first, second = resource
    for url in (
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/revisions/{second.pk}/view/",
    ):
        assert _refused(client.get(url)), url
    assert _refused(client.post(f"/admin/pages/{page.pk}/edit/preview/", {"title": "x"}))


def test_no_history_compare_or_revert(client, collections_editor, resource):
    page, first, second = resource
    for url in (
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/",
        f"/admin/pages/{page.pk}/revisions/compare/live...{second.pk}/",
        f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/",
    ):
        assert _refused(client.get(url)), url

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Réécrit", "slug": page.slug, "revision": first.pk},
    )

    assert _refused(response)
    page.refresh_from_db()
    assert (page.title, page.latest_revision_id) == ("Notes de cours publiées", second.pk)


def test_no_copy_or_move(client, collections_editor, resource):
    page, _first, _second = resource
    collections = CollectionIndexPage.objects.get()
    parent, pages = page.get_parent(), Page.objects.count()

    assert _refused(client.get(f"/admin/pages/{page.pk}/copy/"))
    assert _refused(
        client.post(
            f"/admin/pages/{page.pk}/copy/",
            {
                "new_title": "Copie",
                "new_slug": "copie",
                "new_parent_page": collections.pk,
                "publish_copies": "on",
            },
        )
    )
    assert _refused(client.get(f"/admin/pages/{page.pk}/move/"))
    assert _refused(client.post(f"/admin/pages/{page.pk}/move/{collections.pk}/confirm/"))

    page.refresh_from_db()
    assert page.get_parent() == parent
    assert Page.objects.count() == pages


def test_no_unpublish_delete_or_lock(client, collections_editor, resource):
    page, _first, _second = resource
    for action in ("unpublish", "delete", "lock"):
        assert _refused(client.post(f"/admin/pages/{page.pk}/{action}/")), action
    page.refresh_from_db()
    assert page.live
    assert not page.locked


def test_the_admin_api_shows_no_page_outside_one_s_rights(client, collections_editor, resource):
    page, _first, _second = resource

    detail = client.get(f"/admin/api/main/pages/{page.pk}/")
    listing = client.get("/admin/api/main/pages/?limit=100")

    assert SECRET.encode() not in detail.content
    assert SECRET.encode() not in listing.content


def test_the_explorer_offers_no_action_on_it(client, collections_editor, resource):
    page, _first, _second = resource
    response = client.get(f"/admin/pages/{page.get_parent().pk}/")
    assert f"/admin/pages/{page.pk}/edit/".encode() not in response.content


# --- Media folders one may not use --------------------------------------------------------------


def test_the_choosers_list_only_the_folders_one_may_use(client, collections_editor, media):
    documents = client.get("/admin/documents/chooser/").content.decode()
    images = client.get("/admin/images/chooser/").content.decode()

    assert "Document public" in documents
    assert "Document confidentiel" not in documents
    assert "Image public" in images
    assert "Image confidentiel" not in images


def test_no_chosen_edit_or_usage_view_of_another_folder(client, collections_editor, media):
    document, image = media["document-confidentiel"], media["image-confidentiel"]
    # The choosers' "chosen" step answers as if the item did not exist.
    for url in (f"/admin/documents/chooser/{document.pk}/", f"/admin/images/chooser/{image.pk}/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"confidentiel" not in response.content, url
    for url in (
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/usage/{document.pk}/",
        f"/admin/images/{image.pk}/",
        f"/admin/images/usage/{image.pk}/",
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url

    response = client.post(f"/admin/documents/delete/{document.pk}/")

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert get_document_model().objects.filter(pk=document.pk).exists()


def test_a_restricted_folder_s_document_is_not_served_to_visitors(client, media):
    document = media["document-confidentiel"]

    response = client.get(document.url)

    # To allauth's log-in (WAGTAIL_FRONTEND_LOGIN_URL), never Wagtail's own form.
    assert response.status_code == 302
    assert response["Location"] == f"/fr/compte/login/?next={document.url}"


def test_wagtail_s_front_end_log_in_form_is_not_a_way_in(client, make_member):
    unconfirmed = make_member("Sans Confirmation", email="nouveau@example.org")
    unconfirmed.emailaddress_set.update(verified=False)

    shown = client.get("/fr/_util/login/?next=/fr/recherche/")
    posted = client.post(
        "/fr/_util/login/", {"username": "nouveau@example.org", "password": "pw-long-enough"}
    )

    assert (shown.status_code, shown["Location"]) == (
        302,
        "/fr/compte/login/?next=/fr/recherche/",
    )
    assert (posted.status_code, posted["Location"]) == (302, "/fr/compte/login/?next=/")
    assert "_auth_user_id" not in client.session


# --- Members and visitors -----------------------------------------------------------------------

ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/snippets/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/reports/site-history/",
    "/admin/workflows/list/",
    "/admin/api/main/pages/",
    "/admin/boutique/commandes/",
    "/admin/registre-incidents/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_member_reaches_nothing_under_admin(client, make_member, url):
    client.force_login(make_member("Marie Tremblay"))

    response = client.get(url, follow=True)

    # To the admin's log-in, which refuses a signed-in account without admin access.
    assert response.redirect_chain == [(f"/admin/login/?next={url}", 302)]
    assert response.status_code == 403


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_visitor_is_sent_to_log_in(client, url):
    response = client.get(url, follow=True)

    assert response.redirect_chain == [
        (f"/admin/login/?next={url}", 302),
        (f"/fr/compte/login/?next={url}", 302),
    ]
    assert response.status_code == 200
