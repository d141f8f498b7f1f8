"""Editorial pages: the home page and standard pages (about, licence guide, privacy, terms)."""

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import page_cache
from core.i18n import is_english

from .blocks import BodyBlock


@dataclass(frozen=True)
class LocalizedContent:
    """What a template shows of a page in the interface language, and the language it is in."""

    title: str
    intro: str
    body: Any
    lang: str


class BilingualPage(Page):
    """A page written in French, with optional English text shown on the /en/ interface.

    Page content is the same in both interfaces (/fr/… and /en/…); an English version of the text
    is a courtesy an editor may add. Without it, English visitors read the French text, marked
    lang="fr".
    """

    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("body (English)"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
            heading=_("English version (optional)"),
            classname="collapsed",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("title_en"),
        index.SearchField("intro_en"),
    ]

    class Meta:
        abstract = True

    @property
    def localized(self) -> LocalizedContent:
        """The English text on the English interface when an editor wrote one, else the French."""
        if is_english() and self.title_en:
            return LocalizedContent(self.title_en, self.intro_en, self.body_en, "en")
        return LocalizedContent(self.title, self.intro, self.body, "fr")


class HomePage(BilingualPage):
    """The site's root page: search box, disciplines, featured collections, new resources."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "resources.ResourceIndexPage",
        "resources.CollectionIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from resources.home import home_sections
        from resources.personal import personal_home

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(request))
        # Signed in: their disciplines and the authors they follow first (never cached: it is
        # theirs); anonymous visitors get the shared page only.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            context["personal"] = personal_home(user, request)
        return context

    def serve(self, request, *args, **kwargs):
        # Anonymous visitors may get it from the page cache: its sections follow the catalogue's
        # version, its own text any publication (home/signals.py).
        return page_cache.cacheable(super().serve(request, *args, **kwargs))


class StandardPage(BilingualPage):
    """An editorial page: about, licence guide, privacy policy, terms of use."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    """The pages the footer links to on every page; editors choose them."""

    about_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("about page"),
    )
    licence_guide_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("licence guide"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy policy"),
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("terms of use"),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # Quebec's Law 25: the person in charge of the protection of personal information (by
    # default the highest authority of the organisation) is named, with a way to reach them, on
    # the site. The footer shows these on every page.
    privacy_officer_name = models.CharField(_("privacy officer's name"), max_length=120, blank=True)
    privacy_officer_title = models.CharField(
        _("privacy officer's title"),
        max_length=120,
        blank=True,
        help_text=_("Their role at APOP, for example: Executive director."),
    )
    privacy_officer_email = models.EmailField(_("privacy officer's e-mail"), blank=True)

    panels = [
        PageChooserPanel("about_page"),
        PageChooserPanel("licence_guide_page"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("terms_page"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_officer_name"),
                FieldPanel("privacy_officer_title"),
                FieldPanel("privacy_officer_email"),
            ],
            heading=_("Person in charge of the protection of personal information"),
            help_text=_("Required by Quebec's Law 25; shown in the footer of every page."),
        ),
    ]

    class Meta:
        verbose_name = _("site links")

    LINK_FIELDS = ("about_page", "licence_guide_page", "privacy_page", "terms_page")
    PRIVACY_OFFICER_FIELDS = (
        "privacy_officer_name",
        "privacy_officer_title",
        "privacy_officer_email",
    )
