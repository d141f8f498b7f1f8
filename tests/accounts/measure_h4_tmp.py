import pytest
from django.test import Client
from django.db import connection
from django.test.utils import CaptureQueriesContext
from resources.detail import bump_catalogue_version

from tests.resources.conftest import catalogue, make_member, make_resource  # noqa
pytestmark = pytest.mark.django_db

def test_measure(make_resource, make_member):
    marie = make_member("Marie Tremblay")
    make_resource("Petite", slug="petite", authors=[marie, make_member("Jean")], co_authors="X Y")
    Client().get("/fr/ressources/petite/")
    bump_catalogue_version()
    out = []
    for c in (Client(), Client()):
        with CaptureQueriesContext(connection) as q:
            r = c.get("/fr/ressources/petite/")
        out.append(len(q))
    c = Client(); c.force_login(marie); c.get("/fr/ressources/petite/")
    with CaptureQueriesContext(connection) as q:
        c.get("/fr/ressources/petite/")
    out.append(len(q))
    print("COUNTS", out)
