"""The resource pages: ResourceIndexPage (/ressources/) and ResourcePage, with their files,
previews and tags. Licence rules live in resources/licences.py; the page only asks them."""

import mimetypes
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import page_cache
from core.i18n import is_english
from resources import licences, uploads
from resources.admin_forms import ResourceFilesPanel, ResourcePageForm
from resources.admin_widgets import AuthorChooser
from resources.rules import resource_errors

from . import presenters
from .restrictions import view_restrictions
from .review_panel import ReviewSummaryPanel


def resource_file_key(instance, filename: str) -> str:
    """A storage key nobody can guess; the display name is kept apart for downloads. Its
    extension is the one of the type found in the content (or none), never a misleading one."""
    suffix = uploads.storage_extension(getattr(instance, "content_type", ""), filename)
    return f"resources/{secrets.token_urlsafe(24)}{suffix}"


class _CurrentPrivateStorage(Storage):
    """Whatever storages["private"] is now: S3 in production, a local folder by default, a
    temporary folder in tests (a storage bound once at import would ignore the latter)."""

    def __getattribute__(self, name):
        return getattr(storages["private"], name)


_PRIVATE_STORAGE = _CurrentPrivateStorage()


def private_storage():
    return _PRIVATE_STORAGE


class IndexPage(Page):
    """A listing page right under the home page, one of its kind, with a short introduction."""

    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("intro_en")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    # What the interface calls the page (its heading, the breadcrumb) in the visitor's language;
    # the page's title is the French one editors gave.
    interface_title = ""

    @property
    def localized_title(self) -> str:
        return str(self.interface_title) if is_english() and self.interface_title else self.title

    @property
    def localized_intro(self) -> tuple[str, str]:
        """(text, its language): the English introduction on /en/ when there is one."""
        if is_english() and self.intro_en:
            return self.intro_en, "en"
        return self.intro, "fr"

    def get_view_restrictions(self):
        return view_restrictions(self)  # one query instead of Wagtail's two


class ResourceIndexPage(IndexPage):
    """/ressources/: every published resource, newest first, with the search's facets."""

    subpage_types = ["resources.ResourcePage"]
    interface_title = _("Resources")

    class Meta:
        verbose_name = _("resource index")

    def route(self, request, path_components):
        # Every child is a ResourcePage: fetch it as such in one query instead of Wagtail's
        # generic child lookup followed by a second query for the specific page.
        if not path_components:
            return super().route(request, path_components)
        child = ResourcePage.objects.child_of(self).filter(slug=path_components[0]).first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if presenters.has("resource_search"):
            # The search app makes the index its search page: every facet and sort, newest
            # first by default (the index holds every published resource, all children here).
            context.update(presenters.present("resource_search", request))
            return context
        queryset = (
            ResourcePage.objects.live()
            .public()
            .child_of(self)
            .order_by("-first_published_at", "-pk")
        )
        context.update(presenters.present("resource_list", request, queryset))
        return context


