"""Fixtures of the resources tests. The catalogue builders (catalogue, make_member,
make_resource) are in tests/conftest.py: the accounts, boutique, search and browser tests use
them too."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import EDITORS_GROUP


@pytest.fixture
def editor(client, site_pages):
    """An editor of the Wagtail admin, signed in with `client`."""
    user = get_user_model().objects.create_user(
        "editeur@example.org", "pw-long-enough", is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return user
