"""Fixtures of the log-in and sign-up tests: people with a confirmed address, and requests whose
e-mails leave (allauth's e-mails are sent once the transaction commits)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.accounts.helpers import PASSWORD


@pytest.fixture
def make_account(db):
    """A user whose e-mail address is confirmed (allauth's EmailAddress, verified, primary)."""

    def make(email="prof@example.org", password=PASSWORD, *, verified=True, **fields):
        user = get_user_model().objects.create_user(email, password, **fields)
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST (or GET) with the client and run what waits for the commit: the e-mails."""

    def request(path, data=None, *, method="post", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return getattr(client, method)(path, data or {}, **kwargs)

    return request