class ResourceTag(TaggedItemBase):
    """A free keyword on a resource."""

    content_object = ParentalKey(
        "resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ResourcePage(Page):
    """A teaching resource: metadata, licence, price, private files and public previews."""

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences shown in listings.")
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="authored_resources",
        verbose_name=_("authors (members)"),
    )
    co_authors = models.CharField(
        _("other authors"),
        max_length=500,
        blank=True,
        help_text=_("People without an account, separated by semicolons."),
    )
    disciplines = ParentalManyToManyField(
        "resources.Discipline", related_name="resources", verbose_name=_("disciplines")
    )
    courses = ParentalManyToManyField(
        "resources.Course",
        blank=True,
        related_name="resources",
        verbose_name=_("courses"),
        help_text=_("The college courses the resource serves, by number (201-NYA-05)."),
    )
    levels = ParentalManyToManyField(
        "resources.EducationLevel", blank=True, related_name="resources", verbose_name=_("levels")
    )
    types = ParentalManyToManyField(
        "resources.ResourceType", blank=True, related_name="resources", verbose_name=_("types")
    )
    dimensions = ParentalManyToManyField(
        "resources.DigitalCompetencyDimension",
        blank=True,
        related_name="resources",
        verbose_name=_("digital competency dimensions"),
    )
    language = models.CharField(
        _("language of the resource"), max_length=2, choices=Language.choices, default="fr"
    )
    tags = ClusterTaggableManager(through=ResourceTag, blank=True, verbose_name=_("keywords"))
    licence = models.CharField(
        _("licence"),
        max_length=64,
        choices=licences.LICENCE_FIELD_CHOICES,
        default=licences.DEFAULT_LICENCE_ID,
    )

    adapted_from_page = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        verbose_name=_("adapted from (a resource here)"),
    )
    source_title = models.CharField(_("source title"), max_length=255, blank=True)
    source_author = models.CharField(_("source author"), max_length=255, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    source_licence = models.CharField(
        _("source licence"), max_length=64, choices=licences.LICENCE_FIELD_CHOICES, blank=True
    )

    price_cents = models.PositiveIntegerField(
        _("price (cents)"),
        default=0,
        validators=[MinValueValidator(0, _("The price cannot be negative."))],
        help_text=_("In cents of a Canadian dollar; 0 means free."),
    )
    member_price_cents = models.PositiveIntegerField(
        _("member price (cents)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("The member price cannot be negative."))],
        help_text=_("Optional lower price for APOP members and staff of member institutions."),
    )
    # The institution licence (« licence d'établissement »): every teacher of a college for a year
    # (resources/institution_offer.py). Empty: 5 × the price; 0: not offered.
    institution_price_cents = models.PositiveIntegerField(
        _("institution licence price (cents)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("The institution licence price cannot be negative."))],
        help_text=_(
            "Price of a licence for every teacher of an institution, for a year. "
            "Empty: 5 × the price; 0: not offered."
        ),
    )
    currency = models.CharField(max_length=3, default=settings.BOUTIQUE_CURRENCY, editable=False)

    duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), null=True, blank=True
    )
    pedagogical_notes = models.TextField(_("pedagogical notes"), blank=True)

    validated_at = models.DateTimeField(_("validated on"), null=True, blank=True, editable=False)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("validated by"),
    )
    # Counters kept on the page so that listings never count per result.
    rating_count = models.PositiveIntegerField(default=0, editable=False)
    rating_sum = models.PositiveIntegerField(default=0, editable=False)
    download_count = models.PositiveIntegerField(default=0, editable=False)

    # Fields that belong to the live row, not to a revision: publishing an older revision must not
    # undo an editor's validation or the counters.
    LIVE_ONLY_FIELDS = (
        "validated_at",
        "validated_by",
        "rating_count",
        "rating_sum",
        "download_count",
    )

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    content_panels = [
        # What the editors judge, at the top of the screen the review workflow opens.
        ReviewSummaryPanel(heading=_("Review summary")),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("authors", widget=AuthorChooser), FieldPanel("co_authors")],
            heading=_("Authors"),
        ),
        FieldPanel("language"),
        ResourceFilesPanel("files", label=_("Files"), min_num=1),
        InlinePanel("previews", label=_("Preview images")),
    ]
    classification_panels = [
        FieldPanel("disciplines"),
        FieldPanel("courses"),
        FieldPanel("levels"),
        FieldPanel("types"),
        FieldPanel("dimensions"),
        FieldPanel("tags"),
        FieldRowPanel([FieldPanel("duration_minutes")]),
        FieldPanel("pedagogical_notes"),
    ]
    licence_panels = [
        FieldPanel("licence"),
        FieldRowPanel([FieldPanel("price_cents"), FieldPanel("member_price_cents")]),
        FieldPanel("institution_price_cents"),
        MultiFieldPanel(
            [
                FieldPanel("adapted_from_page"),
                FieldPanel("source_title"),
                FieldPanel("source_author"),
                FieldPanel("source_url"),
                FieldPanel("source_licence"),
            ],
            heading=_("Adapted from"),
            help_text=_("Either a resource of this site or an external source."),
        ),
    ]
    base_form_class = ResourcePageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(licence_panels, heading=_("Licence and price")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("co_authors"),
        index.FilterField("language"),
        index.FilterField("licence"),
        index.FilterField("price_cents"),
        index.RelatedFields(
            "disciplines", [index.SearchField("name_fr"), index.FilterField("code")]
        ),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(member_price_cents__isnull=True)
                | models.Q(member_price_cents__lte=models.F("price_cents")),
                name="resources_member_price_not_above_price",
            ),
        ]

    # --- Template-facing properties (no queries beyond the page's own relations) -------------
    @property
    def licence_info(self) -> "licences.Licence":
        return licences.get_licence(self.licence)

    @property
    def is_free(self) -> bool:
        return self.price_cents == 0

    @property
    def rating_average(self) -> float | None:
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None

    @property
    def is_validated(self) -> bool:
        return self.validated_at is not None

    @property
    def has_external_source(self) -> bool:
        return bool(self.source_title)

    @cached_property
    def co_author_names(self) -> list[str]:
        return [name.strip() for name in self.co_authors.split(";") if name.strip()]

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in self.LIVE_ONLY_FIELDS:
            setattr(page, field, getattr(self, field))
        return page

    # --- Validation: the licence rules, with messages in the user's language ------------------
    def clean(self):
        super().clean()
        errors = resource_errors(self)
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(presenters.present("resource_page", self, request))
        return context

    def get_view_restrictions(self):
        return view_restrictions(self)  # one query instead of Wagtail's two

    def serve(self, request, *args, **kwargs):
        # Anonymous visitors may get it from the page cache: everything it shows follows the
        # catalogue's version (resources/signals.py), but for the download count (≤ its TTL).
        # Previews go through serve_preview, never here.
        return page_cache.cacheable(super().serve(request, *args, **kwargs))


