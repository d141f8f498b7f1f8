"""Signed unsubscribe links: the link in each digest withdraws the consent without logging in
(the signature is the authority, so it is never guessable), and stays valid: an old digest's link
must still work."""

from django.contrib.auth import get_user_model
from django.core import signing

SALT = "newsletter.unsubscribe"


def token_for(user) -> str:
    return signing.dumps(user.pk, salt=SALT)


def user_for(token: str):
    """The user a token names, or None for a forged, altered or stale (deleted account) one."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def withdraw(user) -> bool:
    """Withdraw the newsletter consent; whether it was given."""
    return bool(
        get_user_model()
        .objects.filter(pk=user.pk, newsletter_opt_in_at__isnull=False)
        .update(newsletter_opt_in_at=None)
    )
