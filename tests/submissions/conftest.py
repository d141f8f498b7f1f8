"""The submission tests' member, signed in, and a draft they started."""

import pytest

from tests.resources.helpers import a_year_from_now, start_submission


@pytest.fixture
def member(catalogue, make_member):
    return make_member("Marie Tremblay", membership_expires_on=a_year_from_now())


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def draft(member_client):
    return start_submission(member_client)
