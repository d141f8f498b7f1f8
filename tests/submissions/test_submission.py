"""Submission of resources by members, without the admin (/<lang>/compte/depots/): who may use
it, each step's validation, files in the private storage, drafts kept between visits, prices
typed in dollars, and the list of « my submissions ».

Messages are checked on /en/ pages, where they read as their English source; the helpers
(tests/resources/helpers.py) are shared with test_submission_workflow.py and the browser test."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from wagtail.models import Revision

from accounts.roles import today
from resources.models import Discipline, ResourcePage
from submissions import attachments
from tests.resources.helpers import (
    BASE,
    DESCRIPTION,
    EN_BASE,
    NEW,
    PDF_MIME,
    a_year_from_now,
    latest,
    pdf_bytes,
    pdf_upload,
    png_upload,
    private_files,
    step_url,
)

pytestmark = pytest.mark.django_db

# --- Who may submit ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [BASE, NEW, f"{BASE}1/description/"])
def test_anonymous_visitors_are_sent_to_the_log_in_page(client, catalogue, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/fr/compte/login/?next={path}"


@pytest.mark.parametrize(
    "fields",
    [
        {},  # a teacher: an account, no membership
        {"membership_expires_on": datetime.date(2020, 6, 30)},  # an expired membership
    ],
    ids=["teacher", "expired-member"],
)
def test_people_without_a_valid_membership_get_an_explanation_instead_of_the_form(
    client, catalogue, make_member, fields
):
    client.force_login(make_member("Amina Diallo", **fields))

    response = client.get(NEW)
    listing = client.get(BASE)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-state="not_member"' in html
    # The membership is taken here, in the boutique; the APOP's site is for writing to its team.
    assert 'class="button button--primary" href="/fr/adhesion/"' in html
    assert 'href="https://www.apop.qc.ca/"' in html
    assert "(20\u00a0%)" in html
    assert 'name="title"' not in html
    assert listing.status_code == 200
    assert 'data-state="not_member"' in listing.content.decode()


def test_a_non_member_posting_the_form_creates_nothing(client, catalogue, make_member):
    client.force_login(make_member("Amina Diallo"))
    before = ResourcePage.objects.count()

    response = client.post(NEW, DESCRIPTION)

    assert response.status_code == 200
    assert ResourcePage.objects.count() == before


@pytest.mark.parametrize("role", ["member", "staff"])
def test_members_and_staff_get_the_form(client, catalogue, make_member, role):
    if role == "member":
        user = make_member("Marie Tremblay", membership_expires_on=today())
    else:
        user = make_member("Paul Personnel", is_staff=True)
    client.force_login(user)

    response = client.get(NEW)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="title"' in html
    assert 'name="summary"' in html
    assert 'data-state="not_member"' not in html


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", "description/"),
        ("post", "description/"),
        ("get", "classement/"),
        ("get", "fichiers/"),
        ("get", "licence/"),
        ("get", "verification/"),
        ("post", "verification/"),
        ("post", "fichiers/retirer/"),
        ("post", "retirer-de-la-revision/"),
        ("get", "depublier/"),
        ("post", "depublier/"),
    ],
)
def test_another_member_cannot_reach_my_submission(client, draft, make_member, method, suffix):
    revisions = Revision.page_revisions.filter(object_id=str(draft.pk)).count()
    client.force_login(make_member("Autre Membre", membership_expires_on=a_year_from_now()))

    response = getattr(client, method)(f"{BASE}{draft.pk}/{suffix}", DESCRIPTION)

    assert response.status_code == 404
    assert Revision.page_revisions.filter(object_id=str(draft.pk)).count() == revisions
    assert latest(draft).title == "Exercices : limites"


def test_staff_may_open_a_member_s_submission(client, draft, make_member):
    client.force_login(make_member("Paul Personnel", is_staff=True))

    response = client.get(step_url(draft, "description"))

    assert response.status_code == 200
    assert 'value="Exercices : limites"' in response.content.decode()


def test_an_unknown_step_is_404(member_client, draft):
    assert member_client.get(step_url(draft, "etape-inconnue")).status_code == 404


# --- Step 1: description -----------------------------------------------------------------------


def test_the_first_step_creates_an_unpublished_draft_owned_and_authored_by_the_member(
    member_client, member, catalogue
):
    response = member_client.post(NEW, DESCRIPTION)

    page = ResourcePage.objects.order_by("-pk").first()
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}{page.pk}/classement/"
    assert page.get_parent().pk == catalogue.pk
    assert page.live is False
    assert page.owner == member
    assert list(page.authors.all()) == [member]
    assert page.slug == "exercices-limites"
    assert page.revisions.count() == 1
    assert latest(page).description == (
        "<p>Première partie.</p><p>Deuxième partie &lt;b&gt;importante&lt;/b&gt;.</p>"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Give the resource a title."),
        ("summary", "", "Write a short summary."),
        ("summary", "x" * 501, "Ensure this value has at most 500 characters (it has 501)."),
        ("language", "de", "Select a valid choice. de is not one of the available choices."),
    ],
)
def test_the_description_step_refuses_bad_input(member_client, catalogue, field, value, message):
    before = ResourcePage.objects.count()

    response = member_client.post(f"{EN_BASE}new/", {**DESCRIPTION, field: value})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<li class="field__error">{escape(message)}</li>' in html
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html or (
        f'aria-describedby="id_{field}_error"' in html
    )
    assert 'aria-invalid="true"' in html
    assert ResourcePage.objects.count() == before


def test_saving_a_draft_and_leaving_goes_back_to_the_list(member_client, catalogue):
    response = member_client.post(NEW, {**DESCRIPTION, "action": "leave"})

    assert response.status_code == 302
    assert response["Location"] == BASE


def test_a_draft_keeps_its_data_when_the_member_comes_back(member_client, draft):
    discipline = Discipline.objects.get(code="201")
    member_client.post(
        step_url(draft, "classement"),
        {"disciplines": [discipline.pk], "tags": "limites, continuité", "action": "leave"},
    )

    description = member_client.get(step_url(draft, "description")).content.decode()
    classification = member_client.get(step_url(draft, "classement")).content.decode()

    assert 'value="Exercices : limites"' in description
    assert "Des exercices corrigés sur les limites.</textarea>" in description
    assert "Première partie.\n\nDeuxième partie &lt;b&gt;importante&lt;/b&gt;.</textarea>" in (
        description
    )
    checked = re.findall(
        r'name="disciplines" value="(\d+)" id="id_disciplines_\d+" checked', classification
    )
    assert checked == [str(discipline.pk)]
    assert 'value="limites, continuité"' in classification


def test_changing_the_title_of_a_never_published_draft_changes_its_address(member_client, draft):
    member_client.post(step_url(draft, "description"), {**DESCRIPTION, "title": "Limites 2"})

    draft.refresh_from_db()
    assert draft.slug == "limites-2"
    assert draft.draft_title == "Limites 2"
    assert latest(draft).slug == "limites-2"


# --- Step 2: classification --------------------------------------------------------------------


def test_the_classification_step_needs_a_discipline(member_client, draft):
    revisions = draft.revisions.count()

    response = member_client.post(
        step_url(draft, "classement", EN_BASE), {"tags": "limites", "action": "continue"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<li class="field__error">Choose at least one discipline.</li>' in html
    assert draft.revisions.count() == revisions


def test_the_classification_step_saves_terms_and_keywords_in_a_revision(member_client, draft):
    discipline = Discipline.objects.get(code="201")

    response = member_client.post(
        step_url(draft, "classement"),
        {
            "disciplines": [discipline.pk],
            "tags": " limites ,continuité, Limites,,",
            "duration_minutes": "90",
            "action": "continue",
        },
    )

    saved = latest(draft)
    assert response.status_code == 302
    assert response["Location"] == step_url(draft, "fichiers")
    assert [d.code for d in saved.disciplines.all()] == ["201"]
    assert sorted(tag.name for tag in saved.tags.all()) == ["continuité", "limites"]
    assert saved.duration_minutes == 90


# --- Step 3: files and previews ----------------------------------------------------------------


def test_a_valid_pdf_is_stored_in_the_private_storage_under_a_generated_name(member_client, draft):
    response = member_client.post(
        step_url(draft, "fichiers"), {"files": pdf_upload("Mes notes.pdf"), "action": "upload"}
    )

    saved = latest(draft)
    files = list(saved.files.all())
    stored = private_files()
    assert response.status_code == 302
    assert response["Location"] == step_url(draft, "fichiers")
    assert len(files) == 1
    assert len(stored) == 1
    assert files[0].display_name == "Mes notes.pdf"
    assert files[0].content_type == PDF_MIME
    assert files[0].size == len(pdf_bytes())
    assert files[0].file.name.startswith("resources/")
    assert files[0].file.name.endswith(".pdf")
    assert "Mes notes" not in files[0].file.name
    assert stored[0].name == files[0].file.name.rsplit("/", 1)[1]


def test_a_refused_file_shows_its_error_and_stores_nothing(member_client, draft):
    revisions = draft.revisions.count()
    executable = SimpleUploadedFile("notes.pdf", b"MZ\x90\x00\x03" + bytes(range(256)) * 8)

    response = member_client.post(
        step_url(draft, "fichiers", EN_BASE), {"files": executable, "action": "upload"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<li class="field__error">“notes.pdf” is an executable program: programs are not '
        "accepted.</li>"
    ) in html
    assert private_files() == []
    assert draft.revisions.count() == revisions
    assert list(latest(draft).files.all()) == []


def test_a_refused_file_among_good_ones_stores_none_of_them(member_client, draft):
    executable = SimpleUploadedFile("outil.exe", b"MZ\x90\x00\x03" + bytes(range(256)) * 8)

    response = member_client.post(
        step_url(draft, "fichiers"), {"files": [pdf_upload(), executable], "action": "upload"}
    )

    assert response.status_code == 200
    assert private_files() == []
    assert list(latest(draft).files.all()) == []


def test_continuing_without_any_file_is_refused(member_client, draft):
    response = member_client.post(step_url(draft, "fichiers", EN_BASE), {"action": "continue"})

    assert response.status_code == 200
    assert '<li class="field__error">Add at least one file.</li>' in response.content.decode()


def test_a_preview_needs_its_text_alternative(member_client, draft):
    response = member_client.post(
        step_url(draft, "fichiers", EN_BASE), {"preview": png_upload(), "action": "upload"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<li class="field__error">Describe the preview image for people who cannot see it.</li>'
    ) in html
    assert list(latest(draft).previews.all()) == []


def test_a_preview_becomes_a_wagtail_image_titled_with_its_text_alternative(member_client, draft):
    member_client.post(
        step_url(draft, "fichiers"),
        {"preview": png_upload(), "preview_alt": "Première page", "action": "upload"},
    )

    previews = list(latest(draft).previews.all())
    assert len(previews) == 1
    assert previews[0].alt_text == "Première page"
    assert previews[0].image.title == "Première page"
    assert (previews[0].image.width, previews[0].image.height) == (64, 48)


def test_removing_a_file_from_a_draft_deletes_its_stored_object(
    member_client, draft, django_capture_on_commit_callbacks
):
    member_client.post(step_url(draft, "fichiers"), {"files": pdf_upload(), "action": "upload"})
    token = attachments.file_token(next(iter(latest(draft).files.all())).file.name)

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(f"{BASE}{draft.pk}/fichiers/retirer/", {"file": token})

    assert response.status_code == 302
    assert list(latest(draft).files.all()) == []
    assert private_files() == []
