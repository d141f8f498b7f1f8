"""How allauth talks to people here: e-mails in the recipient's language (plain text and HTML,
sent after commit), our wording for its error messages, the sign-up choices recorded before the
account is first saved, and where people land after logging in or out."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .forms import record_signup_choices

LANGUAGES = ("fr", "en")


def request_language() -> str:
    """The interface language of the current request ("fr" or "en"; French by default)."""
    code = (translation.get_language() or "fr")[:2]
    return code if code in LANGUAGES else "fr"


def email_language(email: str, user=None) -> str:
    """The language to write to `email` in: its account's preferred language when we know the
    account, else the language the request was made in."""
    if user is None and email:
        user = get_user_model().objects.filter(email__iexact=email).only("language").first()
    language = getattr(user, "language", "") or ""
    return language if language in LANGUAGES else request_language()


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter for APOP boutique (ACCOUNT_ADAPTER)."""

    # Our wording where allauth's would say « e-mail » in French, or would hint at whether an
    # account exists. The log-in failure reads the same for a wrong password, an unknown address
    # and a closed account.
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
        "too_many_login_attempts": _(
            "Too many failed log-in attempts. Wait a few minutes, then try again."
        ),
        "rate_limited": _("Too many requests in a short time. Wait a minute, then try again."),
    }

    # --- Sign-up ---------------------------------------------------------------------------

    def save_user(self, request, user, form, commit=True):
        """allauth's fields, then ours (display name, consents, language) before the first save,
        so that the author-page address is made from the display name."""
        user = super().save_user(request, user, form, commit=False)
        record_signup_choices(
            user, form.cleaned_data, language=request_language(), now=timezone.now()
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
        """"APOP boutique · <subject>" (ACCOUNT_EMAIL_SUBJECT_PREFIX), never "[host]"."""
        prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", None) or ""
        return f"{prefix}{subject}"

    def send_mail(self, template_prefix, email, context):
        """Render in the recipient's language, with links in that language, and send once the
        transaction that asked for it has committed (a rolled-back sign-up sends nothing)."""
        language = email_language(email, context.get("user"))
        with translation.override(language):
            context = {
                **context,
                **{
                    key: translate_url(value, language)
                    for key, value in context.items()
                    if key.endswith("_url") and isinstance(value, str)
                },
                "site_name": settings.WAGTAIL_SITE_NAME,
                "site_url": self._absolute(reverse("wagtail_serve", args=[""])),
                "language": language,
            }
            request = context.get("request") or self.request
            message = self.render_mail(
                template_prefix,
                email,
                {"request": request, "email": email, **context},
            )
        transaction.on_commit(message.send)

    def _absolute(self, path: str) -> str:
        request = self.request
        if request is not None:
            return request.build_absolute_uri(path)
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
