"""Daily: e-mail the members whose membership ends in BOUTIQUE_MEMBERSHIP_REMINDER_DAYS days."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from boutique.membership import send_reminders


class Command(BaseCommand):
    help = "Send the membership renewal reminders due today (run once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD), to catch up a missed day.",
        )

    def handle(self, *args, **options):
        on = None
        if options["date"]:
            try:
                on = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date: {error}") from error
        sent = send_reminders(on)
        self.stdout.write(f"{sent} membership reminder(s) sent.")
