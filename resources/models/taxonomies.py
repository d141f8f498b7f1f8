"""Taxonomies editors manage as snippets: disciplines, courses, levels, resource types,
competency dimensions. Each has French and English names and a `verified` flag (seed data not yet checked
against the official list stays visible as unverified)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.i18n import is_english


class TaxonomyTerm(index.Indexed, models.Model):
    """A term with a French and an English name."""

    name_fr = models.CharField(_("name (French)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_("Checked against an official source. Unchecked terms await an editor."),
    )

    search_fields = [
        index.SearchField("name_fr"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_fr"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the interface language (the French one when no English one was given)."""
        return (self.name_en or self.name_fr) if is_english() else self.name_fr


class Discipline(TaxonomyTerm):
    """A Quebec college discipline; its official three-digit code is its key in URLs and facets."""

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[
            RegexValidator(
                r"^[0-9]{3}$", _("A discipline code has exactly three digits, for example 420.")
            )
        ],
    )
    family = models.CharField(_("family"), max_length=100, blank=True)

    search_fields = [*TaxonomyTerm.search_fields, index.SearchField("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")

    def __str__(self):
        return f"{self.code} {self.name}"


class EducationLevel(TaxonomyTerm):
    """An ordre d'enseignement (preschool … university)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("education level")
        verbose_name_plural = _("education levels")


class ResourceType(TaxonomyTerm):
    """What kind of material a resource is (course notes, lab, rubric…)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")


class DigitalCompetencyDimension(TaxonomyTerm):
    """One of the 12 dimensions of the digital competency framework (MEES, 2019)."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("digital competency dimension")
        verbose_name_plural = _("digital competency dimensions")

    def __str__(self):
        return f"{self.number}. {self.name}"


# A college course number: the discipline's three digits, three letters or digits, two more
# (« 201-NYA-05 », « 601-101-MQ », a college's own « 420-W57-SF »). People type it with or without
# hyphens or spaces, in any case.
COURSE_NUMBER_RE = re.compile(r"^\s*([0-9]{3})[\s-]*([A-Za-z0-9]{3})[\s-]*([A-Za-z0-9]{2})\s*$")


def normalise_course_number(text: str) -> str | None:
    """« 202nya05 », « 202 NYA 05 » → « 202-NYA-05 »; None when `text` is not a course number."""
    match = COURSE_NUMBER_RE.match(text or "")
    if match is None:
        return None
    return "-".join(part.upper() for part in match.groups())


def compact_course_number(number: str) -> str:
    """« 202-NYA-05 » → « 202NYA05 », the form the search indexes beside the hyphenated one."""
    return number.replace("-", "").upper()


class Course(TaxonomyTerm):
    """A college course by its number, in one discipline. Most program courses are local to a
    college: editors add them (the seed list holds the common ones)."""

    number = models.CharField(
        _("course number"),
        max_length=16,  # 10 once stored; room for what people type (« 201 - NYA - 05 »)
        unique=True,
        help_text=_("For example 201-NYA-05; typed with or without hyphens."),
    )
    name_fr = models.CharField(_("title (French)"), max_length=255)
    name_en = models.CharField(
        _("title (English)"),
        max_length=255,
        blank=True,
        help_text=_("Shown to English visitors; the French title otherwise."),
    )
    discipline = models.ForeignKey(
        Discipline,
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("discipline"),
    )

    search_fields = [*TaxonomyTerm.search_fields, index.SearchField("number")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return f"{self.number} {self.name}"

    def clean_fields(self, exclude=None):
        # The hyphenated form first, so that the field's own checks judge what will be stored.
        self.number = normalise_course_number(self.number) or (self.number or "").strip()
        super().clean_fields(exclude=exclude)

    def clean(self):
        super().clean()
        number = normalise_course_number(self.number)
        if number is None:
            raise ValidationError(
                {
                    "number": _(
                        "A course number has three digits, three letters or digits and two "
                        "more, for example 201-NYA-05."
                    )
                }
            )
        self.number = number
        if self.discipline_id and not number.startswith(self.discipline.code):
            raise ValidationError(
                {
                    "discipline": _(
                        "The course number starts with its discipline's code: %(code)s is not "
                        "the start of %(number)s."
                    )
                    % {"code": self.discipline.code, "number": number}
                }
            )

    def save(self, *args, **kwargs):
        self.number = normalise_course_number(self.number) or self.number.strip().upper()
        super().save(*args, **kwargs)
