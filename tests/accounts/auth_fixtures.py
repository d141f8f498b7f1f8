"""Builders for the log-in and sign-up tests (they import them): people with a confirmed address,
and requests whose e-mails leave (allauth's e-mails are sent once the transaction commits)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

PASSWORD = "pw-long-enough-2026"


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


def link_in(message) -> str:
    """The one link of an account e-mail that leads into the site (not the home page)."""
    links = re.findall(r"https?://\S+", message.body)
    return next(link for link in links if "/compte/" in link)
