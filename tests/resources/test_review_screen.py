"""The editors review in place (the admin's edit view of a resource, where the workflow leads):
licence, prices, disciplines, authors, the files with name, type, size and a look at them, the
source, the licence checks' verdict — without downloading; prices typed in dollars; authors found
by a search, never listed all."""

import re

import pytest
from django.contrib.auth.models import Permission
from wagtail.users.models import UserProfile

from resources.models import ResourcePage
from tests.resources.helpers import a_year_from_now, fill_all_steps, form_data, step_url

pytestmark = pytest.mark.django_db

ARR = "LicenseRef-APOP-All-Rights-Reserved"


@pytest.fixture
def submitted(client, make_member):
    """A member's submission, with a PDF and a preview image, sent to the editors."""
    member = make_member("Marie Tremblay", membership_expires_on=a_year_from_now())
    client.force_login(member)
    page = fill_all_steps(client)
    client.post(step_url(page, "verification"), {"action": "submit"})
    client.logout()
    page.refresh_from_db()
    return page


def _summary(html: str) -> str:
    return html.split("data-review-summary", 1)[1].split('data-review="file"', 1)[0]


def test_the_review_summary_shows_what_the_editor_judges(client, submitted, editor):
    response = client.get(f"/admin/pages/{submitted.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    summary = _summary(html)
    assert 'data-review="licence">CC BY-NC-SA 4.0</strong>' in summary
    assert '<dd data-review="price">Gratuit</dd>' in summary
    assert '<dd data-review="disciplines">201 Mathématiques</dd>' in summary
    assert "Marie Tremblay" in summary
    assert "Une œuvre originale (sans source)" in summary
    assert "Les vérifications de licence sont concluantes" in summary
    # The file: its name, type and size, a first-page image and an in-browser view.
    assert '<p class="apop-review__file-name">notes.pdf</p>' in html
    assert re.search(r"PDF · un document PDF · [\d,]+\u00a0(octets|Kio)", html)
    preview = re.search(r'<img src="(/admin/fichiers/apercu/[^"]+/)"', html).group(1)
    view = re.search(r'href="(/admin/fichiers/voir/[^"]+/)"', html).group(1)
    image = client.get(preview)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    opened = client.get(view)
    assert opened.status_code == 200
    assert opened["Content-Type"] == "application/pdf"
    assert opened["Content-Disposition"] == 'inline; filename="notes.pdf"'
    # The member's preview image, as a thumbnail.
    assert 'alt="Première page des exercices"' in html


def test_the_review_summary_reads_english_in_an_english_admin(client, submitted, editor):
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language="en")

    summary = _summary(client.get(f"/admin/pages/{submitted.pk}/edit/").content.decode())

    assert '<dd data-review="price">Free</dd>' in summary
    assert '<dd data-review="disciplines">201 Mathematics</dd>' in summary
    assert "The licence checks pass:" in summary
    assert "An original work (no source)" in summary


def test_the_dashboard_queue_shows_licence_price_and_disciplines(client, submitted, editor):
    html = client.get("/admin/").content.decode()

    row = html.split(f'data-queue-resource="{submitted.pk}"', 1)[1].split("</tr>", 1)[0]
    assert f'href="/admin/pages/{submitted.pk}/edit/">Exercices : limites</a>' in row
    assert "<td>CC BY-NC-SA 4.0</td>" in row
    assert "<td>Gratuit</td>" in row
    assert "<td>201 Mathématiques</td>" in row
    assert "<td>Marie Tremblay</td>" in row


