"""`manage.py back_up --to DIRECTORY`: the database (pg_dump) and the list of the buckets'
object versions, side by side (files/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from files import backups


class Command(BaseCommand):
    help = "Back up the database and note the version of every file in the buckets."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, type=Path, help="a directory")

    def handle(self, *args, to, **options):
        try:
            dump, manifest = backups.back_up(to)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{dump}\n{manifest}")
