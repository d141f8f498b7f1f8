"""The boutique's one signal receiver: a visitor's cart follows them when they log in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import cart


@receiver(user_logged_in, dispatch_uid="boutique_merge_session_cart")
def merge_cart_at_login(sender, request, user, **kwargs):
    # Some logins have no request (scripts, tests): nothing in a session to merge then.
    if request is not None and hasattr(request, "session"):
        cart.merge_session_cart(request, user)
