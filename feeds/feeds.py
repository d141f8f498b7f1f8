"""The Atom feeds (README, Interoperability): /<lang>/flux/ressources.xml (the whole catalogue),
disciplines/<code>.xml, auteurs/<slug>.xml and collections/<slug>.xml. Each answers 404 exactly
when the matching page does; each lists the 50 most recently updated public resources of its
scope, newest update first, in a fixed number of queries (entries.py)."""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from core.i18n import current_language
from members.profiles import author_by_slug
from resources.models import CollectionPage, ResourceIndexPage
from resources.taxonomies import disciplines_by_code

from .atom import ResourceAtomFeed
from .entries import Entry, feed_entries

SITE_NAME = "APOP boutique"


@dataclass
class Scope:
    """One feed's request: its titles, the page it stands for, and which resources it lists.
    (A Feed instance serves every request: what is per request lives here.)"""

    request: object
    title: str
    subtitle: str
    link: str
    condition: Q = field(default_factory=Q)


class ResourceFeed(Feed):
    feed_type = ResourceAtomFeed
    author_name = SITE_NAME

    def scope(self, request, **kwargs) -> Scope:
        raise NotImplementedError

    def get_object(self, request, *args, **kwargs) -> Scope:
        return self.scope(request, **kwargs)

    def title(self, scope: Scope) -> str:
        return scope.title

    def subtitle(self, scope: Scope) -> str:
        return scope.subtitle

    description = subtitle

    def link(self, scope: Scope) -> str:
        return scope.link

    def feed_extra_kwargs(self, scope: Scope) -> dict:
        scheme = scope.request.build_absolute_uri(reverse("resources:discipline_index"))
        return {"category_scheme": scheme}

    def items(self, scope: Scope) -> list[Entry]:
        return feed_entries(scope.request, scope.condition)

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_link(self, entry: Entry) -> str:
        return entry.url

    def item_pubdate(self, entry: Entry):
        return entry.published

    def item_updateddate(self, entry: Entry):
        return entry.updated

    def item_copyright(self, entry: Entry) -> str:
        return entry.licence.short(current_language())

    def item_extra_kwargs(self, entry: Entry) -> dict:
        return {"entry": entry}


class CatalogueFeed(ResourceFeed):
    """/<lang>/flux/ressources.xml: the newest resources of the whole catalogue."""

    def scope(self, request, **kwargs) -> Scope:
        index = ResourceIndexPage.objects.live().first()
        return Scope(
            request,
            _("New resources · %(site)s") % {"site": SITE_NAME},
            _("Teaching resources for Quebec colleges, newest update first."),
            index.get_url(request=request) if index else reverse("wagtail_serve", args=[""]),
        )


class DisciplineFeed(ResourceFeed):
    """/<lang>/flux/disciplines/<code>.xml: 404 for a code no discipline has, like its page."""

    def scope(self, request, code: str = "", **kwargs) -> Scope:
        discipline = disciplines_by_code().get(code)
        if discipline is None:
            raise Http404(_("No discipline has this code."))
        return Scope(
            request,
            _("%(code)s %(name)s · %(site)s")
            % {"code": discipline.code, "name": discipline.name, "site": SITE_NAME},
            _("New resources in %(name)s, newest update first.") % {"name": discipline.name},
            reverse("discipline_detail", args=[discipline.code]),
            Q(disciplines=discipline.id),
        )


class AuthorFeed(ResourceFeed):
    """/<lang>/flux/auteurs/<slug>.xml: 404 exactly when the author page is (members.profiles:
    private teachers, closed or inactive accounts, unknown addresses)."""

    def scope(self, request, slug: str = "", **kwargs) -> Scope:
        author = author_by_slug(slug)
        name = author.get_full_name()
        return Scope(
            request,
            _("Resources by %(name)s · %(site)s") % {"name": name, "site": SITE_NAME},
            _("New resources by %(name)s, newest update first.") % {"name": name},
            reverse("authors:detail", args=[author.slug]),
            Q(authors=author),
        )


class CollectionFeed(ResourceFeed):
    """/<lang>/flux/collections/<slug>.xml: a public collection's resources; 404 else."""

    def scope(self, request, slug: str = "", **kwargs) -> Scope:
        collection = CollectionPage.objects.live().public().filter(slug=slug).order_by("pk").first()
        if collection is None:
            raise Http404
        title = collection.localized_title
        return Scope(
            request,
            _("%(title)s · %(site)s") % {"title": title, "site": SITE_NAME},
            _("Resources of the collection “%(title)s”, newest update first.") % {"title": title},
            collection.get_url(request=request),
            Q(pk__in=collection.items.values("resource_id")),
        )
