"""Forms of the submission steps. Each step's form reads its initial values from the draft
(`initial_for`) and writes the cleaned ones back onto it (`apply`); resources/submission.py saves
the revision. Messages are lazy English msgids, translated by the catalogue."""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.money import format_price, parse_optional_price, parse_price_cents
from resources import adaptations, licences, uploads
from resources.models import (
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    ResourcePage,
    ResourceType,
)
from resources.rules import adaptation_source, course_errors, resource_errors
from submissions.text import html_to_text, text_to_html

MAX_TAGS = 20
MAX_FILES_PER_UPLOAD = 10


class StepForm(forms.Form):
    """A step: values from the draft, values onto the draft."""

    def __init__(self, *args, draft=None, **kwargs):
        self.draft = draft
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_for(cls, draft, lang="fr") -> dict:
        raise NotImplementedError

    def apply(self, draft) -> None:
        raise NotImplementedError


# --- 1. Description -------------------------------------------------------------------------


class DescriptionForm(StepForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        error_messages={"required": _("Give the resource a title.")},
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences shown in listings, 500 characters at most."),
        error_messages={"required": _("Write a short summary.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What the resource contains and how to use it in class. "
            "Leave a blank line between paragraphs."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the resource"), choices=ResourcePage.Language.choices
    )
    co_authors = forms.CharField(
        label=_("Other authors (optional)"),
        required=False,
        max_length=500,
        help_text=_("People without an account here, separated by semicolons."),
    )

    @classmethod
    def initial_for(cls, draft, lang="fr") -> dict:
        return {
            "title": draft.title,
            "summary": draft.summary,
            "description": html_to_text(draft.description),
            "language": draft.language,
            "co_authors": draft.co_authors,
        }

    def values(self) -> dict:
        """The page fields of a new resource."""
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "summary": data["summary"].strip(),
            "description": text_to_html(data["description"]),
            "language": data["language"],
            "co_authors": data["co_authors"].strip(),
        }

    def apply(self, draft) -> None:
        values = self.values()
        # An editor's formatting (lists, links) survives as long as the text is left alone.
        if self.cleaned_data["description"].strip() == html_to_text(draft.description):
            values["description"] = draft.description
        for name, value in values.items():
            setattr(draft, name, value)


# --- 2. Classification ----------------------------------------------------------------------


class ClassificationForm(StepForm):
    disciplines = forms.ModelMultipleChoiceField(
        label=_("Disciplines"),
        queryset=Discipline.objects.order_by("family", "code"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every discipline the resource is meant for."),
        error_messages={"required": _("Choose at least one discipline.")},
    )
    courses = forms.ModelMultipleChoiceField(
        label=_("Courses (optional)"),
        queryset=Course.objects.select_related("discipline").order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "The college courses the resource serves, by number (201-NYA-05), in the "
            "disciplines chosen above."
        ),
    )
    levels = forms.ModelMultipleChoiceField(
        label=_("Levels"),
        queryset=EducationLevel.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    types = forms.ModelMultipleChoiceField(
        label=_("Types of resource"),
        queryset=ResourceType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dimensions = forms.ModelMultipleChoiceField(
        label=_("Dimensions of the digital competency framework"),
        queryset=DigitalCompetencyDimension.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tags = forms.CharField(
        label=_("Keywords (optional)"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas, for example: limits, continuity, exercises."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Estimated duration in minutes (optional)"),
        required=False,
        min_value=1,
        max_value=100000,
    )
    pedagogical_notes = forms.CharField(
        label=_("Pedagogical notes (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Prerequisites, how you use it, what students find hard."),
    )

    @classmethod
    def initial_for(cls, draft, lang="fr") -> dict:
        return {
            "disciplines": [term.pk for term in draft.disciplines.all()],
            "courses": [term.pk for term in draft.courses.all()],
            "levels": [term.pk for term in draft.levels.all()],
            "types": [term.pk for term in draft.types.all()],
            "dimensions": [term.pk for term in draft.dimensions.all()],
            "tags": ", ".join(tag.name for tag in draft.tags.all()),
            "duration_minutes": draft.duration_minutes,
            "pedagogical_notes": draft.pedagogical_notes,
        }

    def clean_tags(self) -> list[str]:
        names, seen = [], set()
        for raw in re.split(r"[,;\n]", self.cleaned_data["tags"]):
            name = " ".join(raw.split())
            if name and name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
        errors = []  # both at once
        if any(len(name) > 100 for name in names):
            errors.append(ValidationError(_("A keyword has 100 characters at most.")))
        if len(names) > MAX_TAGS:
            errors.append(
                ValidationError(format_lazy(_("Give {count} keywords at most."), count=MAX_TAGS))
            )
        if errors:
            raise ValidationError(errors)
        return names

    def clean(self):
        data = super().clean()
        if data.get("disciplines") is not None:
            for message in course_errors(data.get("courses") or [], data["disciplines"]):
                self.add_error("courses", message)
        return data

    def apply(self, draft) -> None:
        data = self.cleaned_data
        draft.disciplines = list(data["disciplines"])
        draft.courses = list(data["courses"])
        draft.levels = list(data["levels"])
        draft.types = list(data["types"])
        draft.dimensions = list(data["dimensions"])
        draft.tags.set(data["tags"])
        draft.duration_minutes = data["duration_minutes"]
        draft.pedagogical_notes = data["pedagogical_notes"].strip()


# --- 3. Files and previews ------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class FilesForm(StepForm):
    files = MultipleFileField(
        label=_("Add files"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": uploads.accept_attribute()}),
        help_text=format_lazy(
            "{} {}", uploads.upload_help_text(), _("You can choose several files at once.")
        ),
    )
    preview = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": uploads.IMAGE_ACCEPT}),
        help_text=_("A page or a screenshot of the resource: PNG, JPEG, GIF or WebP."),
    )
    preview_alt = forms.CharField(
        label=_("Text alternative of the preview"),
        required=False,
        max_length=255,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    @classmethod
    def initial_for(cls, draft, lang="fr") -> dict:
        return {}

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES_PER_UPLOAD:
            raise ValidationError(
                format_lazy(_("Add {count} files at most at a time."), count=MAX_FILES_PER_UPLOAD)
            )
        return files

    def clean(self):
        data = super().clean()
        if data.get("preview") and not (data.get("preview_alt") or "").strip():
            self.add_error(
                "preview_alt", _("Describe the preview image for people who cannot see it.")
            )
        elif (
            (data.get("preview_alt") or "").strip()
            and not data.get("preview")
            and ("preview" not in self.errors)
        ):
            self.add_error("preview", _("Choose the image this text alternative describes."))
        return data

    def apply(self, draft) -> None:
        """Uploads are stored by the service (submissions.attachments.add_files / add_preview)."""


# --- 4. Licence and price -------------------------------------------------------------------

# resource_errors() names page fields; the form names some of them differently.
_FORM_FIELDS = {
    "price_cents": "price",
    "member_price_cents": "member_price",
    "institution_price_cents": "institution_price",
    "adapted_from_page": "adapted_from_url",
}


# The draft's attribute each field of the licence step sets.
_DRAFT_ATTRIBUTES = {
    "licence": "licence",
    "price": "price_cents",
    "member_price": "member_price_cents",
    "institution_price": "institution_price_cents",
    "adapted_from_url": "adapted_from_page",
    "source_title": "source_title",
    "source_author": "source_author",
    "source_url": "source_url",
    "source_licence": "source_licence",
}
_STRIPPED = {"source_title", "source_author"}
# The form fields each rule reads: a rule waits while one of them has its own error.
_RULE_INPUTS = {
    "price_cents": {"price", "licence", "adapted_from_url", "source_licence"},
    "member_price_cents": {"price", "member_price"},
    "institution_price_cents": {"price", "institution_price"},
    "licence": {"licence", "adapted_from_url", "source_licence"},
    "adapted_from_page": {"adapted_from_url"},
    "source_title": {"adapted_from_url", "source_title"},
    "source_licence": {"source_title", "source_licence"},
}


def form_field_for(page_field: str) -> str:
    return _FORM_FIELDS.get(page_field, page_field)


class LicenceForm(StepForm):
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=licences.LICENCE_FIELD_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a licence.")},
    )
    price = forms.CharField(
        label=_("Price in dollars"),
        required=False,
        max_length=20,
        help_text=_("For example 12.50. Leave empty or write 0 for a free resource."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    member_price = forms.CharField(
        label=_("Price for APOP members (optional)"),
        required=False,
        max_length=20,
        help_text=_("Lower than the price. Leave empty for the same price."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    institution_price = forms.CharField(
        label=_("Price of an institution licence (optional)"),
        required=False,
        max_length=20,
        help_text=_(
            "Every teacher of an institution downloads the resource for a year. "
            "Leave empty for 5 × the price; write 0 not to offer it."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    adapted_from_url = forms.CharField(
        label=_("Address of the resource on this site"),
        required=False,
        max_length=500,
        help_text=_("Copy the address of its page, for example …/ressources/limites/."),
    )
    source_title = forms.CharField(label=_("Title of the source"), required=False, max_length=255)
    source_author = forms.CharField(label=_("Author of the source"), required=False, max_length=255)
    source_url = forms.URLField(
        label=_("Address of the source"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    source_licence = forms.ChoiceField(
        label=_("Licence of the source"),
        required=False,
        choices=[("", _("— Choose —")), *licences.LICENCE_FIELD_CHOICES],
    )

    @classmethod
    def initial_for(cls, draft, lang="fr") -> dict:
        source = draft.adapted_from_page
        licence = draft.licence
        terms = adaptation_terms_of(draft)
        if terms is not None and licence not in terms.allowed_ids and terms.allowed:
            # The source came after the licence (or the button set it): start from a licence
            # it allows rather than from one the member could not keep.
            licence = terms.default_licence().id
        return {
            "licence": licence,
            "price": format_price(draft.price_cents, lang) if draft.price_cents else "",
            "member_price": format_price(draft.member_price_cents, lang),
            "institution_price": format_price(draft.institution_price_cents, lang),
            "adapted_from_url": source.url if source is not None else "",
            "source_title": draft.source_title,
            "source_author": draft.source_author,
            "source_url": draft.source_url,
            "source_licence": draft.source_licence,
        }

    def clean_price(self) -> int:
        return parse_price_cents(self.cleaned_data["price"])

    def clean_member_price(self) -> int | None:
        return parse_optional_price(
            self.cleaned_data["member_price"], _("The member price cannot be negative.")
        )

    def clean_institution_price(self) -> int | None:
        return parse_optional_price(
            self.cleaned_data["institution_price"],
            _("The institution licence price cannot be negative."),
        )

    def clean_adapted_from_url(self):
        text = self.cleaned_data["adapted_from_url"].strip()
        if not text:
            return None
        segments = [s for s in urlsplit(text).path.split("/") if s]
        slug = segments[-1] if segments else ""
        source = ResourcePage.objects.live().filter(slug=slug).first() if slug else None
        if source is None:
            raise ValidationError(_("No published resource of this site has this address."))
        return source

    def clean(self):
        data = super().clean()
        if self.draft is None:
            return data
        # The licence and money rules, on the draft with the new values (it is saved only when
        # the form is valid). They are checked even when a field has an error of its own, so
        # that the member reads every problem of the step at once; a field in error keeps the
        # draft's value, and the rules that read it wait until it is readable.
        self._set(self.draft, data)
        in_error = set(self.errors)
        for page_field, messages in resource_errors(self.draft).items():
            if _RULE_INPUTS.get(page_field, set()) & in_error:
                continue
            name = form_field_for(page_field)
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
        return data

    @staticmethod
    def _set(draft, data) -> None:
        """The form's values onto the draft: those it has (a field in error has none)."""
        for name, attribute in _DRAFT_ATTRIBUTES.items():
            if name in data:
                value = data[name]
                setattr(draft, attribute, value.strip() if name in _STRIPPED else value)

    def apply(self, draft) -> None:
        self._set(draft, self.cleaned_data)

    def adaptation_terms(self):
        """What the source leaves the member (None for an original work), from the draft as
        this form left it: the saved source, or the one just typed."""
        if not hasattr(self, "_terms"):
            self._terms = adaptation_terms_of(self.draft) if self.draft is not None else None
        return self._terms

    @property
    def price_allowed(self) -> bool:
        terms = self.adaptation_terms()
        # A source that allows no adaptation at all leaves the fields as they are: the licence's
        # error says what is wrong.
        return terms is None or not terms.allowed or terms.may_be_sold

    def licence_options(self):
        """(radio, licence) pairs for the template, to show each licence's plain summary: only
        the licences the source allows, when the resource adapts one. The field itself keeps
        every licence, so that a forbidden one posted anyway gets the rule's reason."""
        terms = self.adaptation_terms()
        field = self.fields["licence"]
        if terms is not None and terms.limits_licences:
            # Before the radios are first rendered (the bound field keeps them): numbered from
            # _0, as the error summary's link expects.
            field.widget.choices = [c for c in field.choices if c[0] in terms.allowed_ids]
        return [(radio, licences.get_licence(radio.data["value"])) for radio in self["licence"]]


def adaptation_terms_of(draft):
    """The licences and prices the draft's source allows (None for an original work)."""
    source_licence, same_holder = adaptation_source(draft)
    if source_licence is None:
        return None
    return adaptations.adaptation_terms(source_licence, same_rights_holder=same_holder)
