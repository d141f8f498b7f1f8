"""`manage.py send_digest`: the bi-weekly digest (newsletter/digest.py), run every second week
(cron, README). Sends the edition due — scheduled by editors, or a new one without text when none
went out for two weeks — in batches through the task worker; a second run the same day sends
nothing. `--retry-failed` sends again the last edition's failed deliveries."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter import digest
from newsletter.models import Edition
from newsletter.tasks import send_digest_batch


class Command(BaseCommand):
    help = "Send the newsletter edition that is due, in batches."

    def add_arguments(self, parser):
        parser.add_argument("--retry-failed", action="store_true")

    def handle(self, *args, retry_failed, **options):
        if retry_failed:
            edition = (
                Edition.objects.filter(started_at__isnull=False).order_by("-started_at").first()
            )
            batches = [digest.retry_failed(edition)] if edition else []
        else:
            edition = digest.due_edition(timezone.localdate())
            batches = digest.start(edition) if edition else []
        if edition is None:
            self.stdout.write("No edition is due.")
            return
        for user_ids in batches:
            if user_ids:
                send_digest_batch.enqueue(edition.pk, user_ids)
        recipients = sum(len(ids) for ids in batches)
        self.stdout.write(
            f"{edition.title}: {recipients} recipients in {len([b for b in batches if b])} batches."
        )
