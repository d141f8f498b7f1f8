"""Curated collections: an editorial introduction and an ordered list of resources."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import page_cache
from core.i18n import is_english
from resources.admin_forms import CollectionPageForm
from resources.rules import REL_ELIGIBLE

from . import presenters
from .pages import IndexPage, ResourcePage
from .restrictions import view_restrictions


class CollectionIndexPage(IndexPage):
    """/collections/: the curated collections, featured first."""

    subpage_types = ["resources.CollectionPage"]
    interface_title = _("Collections")

    class Meta:
        verbose_name = _("collection index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["collections"] = list(
            CollectionPage.objects.live()
            .public()
            .child_of(self)
            .select_related("cover", "discipline")
            .order_by("-featured", "title")
        )
        return context


class CollectionPage(Page):
    """An editor's selection of resources around a theme, a course or a discipline."""

    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ol", "ul"])
    intro_en = RichTextField(
        _("introduction (English)"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    discipline = models.ForeignKey(
        "resources.Discipline",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collections",
        verbose_name=_("discipline"),
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    is_open = models.BooleanField(
        _("open collection (REL)"),
        default=True,
        help_text=_(
            "An open collection holds only free resources under an open licence (Creative "
            "Commons, CC0), and offers them all in one download."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover"),
        FieldPanel("discipline"),
        FieldPanel("featured"),
        FieldPanel("is_open"),
        InlinePanel("items", label=_("Resources"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("intro_en")],
            heading=_("English version (optional)"),
            classname="collapsed",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("title_en")]
    parent_page_types = ["resources.CollectionIndexPage"]
    subpage_types = []
    base_form_class = CollectionPageForm

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    @property
    def localized_title(self) -> str:
        english = is_english()
        return self.title_en if english and self.title_en else self.title

    @property
    def localized_intro(self):
        english = is_english()
        return self.intro_en if english and self.intro_en else self.intro

    def get_view_restrictions(self):
        return view_restrictions(self)  # one query instead of Wagtail's two

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only what every visitor may open: a resource behind a view restriction (log-in,
        # password, groups) is not listed, not even its title.
        visible = ResourcePage.objects.live().public()
        if self.is_open:
            # A resource that became paid or closed after it was added is not shown as open.
            visible = visible.filter(REL_ELIGIBLE)
        visible = visible.values("pk")
        items = list(
            self.items.filter(resource__in=visible)
            .select_related("resource")
            .order_by("sort_order", "pk")
        )
        cards = presenters.present("cards", [item.resource for item in items], request)
        context["entries"] = [
            {"card": card, "note": item.note} for item, card in zip(items, cards, strict=True)
        ]
        return context

    def serve(self, request, *args, **kwargs):
        # Anonymous visitors may get it from the page cache: its items and their cards follow
        # the catalogue's version (resources/signals.py), but for download counts (≤ its TTL).
        return page_cache.cacheable(super().serve(request, *args, **kwargs))


class CollectionItem(Orderable):
    """A resource in a collection, with the editor's optional note."""

    page = ParentalKey(CollectionPage, related_name="items", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="collection_items",
        verbose_name=_("resource"),
    )
    note = models.CharField(_("editor's note"), max_length=300, blank=True)

    panels = [FieldPanel("resource"), FieldPanel("note")]
