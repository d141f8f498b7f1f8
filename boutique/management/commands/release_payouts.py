"""Hourly (cron): send every pending payout whose seller can receive it. The net under failed
transfers: their task retries them already (boutique/tasks.py), this catches the rest (the
immediate task backend, a retry given up). Each payout is transferred once: its row lock and
status here, its idempotency key (`payout-<id>`) at Stripe."""

from django.core.management.base import BaseCommand

from boutique.payouts import release_all


class Command(BaseCommand):
    help = "Transfer the pending payouts of sellers whose Stripe account can receive them."

    def handle(self, *args, **options):
        sent = release_all()
        self.stdout.write(f"{sent} payout(s) transferred.")