def test_the_summary_reads_the_version_under_review_and_its_verdict(
    client, editor, make_resource, make_member
):
    source = make_resource("Source ND", slug="source-nd", licence="CC-BY-ND-4.0")
    page = make_resource("Adaptation", slug="adaptation", authors=[make_member()])
    draft = page.get_latest_revision_as_object()
    draft.adapted_from_page = source
    draft.licence = "CC-BY-4.0"
    draft.price_cents = 1250
    draft.save_revision(clean=False)

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    summary = _summary(html)
    assert '<dd data-review="price">12,50\u00a0$</dd>' in summary
    assert "Source ND" in summary
    assert "CC BY-ND 4.0" in summary
    assert "Les vérifications de licence trouvent 1 problème" in summary
    assert "La licence de la source (CC BY-ND 4.0) ne permet pas les adaptations." in summary


@pytest.mark.parametrize("tampered", [True, False])
def test_file_looks_are_for_editors_only_and_cannot_be_pointed_elsewhere(
    client, submitted, editor, make_member, tampered
):
    html = client.get(f"/admin/pages/{submitted.pk}/edit/").content.decode()
    preview = re.search(r'<img src="(/admin/fichiers/apercu/[^"]+/)"', html).group(1)
    if tampered:
        assert client.get(preview.replace("/apercu/", "/apercu/x")).status_code == 404
        return
    # An admin user who is not an editor.
    staff = make_member("Commis", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    refused = client.get(preview)
    # Wagtail answers the admin's PermissionDenied with its dashboard and a message.
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"


# --- Prices in dollars, authors by search -----------------------------------------------------


def _edit(client, page, **changes):
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client.get(url).content.decode(), "page-edit-form")
    data.update(changes)
    return client.post(url, {**data, "action-publish": "publish"})


def test_an_editor_types_prices_in_dollars_and_cents_are_stored(
    client, editor, make_resource, make_member
):
    author = make_member("Marie Tremblay")
    page = make_resource("Examen", slug="examen", licence=ARR, authors=[author])

    response = _edit(client, page, price_cents=["12,50"], member_price_cents=["10"])

    assert response.status_code == 302
    page = ResourcePage.objects.get(pk=page.pk)
    assert (page.price_cents, page.member_price_cents) == (1250, 1000)
    assert list(page.authors.all()) == [author]
    edit_html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'value="12,50"' in edit_html


def test_a_price_that_cannot_be_read_is_refused_and_nothing_changes(
    client, editor, make_resource, make_member
):
    page = make_resource("Examen", slug="examen", licence=ARR, authors=[make_member()])
    revisions = page.revisions.count()

    response = _edit(client, page, price_cents=["douze"])

    assert response.status_code == 200
    assert (
        "Entrez un montant en dollars avec au plus deux décimales, par exemple 12,50."
        in response.content.decode()
    )
    assert page.revisions.count() == revisions
    assert ResourcePage.objects.get(pk=page.pk).price_cents == 0


def test_the_author_field_lists_the_chosen_authors_only(client, editor, make_resource, make_member):
    author = make_member("Marie Tremblay", email="marie@example.org")
    make_member("Quelqu'un d'autre", email="autre@example.org")
    page = make_resource("Notes", slug="notes", authors=[author])

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "data-author-chooser" in html
    assert f'<input type="hidden" name="authors" value="{author.pk}">' in html
    assert "marie@example.org" in html
    assert "autre@example.org" not in html


def test_the_author_search_finds_people_by_name_or_address(client, editor, make_member):
    marie = make_member("Marie Tremblay", email="marie@example.org")
    make_member("Sophie Gagnon", email="sophie@example.org")
    make_member("Marie Close", email="close@example.org", is_active=False)

    by_name = client.get("/admin/ressources/auteurs/", {"q": "marie trem"}).json()
    by_address = client.get("/admin/ressources/auteurs/", {"q": "sophie@"}).json()
    too_short = client.get("/admin/ressources/auteurs/", {"q": "m"}).json()

    assert by_name == {
        "results": [{"id": marie.pk, "name": "Marie Tremblay", "email": "marie@example.org"}]
    }
    assert [person["name"] for person in by_address["results"]] == ["Sophie Gagnon"]
    assert too_short == {"results": []}
