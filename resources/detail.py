"""Everything a resource page shows, in a fixed number of queries.

The parts that change only when the catalogue changes (terms, files, previews, authors, lineage,
related resources, attribution, JSON-LD) are cached under a key that includes the catalogue's
version, bumped whenever a resource is published, unpublished, moved or deleted
(resources/signals.py); reviews and the visitor's own rating are read on every view."""

import json
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from accounts import roles
from core import page_cache
from core.i18n import current_language

from . import adaptations, attribution, authorship, licences
from .listing import Preview, previews_for, resource_cards, taxonomy_terms
from .models import Package, Rating, ResourcePage

CACHE_SECONDS = 60 * 60
VERSION_KEY = "catalogue:version"
# Anonymous visitors' cached pages (core/page_cache.py) follow the catalogue too.
page_cache.depend_on(VERSION_KEY)
RELATED_COUNT = 4
PREVIEW_RENDITION = "max-960x1200"


@dataclass
class FileEntry:
    id: int
    name: str
    size: int
    extension: str
    content_type: str


@dataclass
class Link:
    title: str
    url: str


@dataclass
class AuthorName:
    """An author as the page names them; `slug` of their author page, empty when they have none."""

    name: str
    slug: str


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_catalogue_version() -> None:
    """Forget every cached resource page (after a change anywhere in the catalogue)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def resource_page_context(page: ResourcePage, request) -> dict:
    lang = current_language()
    if getattr(request, "is_preview", False):
        # A preview shows an unreviewed draft: it must never read the live page's cached part,
        # nor leave the draft where anonymous visitors would be served it.
        static = _static_context(page, request, lang)
    else:
        key = f"resource-page:{page.pk}:{catalogue_version()}:{lang}"
        static = cache.get(key)
        if static is None:
            static = _static_context(page, request, lang)
            cache.set(key, static, CACHE_SECONDS)
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    # One query for the visible reviews and the visitor's own rating (hidden or without comment).
    shown = Q(hidden=False) & ~Q(comment="")
    ratings = list(
        Rating.objects.filter(Q(resource=page) & (shown | Q(user=user) if signed_in else shown))
        .select_related("user")
        .order_by("-updated_at")[:21]
    )
    own_rating = next((r for r in ratings if signed_in and r.user_id == user.pk), None)
    reviews = [r for r in ratings if not r.hidden and r.comment][:20]
    can_rate = signed_in and user.pk not in static["author_ids"]
    # « Adapter cette ressource »: for visitors (the submission asks them to log in) and for
    # those who may submit, when the licence allows adaptations.
    adapt_offered = adaptations.allows_adaptation(page.licence_info) and (
        not signed_in or roles.may_submit(user)
    )
    return {
        **static,
        "reviews": reviews,
        "own_rating": own_rating,
        "can_rate": can_rate,
        "adapt_offered": adapt_offered,
    }


def _static_context(page: ResourcePage, request, lang: str) -> dict:
    terms = taxonomy_terms([page.pk])[page.pk]
    files = [
        FileEntry(f.pk, f.display_name, f.size, f.extension, f.content_type)
        for f in page.files.all().order_by("sort_order", "pk")
    ]
    previews: list[Preview] = previews_for([page.pk], PREVIEW_RENDITION, first_only=False).get(
        page.pk, []
    )
    package = (
        Package.objects.filter(resource=page).exclude(file="").values("size", "sha256").first()
    )
    tags = sorted(tag.name for tag in page.tags.all())
    author_users = list(page.authors.all().order_by("pk"))
    authors = [user.get_full_name() for user in author_users]
    lineage = list(
        ResourcePage.objects.live()
        .public()
        .filter(adapted_from_page=page)
        .only("id", "title", "url_path", "path", "depth")
        .order_by("title")
    )
    adaptations = [Link(p.title, p.get_url(request=request)) for p in lineage]
    source = None
    if page.adapted_from_page_id:
        parent = ResourcePage.objects.live().filter(pk=page.adapted_from_page_id).first()
        if parent is not None:
            source = Link(parent.title, parent.get_url(request=request))
    work = work_for(page, request, names=tuple(authors))
    # The index page's title is French content; the interface names it in the visitor's language.
    breadcrumb = [
        Link(
            gettext("Resources") if ancestor.depth == page.depth - 1 else ancestor.title,
            ancestor.get_url(request=request),
        )
        for ancestor in page.get_ancestors()
        .filter(depth__gt=1)
        .only("id", "title", "url_path", "path", "depth")
    ]
    related = _related(page, terms["discipline"], request)
    return {
        "breadcrumb": breadcrumb,
        "terms": terms,
        "files": files,
        "total_size": sum(f.size for f in files),
        "package": package,
        "previews": previews,
        "tags": tags,
        "author_names": authors + page.co_author_names,
        # Members are linked to their author page; co-authors without an account are not.
        "author_entries": [
            AuthorName(user.get_full_name(), user.slug if has_public_page(user) else "")
            for user in author_users
        ]
        + [AuthorName(name, "") for name in page.co_author_names],
        # Who counts as an author (authorship.py): may not rate, already has the resource.
        "author_ids": sorted(authorship.author_ids(page, author_users)),
        # Whether the page lists authors (the seller is the rights holder: licences.can_sell).
        "has_listed_authors": bool(author_users),
        "source_link": source,
        "adaptations": adaptations,
        "attribution_text": attribution.attribution_text(work, lang),
        "attribution_html": attribution.attribution_html(work, lang),
        "related": related,
        "json_ld": _json_ld(
            page,
            terms,
            authors + page.co_author_names,
            source,
            request,
            credit=attribution.attribution_text(work, lang),
        ),
    }


def has_public_page(user) -> bool:
    # An author of a published resource has an author page unless the account is closed.
    return bool(user.slug and user.is_active and user.deleted_at is None)


def work_for(
    page: ResourcePage, request=None, depth: int = 0, names: tuple[str, ...] | None = None
) -> "attribution.Work":
    """The page as an attribution Work, with its adaptation chain (internal or external)."""
    source = None
    if page.adapted_from_page_id and depth < 10:
        parent = ResourcePage.objects.filter(pk=page.adapted_from_page_id).first()
        if parent is not None:
            source = work_for(parent, request, depth + 1)
    elif page.source_title:
        source = attribution.Work(
            title=page.source_title,
            authors=(page.source_author,) if page.source_author else (),
            url=page.source_url,
            licence_id=page.source_licence or licences.DEFAULT_LICENCE_ID,
        )
    if names is None:
        names = tuple(user.get_full_name() for user in page.authors.all().order_by("pk"))
    return attribution.Work(
        title=page.title,
        authors=names + tuple(page.co_author_names),
        url=page.get_full_url(request=request) or "",
        licence_id=page.licence,
        adapted_from=source,
    )


def _related(page: ResourcePage, disciplines, request):
    if not disciplines:
        return []
    candidates = (
        ResourcePage.objects.live()
        .public()
        .filter(disciplines__in=[term.id for term in disciplines])
        .exclude(pk=page.pk)
        .distinct()
        .order_by("-first_published_at", "-pk")[:RELATED_COUNT]
    )
    return resource_cards(candidates, request, with_previews=False)


def _absolute(url: str, request) -> str:
    """Our own licence lives at a path of this site; harvesters need the full address."""
    return request.build_absolute_uri(url) if url.startswith("/") and request else url


def _json_ld(page, terms, authors, source, request, credit: str = "") -> str:
    """schema.org LearningResource, for search engines and harvesters."""
    licence = page.licence_info
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "description": page.summary,
        "inLanguage": page.language,
        "url": page.get_full_url(request=request),
        "license": _absolute(
            licence.deed_url("en") if licence.is_open else licence.legal_url, request
        ),
        "educationalLevel": [term.name_fr for term in terms["level"]],
        "learningResourceType": [term.name_fr for term in terms["type"]],
        "about": [
            {"@type": "DefinedTerm", "termCode": term.code, "name": term.name_fr}
            for term in terms["discipline"]
        ],
        "teaches": [term.name_fr for term in terms["dimension"]],
        "author": [{"@type": "Person", "name": name} for name in authors],
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "isAccessibleForFree": page.price_cents == 0,
        # The TASL attribution, as schema.org's CreativeWork.creditText.
        "creditText": credit,
        "offers": {
            "@type": "Offer",
            "price": f"{page.price_cents // 100}.{page.price_cents % 100:02d}",
            "priceCurrency": page.currency,
        },
    }
    if source is not None:
        data["isBasedOn"] = {"@type": "LearningResource", "name": source.title, "url": source.url}
    elif page.source_title:
        data["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": page.source_title,
            "url": page.source_url,
        }
    if page.rating_count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": page.rating_average,
            "ratingCount": page.rating_count,
            "bestRating": 5,
            "worstRating": 1,
        }
    text = json.dumps({k: v for k, v in data.items() if v not in (None, [])}, ensure_ascii=False)
    # Same escaping as Django's json_script: the JSON cannot close the <script> element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 — escaped just above
