"""`manage.py send_institution_statements`: on the first of the month, the past month's
statement of each member institution to each of its active representatives, in their language,
with the PDF and the CSV; once — a second run sends nothing, a failed send is tried again."""

import smtplib
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import InstitutionRepresentative
from institutions.models import Statement, StatementDelivery
from tests.institutions.statements.conftest import NOVEMBER, at

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _run(*args):
    out = StringIO()
    call_command("send_institution_statements", *args, stdout=out)
    return out.getvalue()


def test_each_representative_receives_the_statement_in_their_language(world):
    output = _run("--month", "2026-11")

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["rachel@cegep-test.qc.ca", "robert@cegep-test.qc.ca"]
    french, english = by_address["rachel@cegep-test.qc.ca"], by_address["robert@cegep-test.qc.ca"]
    assert (
        french.subject
        == "APOP boutique · État de compte mensuel de novembre\u00a02026 · Cégep de Test"
    )
    assert (
        english.subject == "APOP boutique · Monthly statement of November\u00a02026 · Cégep de Test"
    )
    assert [(name, kind) for name, _content, kind in french.attachments] == [
        ("etat-de-compte-2026-11.pdf", "application/pdf"),
        ("etat-de-compte-2026-11.csv", "text/csv"),
    ]
    assert [name for name, _content, _kind in english.attachments] == [
        "statement-2026-11.pdf",
        "statement-2026-11.csv",
    ]
    assert english.attachments[0][1].startswith(b"%PDF-")
    assert english.attachments[1][1].startswith("\ufeffMonthly statement")
    html = english.alternatives[0][0]
    assert "$276.00" in html
    assert "$276.00" in english.body
    assert "276,00\u00a0$" in french.alternatives[0][0]
    assert "http://testserver/en/account/institution/" in english.body
    assert "Ana Lopez" not in english.body + html
    assert output == "2026-11: 1 statement(s), 2 message(s) sent.\n"


def test_a_second_run_sends_nothing(world):
    _run("--month", "2026-11")
    mail.outbox.clear()

    output = _run("--month", "2026-11")

    assert mail.outbox == []
    assert output == "2026-11: 1 statement(s), 0 message(s) sent.\n"
    assert Statement.objects.count() == 1
    assert StatementDelivery.objects.count() == 2


def test_a_representative_named_later_receives_the_months_statement_alone(world, make_member):
    _run("--month", "2026-11")
    mail.outbox.clear()
    newcomer = make_member("Nina Nouvelle", email="nina@cegep-test.qc.ca")
    InstitutionRepresentative.objects.create(institution=world.college, user=newcomer)

    _run("--month", "2026-11")

    assert [message.to for message in mail.outbox] == [["nina@cegep-test.qc.ca"]]


def test_a_failed_send_is_tried_again_at_the_next_run(world):
    real_send = mail.EmailMultiAlternatives.send

    def fail_for_robert(message, *args, **kwargs):
        if message.to == ["robert@cegep-test.qc.ca"]:
            raise smtplib.SMTPServerDisconnected("down")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMultiAlternatives, "send", fail_for_robert):
        _run("--month", "2026-11")

    assert [message.to for message in mail.outbox] == [["rachel@cegep-test.qc.ca"]]
    assert list(StatementDelivery.objects.values_list("email", flat=True)) == [
        "rachel@cegep-test.qc.ca"
    ]
    mail.outbox.clear()

    _run("--month", "2026-11")

    assert [message.to for message in mail.outbox] == [["robert@cegep-test.qc.ca"]]


def test_inactive_representatives_and_non_member_institutions_get_nothing(world):
    world.robert.is_active = False
    world.robert.save()
    InstitutionRepresentative.objects.create(institution=world.college.other, user=world.dan)

    _run("--month", "2026-11")

    assert [message.to for message in mail.outbox] == [["rachel@cegep-test.qc.ca"]]
    assert list(Statement.objects.values_list("institution__name", flat=True)) == ["Cégep de Test"]


def test_without_a_month_it_sends_the_past_month(world):
    with mock.patch.object(timezone, "now", return_value=at(2026, 12, 1, 6)):
        output = _run()

    assert output.startswith("2026-11: 1 statement(s)")
    assert Statement.objects.get().month == NOVEMBER


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-13", "--month: '2026-13' is not a month written YYYY-MM"),
        ("novembre", "--month: 'novembre' is not a month written YYYY-MM"),
        ("2099-01", "--month: 2099-01 is not over yet."),
    ],
)
def test_a_bad_or_unfinished_month_is_refused_and_nothing_is_made(world, month, message):
    with pytest.raises(CommandError) as error:
        _run("--month", month)

    assert str(error.value) == message
    assert mail.outbox == []
    assert not Statement.objects.exists()


def test_the_current_month_is_refused_until_it_is_over(world):
    with mock.patch.object(timezone, "now", return_value=at(2026, 11, 30, 23, 59)):
        with pytest.raises(CommandError, match="2026-11 is not over yet"):
            _run("--month", "2026-11")
    assert not Statement.objects.exists()
