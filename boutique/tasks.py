"""Background work of the boutique (django-tasks)."""

from django_tasks import task

from . import membership


@task()
def send_membership_reminders() -> int:
    """The daily renewal reminders (same work as `manage.py send_membership_reminders`);
    returns how many were sent."""
    return membership.send_reminders()
