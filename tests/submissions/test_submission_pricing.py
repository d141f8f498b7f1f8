"""Submission steps 4 and 5 (licence and price, review), the list of « my submissions » and valid
HTML. Messages are checked on /en/ pages, where they read as their English source."""

import re
from collections import Counter

import html5lib
import pytest
from django.utils.html import escape

from submissions import text as description
from tests.resources.helpers import (
    BASE,
    DESCRIPTION,
    EN_BASE,
    NEW,
    fill_all_steps,
    latest,
    licence_data,
    pdf_upload,
    png_upload,
    step_url,
)

# --- Step 4: licence and price -----------------------------------------------------------------


# Reading dollars typed by people is core/money.py's rule: tests/test_money.py.


def test_the_licence_step_saves_the_price_in_cents(member_client, draft):
    response = member_client.post(
        step_url(draft, "licence"),
        licence_data(
            licence="LicenseRef-APOP-All-Rights-Reserved", price="12,50", member_price="10"
        ),
    )

    saved = latest(draft)
    assert response.status_code == 302
    assert response["Location"] == step_url(draft, "verification")
    assert saved.price_cents == 1250
    assert saved.member_price_cents == 1000
    assert saved.licence == "LicenseRef-APOP-All-Rights-Reserved"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"price": "12,345"},
            "price",
            "Enter an amount in dollars with at most two decimals, for example 12.50.",
        ),
        ({"price": "-5"}, "price", "The price cannot be negative."),
        (
            {"price": "5", "member_price": "-1"},
            "member_price",
            "The member price cannot be negative.",
        ),
        (
            {"price": "10", "member_price": "12"},
            "member_price",
            "The member price cannot be higher than the price.",
        ),
        ({"member_price": "2"}, "member_price", "A free resource has no member price."),
        (
            {"source_title": "Manuel libre", "source_licence": ""},
            "source_licence",
            "Give the licence of the source you adapted.",
        ),
        (
            {"adapted_from_url": "/fr/ressources/inconnue/"},
            "adapted_from_url",
            "No published resource of this site has this address.",
        ),
        (
            {"licence": "CC-BY-99"},
            "licence",
            "Select a valid choice. CC-BY-99 is not one of the available choices.",
        ),
    ],
)
def test_the_licence_step_refuses_bad_input(member_client, draft, overrides, field, message):
    revisions = draft.revisions.count()

    response = member_client.post(step_url(draft, "licence", EN_BASE), licence_data(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<li class="field__error">{escape(message)}</li>' in html
    assert draft.revisions.count() == revisions
    assert latest(draft).price_cents == 0


def test_a_paid_nc_adaptation_of_someone_else_s_nc_resource_is_refused_with_the_rule_s_message(
    member_client, draft, make_member, make_resource
):
    other = make_member("Autre Autrice")
    source = make_resource(
        "Notes : limites", slug="limites", authors=[other], licence="CC-BY-NC-4.0"
    )
    revisions = draft.revisions.count()

    response = member_client.post(
        step_url(draft, "licence", EN_BASE),
        licence_data(
            licence="CC-BY-NC-4.0",
            price="5",
            adapted_from_url=f"http://testserver/fr/ressources/{source.slug}/",
        ),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<li class="field__error">An adaptation of someone else&#x27;s non-commercial (NC) work '
        "must be free.</li>"
    ) in html
    assert draft.revisions.count() == revisions


def test_a_free_nc_adaptation_of_someone_else_s_nc_resource_is_accepted(
    member_client, draft, make_member, make_resource
):
    other = make_member("Autre Autrice")
    source = make_resource(
        "Notes : limites", slug="limites", authors=[other], licence="CC-BY-NC-4.0"
    )

    response = member_client.post(
        step_url(draft, "licence"),
        licence_data(licence="CC-BY-NC-4.0", adapted_from_url=f"/fr/ressources/{source.slug}/"),
    )

    assert response.status_code == 302
    assert latest(draft).adapted_from_page_id == source.pk


def test_the_licence_step_shows_each_licence_in_plain_words(member_client, draft):
    html = member_client.get(step_url(draft, "licence", EN_BASE)).content.decode()

    assert html.count('name="licence"') == 8
    assert (
        "You may copy, adapt and share this resource, even for commercial purposes, as long as "
        "you credit the author.</p>"
    ) in html
    assert 'value="CC-BY-NC-SA-4.0" id="id_licence_3" checked' in html


# --- Step 5: review ----------------------------------------------------------------------------


def test_the_review_lists_what_is_missing_with_links_to_the_steps(member_client, draft):
    response = member_client.post(step_url(draft, "verification", EN_BASE), {"action": "submit"})

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f'<a href="{EN_BASE}{draft.pk}/classification/#id_disciplines_0">Choose at least one discipline.</a>'
        in html
    )
    assert f'<a href="{EN_BASE}{draft.pk}/files/#id_files">Add at least one file.</a>' in html
    draft.refresh_from_db()
    assert draft.workflow_in_progress is False


def test_the_review_summarises_every_step_with_edit_links(member_client):
    page = fill_all_steps(member_client)

    html = member_client.get(step_url(page, "verification", EN_BASE)).content.decode()

    for step in ("description", "classement", "fichiers", "licence"):
        assert f'href="{step_url(page, step, EN_BASE)}">Edit<span class="visually-hidden">' in html
    assert "notes.pdf" in html
    assert 'alt="Première page des exercices"' in html
    assert "The licence rules allow this licence and this price." in html
    assert 'name="action" value="submit"' in html


# --- The list of my submissions ----------------------------------------------------------------


def test_a_member_without_submissions_sees_a_helpful_empty_state(member_client, catalogue):
    html = member_client.get(f"{EN_BASE}").content.decode()

    assert "You have not submitted any resource yet" in html
    assert f'href="{EN_BASE}new/"' in html


def test_the_list_shows_my_drafts_with_their_state(member_client, draft, make_resource):
    make_resource("La ressource de quelqu'un d'autre", slug="autre")

    html = member_client.get(BASE).content.decode()

    assert html.count('class="submission-item"') == 1
    assert "Exercices : limites" in html
    assert 'data-state="draft"' in html
    assert f'href="{BASE}{draft.pk}/description/"' in html


def test_the_list_costs_the_same_queries_for_one_or_five_submissions(
    member_client, member, make_resource, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_resource("Publiée 1", slug="publiee-1", authors=[member])
    with CaptureQueriesContext(connection) as one:
        member_client.get(BASE)
    for n in range(2, 6):
        make_resource(f"Publiée {n}", slug=f"publiee-{n}", authors=[member])

    with django_assert_max_num_queries(len(one.captured_queries)):
        response = member_client.get(BASE)

    assert response.content.decode().count('class="submission-item"') == 5


# --- Valid HTML ----------------------------------------------------------------------------------


def _assert_valid_html(html: str) -> None:
    """The strict WHATWG parser finds nothing wrong; ids are unique; every label and ARIA
    reference points at an element that exists."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    references = re.findall(r'\sfor="([^"]+)"', html) + [
        ref for value in re.findall(r'aria-describedby="([^"]+)"', html) for ref in value.split()
    ]
    assert [ref for ref in references if ref not in ids] == []


@pytest.mark.parametrize(
    ("step", "data"),
    [
        ("description", None),
        ("description", {**DESCRIPTION, "title": "", "summary": "x" * 501}),
        ("classement", None),
        ("classement", {"action": "continue"}),
        ("fichiers", None),
        ("fichiers", {"preview_alt": "Sans image", "action": "continue"}),
        ("licence", None),
        ("licence", licence_data(price="12,345", member_price="-1")),
        ("verification", None),
        ("verification", {"action": "submit"}),
    ],
)
def test_every_step_is_valid_html_with_and_without_errors(member_client, draft, step, data):
    url = step_url(draft, step, EN_BASE)
    response = member_client.post(url, data) if data else member_client.get(url)

    assert response.status_code == 200
    _assert_valid_html(response.content.decode())


def test_the_other_pages_are_valid_html(
    client, member, member_client, draft, make_member, make_resource
):
    member_client.post(step_url(draft, "fichiers"), {"files": pdf_upload(), "action": "upload"})
    published = make_resource("Notes : limites", slug="limites", authors=[member])
    pages = [
        member_client.get(BASE),
        member_client.get(NEW),
        member_client.get(f"{BASE}{published.pk}/depublier/"),
    ]
    client.force_login(make_member("Amina Diallo"))
    pages.append(client.get(NEW))

    for response in pages:
        assert response.status_code == 200
        _assert_valid_html(response.content.decode())


def test_files_of_an_unpublished_draft_get_database_ids_for_the_admin_s_edit_form(
    member_client, draft
):
    member_client.post(step_url(draft, "fichiers"), {"files": pdf_upload(), "action": "upload"})

    (entry,) = latest(draft).files.all()
    assert entry.pk is not None
    assert draft.files.get().pk == entry.pk


def test_removing_a_preview_from_a_draft_deletes_its_image(member_client, draft):
    from wagtail.images import get_image_model

    member_client.post(
        step_url(draft, "fichiers"),
        {"preview": png_upload(), "preview_alt": "Première page", "action": "upload"},
    )
    (preview,) = latest(draft).previews.all()

    response = member_client.post(
        f"{BASE}{draft.pk}/fichiers/retirer/", {"preview": str(preview.image_id)}
    )

    assert response.status_code == 302
    assert list(latest(draft).previews.all()) == []
    assert get_image_model().objects.filter(pk=preview.image_id).exists() is False


def test_plain_text_descriptions_become_escaped_paragraphs_and_back():
    text = "Ligne 1\nLigne 2 & <script>\n\n\nDeuxième paragraphe"

    html = description.text_to_html(text)

    assert html == "<p>Ligne 1<br/>Ligne 2 &amp; &lt;script&gt;</p><p>Deuxième paragraphe</p>"
    assert description.html_to_text(html) == "Ligne 1\nLigne 2 & <script>\n\nDeuxième paragraphe"


def test_an_editor_s_formatting_survives_when_the_member_leaves_the_description_alone(
    member_client, draft
):
    rich = latest(draft)
    rich.description = "<p>Avec <b>gras</b> et une liste :</p><ul><li>un</li><li>deux</li></ul>"
    rich.save_revision()

    member_client.post(
        step_url(draft, "description"),
        {**DESCRIPTION, "description": ("Avec gras et une liste :\n\n- un\n\n- deux")},
    )

    assert latest(draft).description == rich.description
