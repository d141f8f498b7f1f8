"""An editor saves or publishes, from the admin's edit view, a draft whose new file has no
database row yet (a member added it through the submission form): the file is kept, and a
forged stored name is refused."""

import pytest
from django.core.files.base import ContentFile

from resources.models import ResourceFile, ResourcePage
from resources.models.pages import private_storage
from tests.resources.helpers import form_data

pytestmark = pytest.mark.django_db


def draft_with_a_new_file(page, member):
    """A draft revision holding, next to the live file, a new file without a database row."""
    stored = private_storage().save("resources/corrige.pdf", ContentFile(b"%PDF-1.4 corrige"))
    draft = page.get_latest_revision_as_object()
    draft.files.add(
        ResourceFile(
            file=stored, display_name="corrige.pdf", size=16, content_type="application/pdf"
        )
    )
    draft.save_revision(user=member)
    return stored


@pytest.mark.usefixtures("editor")
def test_publishing_from_the_edit_view_keeps_a_new_file_of_the_draft(
    client, make_resource, make_member
):
    member = make_member()
    page = make_resource(authors=[member])
    live_name = page.files.get().file.name
    stored = draft_with_a_new_file(page, member)
    data = form_data(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), "page-edit-form")

    response = client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "publish"})

    assert response.status_code == 302
    live = ResourcePage.objects.get(pk=page.pk)
    assert sorted((f.display_name, f.file.name) for f in live.files.all()) == sorted(
        [("corrige.pdf", stored), ("notes.pdf", live_name)]
    )


@pytest.mark.usefixtures("editor")
def test_a_forged_stored_name_is_refused_and_nothing_changes(client, make_resource, make_member):
    member = make_member()
    page = make_resource(authors=[member])
    draft_with_a_new_file(page, member)
    revisions = page.revisions.count()
    data = form_data(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), "page-edit-form")
    forged = dict(data)
    # The entry of the new file is the one without a database id.
    new_entry = next(
        key.removesuffix("-stored_file")
        for key in data
        if key.endswith("-stored_file") and data.get(key.replace("stored_file", "id")) == [""]
    )
    forged[f"{new_entry}-stored_file"] = ["resources/someone-else.pdf"]

    response = client.post(f"/admin/pages/{page.pk}/edit/", {**forged, "action-publish": "publish"})

    assert response.status_code == 200
    assert page.revisions.count() == revisions
    assert [f.display_name for f in ResourcePage.objects.get(pk=page.pk).files.all()] == [
        "notes.pdf"
    ]
