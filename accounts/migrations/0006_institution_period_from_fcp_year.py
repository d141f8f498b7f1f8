"""The FCP membership of an institution was an academic year (fcp_member, fcp_member_year); it is
now a period: August 1 of that year to June 30 of the next (the FCP year)."""

import datetime

from django.db import migrations


def year_to_period(apps, schema_editor):
    Institution = apps.get_model("accounts", "Institution")
    for institution in Institution.objects.filter(
        fcp_member=True, fcp_member_year__isnull=False, member_from__isnull=True
    ):
        year = institution.fcp_member_year
        institution.member_from = datetime.date(year, 8, 1)
        institution.member_until = datetime.date(year + 1, 6, 30)
        institution.save(update_fields=["member_from", "member_until"])


def period_to_year(apps, schema_editor):
    Institution = apps.get_model("accounts", "Institution")
    for institution in Institution.objects.filter(member_from__isnull=False):
        start = institution.member_from
        institution.fcp_member = True
        institution.fcp_member_year = start.year if start.month >= 7 else start.year - 1
        institution.save(update_fields=["fcp_member", "fcp_member_year"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_institution_period_and_representatives"),
    ]

    operations = [
        migrations.RunPython(year_to_period, period_to_year),
    ]
