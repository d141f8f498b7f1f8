"""Forms of the catalogue's public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RatingForm(forms.Form):
    """1 to 5 stars and an optional comment."""

    score = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, n) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose from 1 to 5 stars."),
            "invalid_choice": _("Choose from 1 to 5 stars."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
