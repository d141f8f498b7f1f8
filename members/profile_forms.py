"""The member's profile form (/compte/profil/). Saving is members.profiles.save_profile."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User
from resources.models import Discipline
from resources.uploads import check_image

MAX_LINKS = 5
PHOTO_TYPES = "image/png,image/jpeg,image/gif,image/webp"


class DisciplineChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} · {obj.name}"


class ProfileForm(forms.ModelForm):
    """Public profile and preferences. The slug (the author page's address) is not here: it
    stays stable so that links to the page keep working."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=120,
        help_text=_("Shown on your author page and your resources. Your e-mail is never shown."),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("PNG, JPEG, GIF or WebP. Shown on your author page."),
        widget=forms.FileInput(attrs={"accept": PHOTO_TYPES}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    disciplines = DisciplineChoiceField(
        label=_("Disciplines"),
        queryset=Discipline.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            "Up to 5 web addresses, one per line, starting with https:// "
            "(your website, ORCID, LinkedIn…)."
        ),
    )
    newsletter = forms.BooleanField(
        label=_("Send me the APOP newsletter"),
        required=False,
        help_text=_("New resources and news, about once a month. Untick to unsubscribe."),
    )

    class Meta:
        model = User
        fields = ["display_name", "bio", "bio_en", "disciplines", "links", "language"]
        labels = {
            "bio": _("Biography"),
            "bio_en": _("Biography in English (optional)"),
            "language": _("Language of our e-mails"),
        }
        help_texts = {
            "bio": _("A few lines about your teaching, shown on your author page."),
            "bio_en": _("Shown instead of the biography to visitors of the English site."),
            "language": "",
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "bio_en": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter"].initial = self.instance.newsletter_opt_in_at is not None
        self._describe_fields()

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self):
        """Help and error texts are read with their field: the ids are those of
        components/field.html (and of the profile template for check boxes)."""
        errors = self._errors or {}
        for name, form_field in self.fields.items():
            described = [f"id_{name}_helptext"] if form_field.help_text else []
            if name in errors:
                described.append(f"id_{name}_error")
                form_field.widget.attrs["aria-invalid"] = "true"
            if described:
                form_field.widget.attrs["aria-describedby"] = " ".join(described)

    def clean_photo(self):
        uploaded = self.cleaned_data.get("photo")
        if uploaded:
            # Judged by its content before anything is stored (resources/uploads.py).
            check_image(uploaded)
        return uploaded

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(
                ngettext(
                    "Give at most %(max)d link.",
                    "Give at most %(max)d links.",
                    MAX_LINKS,
                )
                % {"max": MAX_LINKS},
                code="too_many_links",
            )
        check = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(lines, start=1):
            try:
                check(line)
            except ValidationError:
                raise ValidationError(
                    _(
                        "Line %(number)d is not a web address starting with https:// "
                        "or http://: %(value)s"
                    ),
                    code="invalid_link",
                    params={"number": number, "value": line},
                ) from None
        return "\n".join(lines)
