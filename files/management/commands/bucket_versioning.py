"""`manage.py bucket_versioning [--enable]`: whether the S3 buckets keep earlier versions of
their objects, which the restore procedure needs (files/backups.py); `--enable` turns it on."""

from django.core.management.base import BaseCommand, CommandError

from files import backups


class Command(BaseCommand):
    help = "Show (or --enable) the versioning of the S3 buckets."

    def add_arguments(self, parser):
        parser.add_argument("--enable", action="store_true")

    def handle(self, *args, enable, **options):
        missing = []
        for alias in backups.BUCKET_STORAGES:
            try:
                client, bucket = backups.bucket_of(alias)
            except backups.BackupError as error:
                raise CommandError(str(error)) from error
            if enable:
                backups.enable_versioning(client, bucket)
            status = backups.versioning_status(client, bucket) or "off"
            self.stdout.write(f"{bucket}: versioning {status}")
            if status != "Enabled":
                missing.append(bucket)
        if missing:
            raise CommandError(f"versioning is not on for: {', '.join(missing)} (use --enable)")
