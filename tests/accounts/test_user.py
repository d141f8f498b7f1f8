"""The custom user model: e-mail is the login, case-insensitively; a display name is shown."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import IntegrityError, transaction
from django.utils import translation

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_user_model_is_the_accounts_model_with_email_login():
    assert User._meta.label == "accounts.User"
    assert User.USERNAME_FIELD == "email"
    assert not hasattr(User(), "username") or User.username is None


def test_create_user_lowercases_the_address_and_hashes_the_password():
    user = User.objects.create_user("Marie.Tremblay@CegepX.QC.CA", "un-mot-de-passe-long")

    assert user.email == "marie.tremblay@cegepx.qc.ca"
    assert user.password != "un-mot-de-passe-long"
    assert user.check_password("un-mot-de-passe-long")
    assert (user.is_staff, user.is_superuser, user.language) == (False, False, "fr")


def test_create_user_without_address_is_refused_and_creates_nothing():
    with pytest.raises(ValueError, match="An e-mail address is required."):
        User.objects.create_user("", "x")

    assert User.objects.count() == 0


def test_same_address_in_another_case_is_refused():
    User.objects.create_user("a@example.org", "pw-long-enough")

    with pytest.raises(IntegrityError), transaction.atomic():
        User(email="A@EXAMPLE.ORG").save()

    assert User.objects.count() == 1


def test_login_is_case_insensitive_on_the_address():
    User.objects.create_user("prof@example.org", "pw-long-enough")

    assert authenticate(username="PROF@Example.org", password="pw-long-enough") is not None
    assert authenticate(username="prof@example.org", password="wrong") is None


def test_superuser_is_staff_and_superuser():
    admin = User.objects.create_superuser("admin@example.org", "pw-long-enough")

    assert (admin.is_staff, admin.is_superuser) == (True, True)


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        (
            {"display_name": "Prof. Gagnon", "first_name": "Luc", "last_name": "Gagnon"},
            "Prof. Gagnon",
        ),
        ({"first_name": "Luc", "last_name": "Gagnon"}, "Luc Gagnon"),
        ({}, "APOP member"),  # never a piece of the address: names are public
    ],
)
def test_name_shown_falls_back_from_display_name_to_names_never_the_address(fields, shown):
    user = User(email="luc.gagnon@example.org", **fields)

    with translation.override("en"):
        assert str(user) == shown
        assert user.get_full_name() == shown
