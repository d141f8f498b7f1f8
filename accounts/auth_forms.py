"""allauth's forms in our words (ACCOUNT_FORMS): labels that say « courriel » in French and read
as sentences in English, no placeholders repeating the labels. Behaviour stays allauth's.

Apart from accounts/forms.py on purpose: allauth imports that module while it defines the forms
imported here (ACCOUNT_SIGNUP_FORM_CLASS), so importing them there would be circular."""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

EMAIL = _("E-mail address")
PASSWORD = _("Password")
NEW_PASSWORD = _("New password")
PASSWORD_AGAIN = _("Password (again)")
NEW_PASSWORD_AGAIN = _("New password (again)")


class OurWords:
    """Relabel allauth's fields (`labels`, by field name) and drop its placeholders."""

    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]


class LoginForm(OurWords, allauth_forms.LoginForm):
    labels = {"login": EMAIL, "password": PASSWORD, "remember": _("Remember me")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page shows its own "Forgot your password?" link, after the field.
        self.fields["password"].help_text = ""


class SignupForm(OurWords, allauth_forms.SignupForm):
    labels = {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD_AGAIN}


class ResetPasswordForm(OurWords, allauth_forms.ResetPasswordForm):
    labels = {"email": EMAIL}


class ResetPasswordKeyForm(OurWords, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD_AGAIN}


class ChangePasswordForm(OurWords, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD_AGAIN,
    }


class SetPasswordForm(OurWords, allauth_forms.SetPasswordForm):
    labels = {"password1": PASSWORD, "password2": PASSWORD_AGAIN}


class AddEmailForm(OurWords, allauth_forms.AddEmailForm):
    labels = {"email": _("New e-mail address")}


class ReauthenticateForm(OurWords, allauth_forms.ReauthenticateForm):
    labels = {"password": PASSWORD}
