"""The benchmark settings' middleware: the SQL queries and the server's time of each answer."""

import re

import pytest
from django.test import override_settings

from benchmarks import settings as bench_settings


@pytest.mark.django_db
def test_each_answer_says_its_queries_and_server_time(client, django_assert_num_queries):
    with override_settings(MIDDLEWARE=bench_settings.MIDDLEWARE):
        client.get("/api/v1/disciplines")  # fills the taxonomies' cache
        response = client.get("/api/v1/disciplines")
        with django_assert_num_queries(int(response["X-Queries"])):
            client.get("/api/v1/disciplines")

    assert response.status_code == 200
    assert re.fullmatch(r"app;dur=\d+\.\d\d", response["Server-Timing"])
