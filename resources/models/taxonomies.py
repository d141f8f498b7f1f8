"""Taxonomies editors manage as snippets: disciplines, levels, resource types, competency
dimensions. Each has French and English names and a `verified` flag (seed data not yet checked
against the official list stays visible as unverified)."""

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
        """The name in the interface language."""
        return self.name_en if is_english() else self.name_fr


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
