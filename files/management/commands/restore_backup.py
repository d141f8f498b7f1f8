"""`manage.py restore_backup DIRECTORY/apop-<time>.dump`: the database replaced by the dump's (one
transaction), then the buckets' files as they were (files/backups.py). Stop the web and task
processes first: nothing may write while the database is replaced."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from files import backups


class Command(BaseCommand):
    help = "Restore a backup of back_up: the database, then the files."

    def add_arguments(self, parser):
        parser.add_argument("dump", type=Path)
        parser.add_argument(
            "--database-url", help="restore into this database instead of the settings' one"
        )
        parser.add_argument("--files-only", action="store_true")
        parser.add_argument("--dry-run", action="store_true", help="files: say what would change")

    def handle(self, *args, dump, database_url, files_only, dry_run, **options):
        manifest = backups.manifest_of(dump)
        for path in (dump, manifest):
            if not path.is_file():
                raise CommandError(f"missing: {path}")
        try:
            if not (files_only or dry_run):
                backups.restore_database(dump, database_url)
                self.stdout.write(f"database restored from {dump.name}")
            for bucket, counts in backups.restore_files(manifest, dry_run=dry_run).items():
                self.stdout.write(
                    f"{bucket}: {'would restore' if dry_run else 'restored'} {counts.restored}, "
                    f"removed {counts.removed}, unchanged {counts.unchanged}"
                )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
