"""The receipt e-mail a member gets when they submit a resource: exactly one, after commit, in
their language, with the expected review time (REVIEW_EXPECTED_DAYS business days) and its
date."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from core.formats import long_date
from submissions import receipt
from tests.resources.helpers import a_year_from_now, fill_all_steps, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(catalogue, make_member):
    return make_member("Marie Tremblay", membership_expires_on=a_year_from_now(), language="en")


def _submit(client, page, capture):
    with capture(execute=True):
        return client.post(step_url(page, "verification"), {"action": "submit"})


def _expected(language) -> str:
    with translation.override(language):
        return long_date(receipt.expected_answer_date())


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (datetime.date(2026, 12, 4), 5, datetime.date(2026, 12, 11)),  # Friday → Friday
        (datetime.date(2026, 12, 7), 5, datetime.date(2026, 12, 14)),  # Monday → Monday
        (datetime.date(2026, 12, 5), 1, datetime.date(2026, 12, 7)),  # Saturday → Monday
        (datetime.date(2026, 12, 4), 1, datetime.date(2026, 12, 7)),  # Friday → Monday
        (datetime.date(2026, 12, 4), 0, datetime.date(2026, 12, 4)),
    ],
)
def test_business_days_skip_the_weekend(start, days, expected):
    assert receipt.add_business_days(start, days) == expected


def test_submitting_sends_exactly_one_receipt_with_the_review_time(
    member_client, member, django_capture_on_commit_callbacks
):
    page = fill_all_steps(member_client)

    response = _submit(member_client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "APOP boutique · We received “Exercices : limites”"
    assert "We received your resource “Exercices : limites”: it is with the editors." in (
        message.body
    )
    assert (
        "Expect their answer within 5 business days, by " + _expected("en") + "."
    ) in message.body
    assert "http://testserver/en/account/submissions/" in message.body
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    assert 'lang="en-CA"' in html
    assert "within 5 business days" in html


def test_the_receipt_is_in_the_member_s_language(
    member_client, member, django_capture_on_commit_callbacks
):
    member.language = "fr"
    member.save()
    page = fill_all_steps(member_client)

    _submit(member_client, page, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.subject == (
        "APOP boutique · Nous avons bien reçu «\u00a0Exercices : limites\u00a0»"
    )
    assert (
        "Attendez leur réponse d’ici 5 jours ouvrables, au plus tard le " + _expected("fr") + "."
    ) in message.body
    assert "http://testserver/fr/compte/depots/" in message.body


def test_the_expected_time_comes_from_the_setting(
    member_client, settings, django_capture_on_commit_callbacks
):
    settings.REVIEW_EXPECTED_DAYS = 3
    page = fill_all_steps(member_client)

    _submit(member_client, page, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert "within 3 business days, by " + _expected("en") in message.body


def test_a_second_click_sends_no_second_receipt(member_client, django_capture_on_commit_callbacks):
    page = fill_all_steps(member_client)
    _submit(member_client, page, django_capture_on_commit_callbacks)

    _submit(member_client, page, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1


def test_a_submission_refused_for_errors_sends_nothing(
    member_client, draft, django_capture_on_commit_callbacks
):
    response = _submit(member_client, draft, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert mail.outbox == []


def test_nothing_is_sent_before_the_submission_commits(
    member_client, django_capture_on_commit_callbacks
):
    page = fill_all_steps(member_client)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        member_client.post(step_url(page, "verification"), {"action": "submit"})

    assert mail.outbox == []
    assert len(callbacks) >= 1


def test_the_review_step_says_how_long_the_editors_take(member_client, draft):
    from tests.resources.helpers import EN_BASE

    html = member_client.get(step_url(draft, "verification", EN_BASE)).content.decode()

    assert (
        "They usually answer within 5 business days; a receipt by e-mail tells you the date."
        in (html)
    )
