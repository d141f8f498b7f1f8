"""`manage.py send_institution_statements`: on the first day of each month (the scheduler,
README), the past month's statement of every member institution, e-mailed to its local
representatives. Idempotent: a statement is computed once per institution and month, and sent
once per representative; a second run sends nothing."""

from django.core.management.base import BaseCommand, CommandError

from institutions import statements
from institutions.sending import send_month


class Command(BaseCommand):
    help = "Send the past month's statement to the representatives of the member institutions."

    def add_arguments(self, parser):
        parser.add_argument(
            "--month",
            help="The month to send (YYYY-MM), to catch up; the past month by default.",
        )

    def handle(self, *args, month=None, **options):
        try:
            first_day = statements.parse_month(month) if month else statements.previous_month()
        except ValueError as error:
            raise CommandError(f"--month: {error}") from error
        if not statements.is_over(first_day):
            # Its figures would still change: a statement is only made of a finished month.
            raise CommandError(f"--month: {first_day:%Y-%m} is not over yet.")
        result = send_month(first_day)
        self.stdout.write(
            f"{first_day:%Y-%m}: {result.statements} statement(s), "
            f"{result.messages} message(s) sent."
        )
