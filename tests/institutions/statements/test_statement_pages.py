"""Past statements on the institution's page: the list (institutions/_statements.html, included
by the representative's page) and the files, for the institution's representatives only —
anyone else gets a 404, a visitor the log-in page."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from institutions import statements
from tests.helpers import lang_path
from tests.institutions.statements.conftest import NOVEMBER

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(world):
    return statements.ensure_statement(world.college, NOVEMBER)


def _url(statement, kind, lang="fr"):
    return lang_path(lang, f"compte/etablissement/releves/{statement.pk}/{kind}/")


def test_a_representative_downloads_the_pdf_and_the_csv_in_their_language(client, statement, world):
    client.force_login(world.robert)

    pdf = client.get(_url(statement, "pdf", "en"))
    csv = client.get(_url(statement, "csv", "fr"))

    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="statement-2026-11.pdf"'
    assert pdf["Cache-Control"] == "private, no-store"
    assert pdf.content.startswith(b"%PDF-")
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert csv["Content-Disposition"] == 'attachment; filename="etat-de-compte-2026-11.csv"'
    assert csv.content.decode("utf-8").startswith("\ufeffÉtat de compte mensuel")


@pytest.mark.parametrize("who", ["ana", "dan", "olga"])
def test_anyone_but_a_representative_of_the_institution_gets_a_404(client, statement, world, who):
    client.force_login(getattr(world, who))

    assert client.get(_url(statement, "pdf")).status_code == 404
    assert client.get(_url(statement, "csv")).status_code == 404


def test_a_representative_of_another_institution_gets_a_404(client, statement, world):
    from accounts.models import InstitutionRepresentative

    InstitutionRepresentative.objects.create(institution=world.college.other, user=world.dan)
    client.force_login(world.dan)

    assert client.get(_url(statement, "pdf")).status_code == 404


def test_an_inactive_representative_is_logged_out(client, statement, world):
    client.force_login(world.robert)
    world.robert.is_active = False
    world.robert.save()

    assert client.get(_url(statement, "pdf")).status_code == 302


def test_an_unknown_file_kind_or_statement_is_a_404(client, statement, world):
    client.force_login(world.rachel)

    assert client.get(_url(statement, "xlsx")).status_code == 404
    assert (
        client.get(f"/fr/compte/etablissement/releves/{statement.pk + 999}/pdf/").status_code == 404
    )


def test_a_visitor_is_sent_to_the_log_in_page(client, statement):
    response = client.get(_url(statement, "pdf"))

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/login/?next=")


def test_only_get_is_answered(client, statement, world):
    client.force_login(world.rachel)

    assert client.post(_url(statement, "pdf")).status_code == 405


def test_the_list_of_past_statements_links_each_month_to_its_files(college):
    october = statements.ensure_statement(college, NOVEMBER.replace(month=10))
    november = statements.ensure_statement(college, NOVEMBER)

    with translation.override("fr"):
        html = render_to_string(
            "institutions/_statements.html",
            {"statements": statements.statements_of([college])[college.pk], "institution": college},
        )

    assert html.index("novembre\u00a02026") < html.index("octobre\u00a02026")
    for statement in (november, october):
        assert f'href="{_url(statement, "pdf")}"' in html
        assert f'href="{_url(statement, "csv")}"' in html
    assert "Aucun état de compte" not in html


def test_without_statements_the_list_says_when_the_first_one_comes(college):
    with translation.override("en"):
        html = render_to_string("institutions/_statements.html", {"statements": []})

    assert "No statement yet" in html
    assert "The first one arrives on the first day of next month." in html
