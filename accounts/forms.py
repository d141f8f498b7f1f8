"""Account forms."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra sign-up fields (allauth's ACCOUNT_SIGNUP_FORM_CLASS). Placeholder: being written."""

    display_name = forms.CharField(label=_("Display name"), max_length=120, required=False)

    def signup(self, request, user):
        user.display_name = self.cleaned_data.get("display_name", "")
        user.save()
