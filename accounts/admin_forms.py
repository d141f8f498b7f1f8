"""The institution's admin form. Its local representatives are named by their e-mail address
(never picked from a list of every account), and each must have a confirmed address in one of the
institution's domains — the domains of the form being saved, so that staff may add a domain and
its representative at once."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel

from .domains import confirmed_in_domains


class UserByEmailField(forms.EmailField):
    """An account named by one of its e-mail addresses (its login or a confirmed one)."""

    def prepare_value(self, value):
        if isinstance(value, int):
            user = get_user_model().objects.filter(pk=value).first()
            return user.email if user is not None else ""
        return getattr(value, "email", value)

    def clean(self, value):
        address = super().clean(value)
        if not address:
            return None
        from allauth.account.models import EmailAddress

        User = get_user_model()
        user = User.objects.filter(email__iexact=address, is_active=True).first()
        if user is None:
            confirmed = (
                EmailAddress.objects.filter(
                    email__iexact=address, verified=True, user__is_active=True
                )
                .select_related("user")
                .first()
            )
            user = confirmed.user if confirmed is not None else None
        if user is None:
            raise ValidationError(_("No active account has this e-mail address."), code="unknown")
        return user


class RepresentativeForm(WagtailAdminModelForm):
    user = UserByEmailField(
        label=_("E-mail address of the representative"),
        help_text=_("The address of their account on this site."),
    )


class RepresentativesPanel(InlinePanel):
    """The representatives InlinePanel, with RepresentativeForm for each entry."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = RepresentativeForm
        return options


def _kept(formset) -> list:
    """The valid, not deleted forms of an inline formset."""
    return [
        form
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class InstitutionAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        domains = [
            form.cleaned_data["domain"]
            for form in _kept(self.formsets["domains"])
            if form.cleaned_data.get("domain")
        ]
        for form in _kept(self.formsets["representatives"]):
            user = form.cleaned_data.get("user")
            if user is None or confirmed_in_domains(user, domains):
                continue
            form.add_error(
                "user",
                ValidationError(
                    _(
                        "%(person)s has no confirmed e-mail address in this institution's "
                        "domains (%(domains)s): only its staff may be its local representatives."
                    ),
                    code="not_staff",
                    params={
                        "person": user.email,
                        "domains": ", ".join(domains) or "—",
                    },
                ),
            )
        return cleaned