class ResourceFile(Orderable):
    """A file of a resource, in the private storage: reachable only through the download view."""

    page = ParentalKey(ResourcePage, related_name="files", on_delete=models.CASCADE)
    file = models.FileField(
        _("file"),
        upload_to=resource_file_key,
        storage=private_storage,
        max_length=255,
        # Runs in the admin's form validation, before anything reaches the storage.
        validators=[uploads.validate_resource_file],
    )
    display_name = models.CharField(
        _("file name"), max_length=255, help_text=_("The name people see and download.")
    )
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    content_type = models.CharField(_("type"), max_length=100, blank=True, editable=False)
    # Counted once, from the content: None = not looked at yet (not a PDF, or saved before
    # pages were counted), 0 = a PDF whose pages cannot be counted.
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)

    panels = [FieldPanel("file"), FieldPanel("display_name")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        self.display_name = uploads.clean_display_name(self.display_name or self.file.name)
        detected = getattr(self.file, "detected_content_type", None)
        if detected:
            # The name people download under must not contradict the content either.
            self.display_name = uploads.name_with_extension(self.display_name, detected)

    def save(self, *args, **kwargs):
        self.display_name = uploads.clean_display_name(self.display_name or self.file.name)
        if self.file and not self.file._committed:  # a new or replaced file: size and type anew
            self.size = self.file.size
            self.content_type = getattr(
                self.file, "detected_content_type", ""
            ) or uploads.sniffed_type(self.file, self.display_name)
        elif self.file and not self.size:
            self.size = self.file.size
        if not self.content_type:
            guessed, _encoding = mimetypes.guess_type(self.display_name or self.file.name)
            self.content_type = guessed or "application/octet-stream"
        if self.content_type == uploads.PDF_TYPE and self.file:
            if not self.file._committed:
                self.page_count = uploads.pdf_page_count(self.file)
            elif self.page_count is None:
                self.page_count = uploads.stored_page_count(self.file)
        elif self.content_type != uploads.PDF_TYPE:
            self.page_count = None
        super().save(*args, **kwargs)

    @property
    def extension(self) -> str:
        return PurePosixPath(self.display_name).suffix.lstrip(".").upper()


class ResourcePreview(Orderable):
    """A public preview image of a resource (a page, a screenshot)."""

    page = ParentalKey(ResourcePage, related_name="previews", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("What the preview shows, for people who cannot see it."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("preview")
        verbose_name_plural = _("previews")
