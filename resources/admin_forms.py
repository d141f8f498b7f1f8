"""The admin's form for a resource's files.

A draft revision of a published resource can hold files that have no database row yet (a member
added them through the submission form; the live page keeps its own until approval). Django's
formset rebuilds such an entry empty when the editor saves or approves from the edit view, and a
browser never re-sends a stored file. So each entry carries its stored name, signed so that the
form cannot be pointed at another object of the private storage."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel

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
