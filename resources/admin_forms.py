"""The admin's forms of a resource: its files, and its prices in dollars.

A draft revision of a published resource can hold files that have no database row yet (a member
added them through the submission form; the live page keeps its own until approval). Django's
formset rebuilds such an entry empty when the editor saves or approves from the edit view, and a
browser never re-sends a stored file. So each entry carries its stored name, signed so that the
form cannot be pointed at another object of the private storage."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

from core.money import MoneyField
from resources.rules import rel_refusals

SALT = "resources.ResourceFile.file"


class ResourceFileForm(WagtailAdminModelForm):
    stored_file = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = False  # enforced in clean(): the upload or the kept name
        if self.instance.file:
            self.initial["stored_file"] = signing.dumps(self.instance.file.name, salt=SALT)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        if not cleaned.get("file"):
            kept = self._kept_name(cleaned.get("stored_file"))
            if kept:
                cleaned["file"] = kept
            elif not self.errors.get("file"):
                self.add_error("file", ValidationError(_("Choose a file."), code="required"))
        return cleaned

    @staticmethod
    def _kept_name(token):
        if not token:
            return None
        try:
            return signing.loads(token, salt=SALT)
        except signing.BadSignature:
            return None


class ResourceFilesPanel(InlinePanel):
    """The files InlinePanel, with the form above for each entry."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ResourceFileForm
        return options


class ResourcePageForm(WagtailAdminPageForm):
    """The admin's resource form: prices typed in dollars (« 12,50 »), kept in cents — the rule
    of core/money.py, the same as the member's submission form."""

    price_cents = MoneyField(
        label=_("Price in dollars"),
        required=False,
        help_text=_("For example 12.50. Leave empty or write 0 for a free resource."),
    )
    member_price_cents = MoneyField(
        label=_("Price for APOP members (optional)"),
        required=False,
        empty_value=None,
        negative_message=_("The member price cannot be negative."),
        help_text=_("Lower than the price. Leave empty for the same price."),
    )
    institution_price_cents = MoneyField(
        label=_("Price of an institution licence (optional)"),
        required=False,
        empty_value=None,
        negative_message=_("The institution licence price cannot be negative."),
        help_text=_(
            "Every teacher of an institution downloads the resource for a year. "
            "Leave empty for 5 × the price; write 0 not to offer it."
        ),
    )


class CollectionPageForm(WagtailAdminPageForm):
    """An open (REL) collection refuses, next to the resource and at the top of the form, any
    resource that is sold or whose licence is not open (resources/rules.py)."""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_open"):
            return cleaned
        refused = []
        for form in self.formsets["items"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            resource = form.cleaned_data.get("resource")
            reasons = rel_refusals(resource) if resource is not None else []
            for reason in reasons:
                form.add_error("resource", reason)
            refused.extend(reasons)
        if refused:
            self.add_error(
                None,
                ValidationError(
                    [
                        _(
                            "An open (REL) collection holds only free resources under an open licence."
                        ),
                        *refused,
                    ],
                    code="not_open",
                ),
            )
        return cleaned
