"""The data migration from the academic year of FCP membership to the membership period."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0005_institution_period_and_representatives")]
AFTER = [("accounts", "0006_institution_period_from_fcp_year")]


@pytest.mark.django_db(transaction=True)
def test_the_academic_year_becomes_august_to_june():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("accounts")
    executor.migrate(BEFORE)
    try:
        old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        Institution = old.get_model("accounts", "Institution")
        Institution.objects.create(name="Membre", fcp_member=True, fcp_member_year=2026)
        Institution.objects.create(name="Ancien membre", fcp_member=False, fcp_member_year=2024)
        Institution.objects.create(name="Sans année", fcp_member=True)

        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        periods = {
            i.name: (i.member_from, i.member_until)
            for i in new.get_model("accounts", "Institution").objects.all()
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)

    assert periods == {
        "Membre": (datetime.date(2026, 8, 1), datetime.date(2027, 6, 30)),
        "Ancien membre": (None, None),
        "Sans année": (None, None),
    }
