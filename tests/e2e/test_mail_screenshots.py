"""What people receive, looked at: the monthly statement (its PDF's pages rendered with pdfium,
its e-mail) and the bi-weekly digest, in French and English, at desktop and phone widths. The
screenshots are kept in test-results/ for people to look at; the e-mails must be axe clean."""

import pypdfium2
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Follow
from resources.models import Discipline
from tests.e2e.conftest import RESULTS
from tests.e2e.helpers import axe_violations
from tests.institutions.statements.conftest import college, world  # noqa: F401  (fixtures used below)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

WIDTHS = {"desktop": 800, "phone": 375}


def _look_at(page, axe_source, tmp_path, html: str, name: str) -> None:
    """Open the e-mail's HTML part as a mail program would (a file, no site around it), check
    it with axe and keep a screenshot at each width."""
    source = tmp_path / f"{name}.html"
    source.write_text(html)
    for kind, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(source.as_uri())
        assert axe_violations(page, axe_source) == []
        # Nothing wider than the screen: a phone reads the e-mail without scrolling sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"{name}-{kind}.png"), full_page=True)


def test_the_monthly_statement_its_pdf_and_its_email(page, axe_source, tmp_path, request):
    request.getfixturevalue("world")
    call_command("send_institution_statements", "--month", "2026-11", stdout=open("/dev/null", "w"))
    by_address = {message.to[0]: message for message in mail.outbox}
    messages = {
        "fr": by_address["rachel@cegep-test.qc.ca"],
        "en": by_address["robert@cegep-test.qc.ca"],
    }
    totals = {"fr": "276,00 $", "en": "$276.00"}

    for lang, message in messages.items():
        pdf = pypdfium2.PdfDocument(message.attachments[0][1])
        first_page = pdf[0].get_textpage().get_text_range().replace("\u00a0", " ")
        assert totals[lang] in first_page
        RESULTS.mkdir(exist_ok=True)
        for number in range(len(pdf)):
            image = pdf[number].render(scale=1.5).to_pil()
            image.save(RESULTS / f"statement-{lang}-pdf-page{number + 1}.png")
        _look_at(page, axe_source, tmp_path, message.alternatives[0][0], f"statement-{lang}-email")


def test_the_digest_email(page, axe_source, tmp_path, make_member, make_resource):
    marie = make_member("Marie Tremblay", email="marie@example.org")
    theo = make_member(
        "Théo Enseignant", email="theo@example.org", newsletter_opt_in_at=timezone.now()
    )
    anna = make_member(
        "Anna English", email="anna@example.org", language="en", newsletter_opt_in_at=timezone.now()
    )
    for reader in (theo, anna):
        reader.disciplines.add(Discipline.objects.get(code="201"))
        Follow.objects.create(follower=reader, author=marie)
    make_resource("Limites et continuité", disciplines=("201",), authors=[marie])
    make_resource("Cinétique chimique", disciplines=("202",), authors=[marie])

    call_command("send_digest", stdout=open("/dev/null", "w"))

    by_address = {message.to[0]: message for message in mail.outbox}
    for lang, address in (("fr", "theo@example.org"), ("en", "anna@example.org")):
        html = by_address[address].alternatives[0][0]
        assert "Limites et continuité" in html
        assert "Cinétique chimique" in html
        _look_at(page, axe_source, tmp_path, html, f"digest-{lang}-email")
