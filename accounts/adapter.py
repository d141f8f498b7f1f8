"""How allauth talks to people here: e-mails in the recipient's language (plain text and HTML,
sent after commit), our wording for its error messages, the sign-up choices recorded before the
account is first saved, and where people land after logging in or out."""

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language, language_of

from .forms import record_signup_choices


def account_for(email: str):
    """The account that uses `email`, if any."""
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email).first()


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter for APOP boutique (ACCOUNT_ADAPTER)."""

    # Our wording where allauth's would say « e-mail » in French, or would hint at whether an
    # account exists. The log-in failure reads the same for a wrong password, an unknown address
    # and a closed account; the lock-out message stays allauth's (already in French).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "This e-mail address and password do not match an active account."
        ),
        "duplicate_email": _("This is already the e-mail address of your account."),
        "email_taken": _("This e-mail address cannot be used."),
        "unknown_email": _("This e-mail address cannot be used."),
        "cannot_remove_primary_email": _("Your account needs an e-mail address."),
        "unverified_primary_email": _("Confirm this e-mail address first."),
        "same_as_current": _("This is already the e-mail address of your account."),
        "rate_limited": _("Too many requests in a short time. Wait a minute, then try again."),
    }

    # --- Sign-up ---------------------------------------------------------------------------

    def save_user(self, request, user, form, commit=True):
        """allauth's fields, then ours (display name, consents, language) before the first save,
        so that the author-page address is made from the display name."""
        user = super().save_user(request, user, form, commit=False)
        record_signup_choices(
            user, form.cleaned_data, language=current_language(), now=timezone.now()
        )
        if commit:
            user.save()
        return user

    # --- Where people land -----------------------------------------------------------------

    def get_login_redirect_url(self, request):
        """The member's dashboard (a `next` address, when safe, wins: allauth checks it first)."""
        return reverse("accounts:dashboard")

    def get_logout_redirect_url(self, request):
        """The home page in the language the person was using."""
        return reverse("wagtail_serve", args=[""])

    # --- E-mails ---------------------------------------------------------------------------

    def format_email_subject(self, subject):
        """Subjects read "APOP boutique · <subject>" (ACCOUNT_EMAIL_SUBJECT_PREFIX), never with
        allauth's "[host] " prefix."""
        return f"{app_settings.EMAIL_SUBJECT_PREFIX or ''}{subject}"

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """Security notices (password or address changed) name their account, so that they are
        written in its language even when sent to an address it no longer uses."""
        super().send_notification_mail(
            template_prefix, user, {**(context or {}), "user": user}, email
        )

    def send_mail(self, template_prefix, email, context):
        """Render in the recipient's language, with links in that language, and send once the
        transaction that asked for it has committed (a rolled-back sign-up sends nothing)."""
        # `user` is always set: left out, the request's own user (a context processor) would
        # greet the recipient by someone else's name.
        user = context.get("user") or account_for(email)
        # The account's language when we know the account, else the request's.
        language = language_of(user, fallback=current_language())
        request = context.get("request") or self.request
        # Outside the override: translate_url resolves the address in the request's language.
        links = {
            key: translate_url(value, language)
            for key, value in context.items()
            if key.endswith("_url") and isinstance(value, str)
        }
        with translation.override(language):
            context = {
                **context,
                **links,
                "request": request,
                "email": email,
                "user": user,
                "language": language,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "site_url": self._absolute(reverse("wagtail_serve", args=[""])),
                "reset_password_url": self._absolute(reverse("account_reset_password")),
            }
            message = self.render_mail(template_prefix, email, context)
        transaction.on_commit(message.send)

    def _absolute(self, path: str) -> str:
        if self.request is not None:
            return self.request.build_absolute_uri(path)
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
