"""manage.py search_index --rebuild | --check | --catch-up"""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.connection import SearchUnavailable, get_engine


class Command(BaseCommand):
    help = (
        "Rebuild the search index (new index, atomic alias swap), check it against the "
        "catalogue, or send what an engine outage left behind."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--rebuild", action="store_true", help="Build a new index and swap the alias."
        )
        group.add_argument(
            "--check", action="store_true", help="Report documents missing or stale."
        )
        group.add_argument(
            "--catch-up",
            action="store_true",
            help="Send the resources the engine has not got in their latest version.",
        )

    def handle(self, *args, rebuild, check, catch_up, **options):
        try:
            if rebuild:
                self._rebuild()
            elif check:
                self._check()
            else:
                sent = indexing.catch_up()
                self.stdout.write(f"{sent} documents sent.")
        except SearchUnavailable as error:
            raise CommandError(f"The search engine does not answer: {error}") from error

    def _rebuild(self):
        report = indexing.rebuild()
        if get_engine() is None:
            self.stdout.write(
                f"No search engine configured: the database search text of {report.documents} "
                f"resources was rebuilt in {report.seconds:.1f} s."
            )
            return
        self.stdout.write(
            f"Index {report.index}: {report.documents} resources in {report.seconds:.1f} s "
            f"({report.per_second:.0f} documents/s); alias swapped in {report.swap_ms:.0f} ms"
            + (f"; removed {', '.join(report.removed_indices)}" if report.removed_indices else "")
            + "."
        )

    def _check(self):
        report = indexing.check()
        self.stdout.write(
            f"{report.expected} published resources; missing {len(report.missing)}, "
            f"stale {len(report.stale)}, extra {report.extra}."
        )
        for label, ids in (("missing", report.missing), ("stale", report.stale)):
            if ids:
                self.stdout.write(f"  {label}: {', '.join(map(str, ids[:50]))}")
        if not report.ok:
            raise CommandError("The search index is out of date: run search_index --rebuild.")
