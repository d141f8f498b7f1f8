"""boutique/membership.py: a payment adds one year (from the current expiry when still valid),
and the renewal reminder goes out once, exactly BOUTIQUE_MEMBERSHIP_REMINDER_DAYS days before."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from boutique import membership, tasks

D = datetime.date
ON = D(2026, 10, 24)  # the day the reminders run in these tests
EXPIRY = D(2026, 11, 23)  # 30 days later


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.BOUTIQUE_MEMBERSHIP_REMINDER_DAYS = 30
    settings.BOUTIQUE_MEMBERSHIP_PRICE_CENTS = 6000


def test_the_price_comes_from_the_settings(settings):
    settings.BOUTIQUE_MEMBERSHIP_PRICE_CENTS = 7500

    assert membership.membership_price_cents() == 7500


# --- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "paid_on", "expected"),
    [
        (None, D(2026, 11, 23), D(2027, 11, 23)),  # first membership
        (D(2026, 12, 1), D(2026, 11, 23), D(2027, 12, 1)),  # renewal before expiry: no day lost
        (D(2026, 11, 23), D(2026, 11, 23), D(2027, 11, 23)),  # valid through its last day
        (D(2026, 11, 22), D(2026, 11, 23), D(2027, 11, 23)),  # expired yesterday: from today
        (D(2025, 3, 1), D(2026, 11, 23), D(2027, 11, 23)),  # long expired
        (None, D(2028, 2, 29), D(2029, 2, 28)),  # Feb 29 → Feb 28
        (D(2028, 2, 29), D(2028, 1, 10), D(2029, 2, 28)),
    ],
)
def test_extend_membership(make_member, current, paid_on, expected):
    user = make_member(membership_expires_on=current)

    result = membership.extend_membership(user, paid_on=paid_on)

    assert result == expected
    assert user.membership_expires_on == expected
    user.refresh_from_db()
    assert user.membership_expires_on == expected


def test_extend_membership_reads_the_stored_expiry_not_a_stale_object(make_member):
    user = make_member(membership_expires_on=None)
    stale = type(user).objects.get(pk=user.pk)
    membership.extend_membership(user, paid_on=D(2026, 11, 23))  # → 2027-11-23

    result = membership.extend_membership(stale, paid_on=D(2026, 11, 23))

    assert result == D(2028, 11, 23)


def test_extend_membership_saves_only_the_expiry(make_member):
    user = make_member(membership_expires_on=None)
    type(user).objects.filter(pk=user.pk).update(display_name="Changed elsewhere")

    membership.extend_membership(user, paid_on=D(2026, 11, 23))

    user.refresh_from_db()
    assert user.display_name == "Changed elsewhere"


# --- Reminders -----------------------------------------------------------------------------


@pytest.mark.parametrize(("days_before", "reminded"), [(29, False), (30, True), (31, False)])
def test_the_reminder_goes_exactly_30_days_before(make_member, days_before, reminded):
    user = make_member(membership_expires_on=ON + datetime.timedelta(days=days_before))

    sent = membership.send_reminders(ON)

    assert sent == (1 if reminded else 0)
    assert [m.to for m in mail.outbox] == ([[user.email]] if reminded else [])
    assert list(membership.members_to_remind(ON)) == ([user] if reminded else [])


def test_the_reminder_days_come_from_the_settings(settings, make_member):
    settings.BOUTIQUE_MEMBERSHIP_REMINDER_DAYS = 7
    user = make_member(membership_expires_on=ON + datetime.timedelta(days=7))
    make_member(membership_expires_on=EXPIRY)

    assert list(membership.members_to_remind(ON)) == [user]


def test_never_twice_for_the_same_member_and_expiry(make_member):
    make_member(membership_expires_on=EXPIRY)

    first = membership.send_reminders(ON)
    second = membership.send_reminders(ON)

    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1


def test_a_renewed_member_is_reminded_again_next_year(make_member):
    user = make_member(membership_expires_on=EXPIRY)
    membership.send_reminders(ON)
    membership.extend_membership(user, paid_on=ON)  # → 2027-11-23

    sent = membership.send_reminders(D(2027, 10, 24))

    assert sent == 1
    assert len(mail.outbox) == 2


def test_inactive_and_closed_accounts_are_skipped(make_member):
    make_member(membership_expires_on=EXPIRY, is_active=False)
    make_member(membership_expires_on=EXPIRY, deleted_at=timezone.now())

    assert membership.send_reminders(ON) == 0
    assert mail.outbox == []


def test_a_failed_send_does_not_stop_the_others_and_can_be_retried(make_member, monkeypatch):
    first = make_member(membership_expires_on=EXPIRY)
    second = make_member(membership_expires_on=EXPIRY)
    real_send = membership.send_reminder

    def flaky(user):
        if user.pk == first.pk:
            raise ConnectionError("SMTP down")
        real_send(user)

    monkeypatch.setattr(membership, "send_reminder", flaky)
    assert membership.send_reminders(ON) == 1
    assert [m.to for m in mail.outbox] == [[second.email]]

    monkeypatch.setattr(membership, "send_reminder", real_send)
    assert membership.send_reminders(ON) == 1
    assert [m.to for m in mail.outbox] == [[second.email], [first.email]]


def test_the_english_email(make_member):
    make_member("Jane Doe", membership_expires_on=EXPIRY, language="en")

    membership.send_reminders(ON)

    message = mail.outbox[0]
    assert message.subject == (
        "APOP boutique · Your APOP membership ends on November\u00a023,\u00a02026"
    )
    assert "Hello Jane Doe," in message.body
    assert "ends on November\u00a023,\u00a02026, in 30 days." in message.body
    assert "member prices on the resources for sale" in message.body
    assert "One more year costs $60.00." in message.body
    assert "http://testserver/en/membership/" in message.body
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"
    assert '<html lang="en-CA">' in html
    assert 'href="http://testserver/en/membership/"' in html
    assert "Renew my membership" in html


def test_the_french_email(make_member):
    make_member("Marie Tremblay", membership_expires_on=EXPIRY, language="fr")

    membership.send_reminders(ON)

    message = mail.outbox[0]
    # Dates and amounts come from Babel, not from the catalogue.
    assert "23\u00a0novembre\u00a02026" in message.subject
    assert "23\u00a0novembre\u00a02026" in message.body
    assert "60,00\u00a0$" in message.body
    assert "http://testserver/fr/adhesion/" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="fr-CA">' in html
    assert 'href="http://testserver/fr/adhesion/"' in html


def test_the_command_and_the_task_send_the_reminders(make_member, monkeypatch):
    make_member(membership_expires_on=EXPIRY)
    make_member(membership_expires_on=EXPIRY)
    monkeypatch.setattr("accounts.roles.today", lambda: ON)
    out = StringIO()

    call_command("send_membership_reminders", stdout=out)

    assert out.getvalue() == "2 membership reminder(s) sent.\n"
    assert len(mail.outbox) == 2
    # The task does the same work, and sends nothing more the same day.
    assert tasks.send_membership_reminders.call() == 0
    assert len(mail.outbox) == 2


def test_the_command_accepts_a_date(make_member):
    make_member(membership_expires_on=EXPIRY)
    out = StringIO()

    call_command("send_membership_reminders", "--date", ON.isoformat(), stdout=out)

    assert out.getvalue() == "1 membership reminder(s) sent.\n"
