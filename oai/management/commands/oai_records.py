"""manage.py oai_records: check every OAI-PMH record against the catalogue and fix it."""

from django.core.management.base import BaseCommand

from oai import records


class Command(BaseCommand):
    help = (
        "Bring the OAI-PMH repository's records up to date with the catalogue: a record for "
        "every resource ever published, tombstones for those withdrawn. Idempotent."
    )

    def handle(self, *args, **options):
        report = records.rebuild()
        self.stdout.write(
            f"OAI-PMH records: {report.created} created, {report.updated} updated, "
            f"{report.deleted} marked deleted, {report.unchanged} unchanged."
        )
