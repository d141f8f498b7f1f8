"""Fixtures of the OAI-PMH tests: the repository read as a harvester reads it (Oai), and
resources published as the catalogue publishes them, their on-commit work (the records'
refresh) run as a commit would run it."""

import functools

import pytest

from tests.oai.helpers import Oai


@pytest.fixture
def oai(client):
    return Oai(client)


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """`with committing(): …` runs what the block left for after its commit, at its end."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def publish(make_resource, committing):
    """Create and publish a resource, its OAI-PMH record brought up to date."""

    def build(*args, **fields):
        fields.setdefault("files", ())
        with committing():
            return make_resource(*args, **fields)

    return build
