"""Every error of a step at once: the licence step's rules (a source's licence, the price, the
member price), a typing mistake beside a rule, several refused uploads and a refused preview,
keywords. Messages are checked on /en/ pages, where they read as their English source."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from resources.models import Discipline, ResourcePage
from tests.resources.helpers import (
    BASE,
    EN_BASE,
    latest,
    licence_data,
    pdf_upload,
    png_upload,
    private_files,
    step_url,
)


@pytest.fixture
def nc_sa_adaptation(member_client, make_member, make_resource):
    """A draft adapting someone else's CC BY-NC-SA resource."""
    source = make_resource(
        "Notes : limites",
        slug="source-nc-sa",
        authors=[make_member("Sophie Gagnon")],
        licence="CC-BY-NC-SA-4.0",
    )
    response = member_client.post(
        f"{BASE}adapter/{source.pk}/",
        {"title": "Limites adaptées", "summary": "Avec des exercices.", "language": "fr"},
    )
    assert response.status_code == 302
    return ResourcePage.objects.order_by("-pk").first()


def _summary(html: str) -> str:
    start = html.index('id="error-summary"')
    return html[start : html.index("</ul>", start)]


def test_three_rule_errors_of_the_licence_step_come_at_once(member_client, nc_sa_adaptation):
    draft = nc_sa_adaptation
    revisions = draft.revisions.count()
    source_url = f"/fr/ressources/{draft.adapted_from_page.slug}/"

    response = member_client.post(
        step_url(draft, "licence", EN_BASE),
        licence_data(licence="CC-BY-4.0", price="5", member_price="8", adapted_from_url=source_url),
    )

    html = response.content.decode()
    assert response.status_code == 200
    errors = [
        "An adaptation of a CC BY-NC-SA 4.0 work must keep the CC BY-NC-SA 4.0 licence.",
        "An adaptation of someone else's non-commercial (NC) work must be free.",
        "The member price cannot be higher than the price.",
    ]
    for message in errors:
        assert f'<li class="field__error">{escape(message)}</li>' in html
    assert _summary(html).count("<li>") == 3
    assert draft.revisions.count() == revisions
    saved = latest(draft)
    assert (saved.licence, saved.price_cents, saved.member_price_cents) == (
        "CC-BY-NC-SA-4.0",
        0,
        None,
    )


def test_a_typing_mistake_does_not_hide_the_licence_rule(member_client, nc_sa_adaptation):
    draft = nc_sa_adaptation
    source_url = f"/fr/ressources/{draft.adapted_from_page.slug}/"

    response = member_client.post(
        step_url(draft, "licence", EN_BASE),
        licence_data(licence="CC-BY-4.0", price="douze", adapted_from_url=source_url),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<li class="field__error">Enter an amount in dollars with at most two decimals, for '
        "example 12.50.</li>"
    ) in html
    assert (
        '<li class="field__error">An adaptation of a CC BY-NC-SA 4.0 work must keep the '
        "CC BY-NC-SA 4.0 licence.</li>"
    ) in html
    # The price rule waits until the price is readable: no second message about it.
    assert (
        "An adaptation of someone else&#x27;s non-commercial (NC) work must be free.</li>"
        not in (html)
    )
    assert _summary(html).count("<li>") == 2


def test_several_refused_uploads_and_the_preview_are_all_named_and_nothing_is_stored(
    member_client, draft
):
    revisions = draft.revisions.count()
    executable = SimpleUploadedFile("outil.exe", b"MZ\x90\x00\x03" + bytes(range(256)) * 8)
    elf = SimpleUploadedFile("programme.pdf", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    not_an_image = SimpleUploadedFile("apercu.png", b"%PDF-1.4 not an image" * 10)

    response = member_client.post(
        step_url(draft, "fichiers", EN_BASE),
        {
            "files": [executable, pdf_upload(), elf],
            "preview": not_an_image,
            "preview_alt": "Première page",
            "action": "upload",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    field_errors = html.count('<li class="field__error">')
    assert field_errors == 3
    assert "“outil.exe”" in html
    assert "“programme.pdf”" in html
    assert "“apercu.png”" in html
    assert private_files() == []
    assert draft.revisions.count() == revisions
    assert list(latest(draft).previews.all()) == []


def test_a_refused_upload_is_named_beside_a_missing_text_alternative(member_client, draft):
    executable = SimpleUploadedFile("outil.exe", b"MZ\x90\x00\x03" + bytes(range(256)) * 8)

    response = member_client.post(
        step_url(draft, "fichiers", EN_BASE),
        {"files": executable, "preview": png_upload(), "action": "upload"},
    )

    html = response.content.decode()
    assert "“outil.exe”" in html
    assert (
        '<li class="field__error">Describe the preview image for people who cannot see it.</li>'
    ) in html
    assert private_files() == []


def test_both_keyword_problems_come_at_once(member_client, draft):
    tags = ", ".join(["x" * 101] + [f"mot{n}" for n in range(25)])

    response = member_client.post(
        step_url(draft, "classement", EN_BASE),
        {
            "disciplines": [Discipline.objects.get(code="201").pk],
            "tags": tags,
            "action": "continue",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<li class="field__error">A keyword has 100 characters at most.</li>' in html
    assert '<li class="field__error">Give 20 keywords at most.</li>' in html
