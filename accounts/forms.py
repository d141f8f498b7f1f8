"""Account forms: the fields we add to allauth's sign-up form (display name and the two separate
consents that Quebec's Law 25 asks for), and how they are recorded on the user.

allauth imports this module while it builds its own forms (ACCOUNT_SIGNUP_FORM_CLASS), so nothing
here may import allauth's forms; our versions of those live in accounts/auth_forms.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n import normalise_language


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth's sign-up form derives from this class. The adapter's
    `save_user` records them (see `record_signup_choices`)."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=120,
        required=False,
        help_text=_("Shown on your author page and your resources instead of your e-mail."),
    )
    # Two separate, explicit consents, both unticked: the terms are required to open an account;
    # the newsletter never is.
    terms = forms.BooleanField(
        label=_("I accept the terms of use and the privacy policy."),
        required=True,
        error_messages={
            "required": _("Accept the terms of use and the privacy policy to create an account.")
        },
    )
    newsletter = forms.BooleanField(
        label=_("I want to receive the newsletter."),
        required=False,
        help_text=_("Optional. You can unsubscribe at any time."),
    )

    field_order = ["email", "display_name", "password1", "password2", "terms", "newsletter"]

    def signup(self, request, user):
        """allauth's hook once the user is saved: nothing left to do, the adapter's `save_user`
        already recorded our fields before the first save."""


def record_signup_choices(user, data, *, language, now):
    """Copy the sign-up choices onto an unsaved user: display name, the date the terms were
    accepted, the newsletter date only when asked for, and the interface language."""
    user.display_name = (data.get("display_name") or "").strip()
    if data.get("terms"):
        user.terms_accepted_at = now
    user.newsletter_opt_in_at = now if data.get("newsletter") else None
    user.language = normalise_language(language)
