"""What the public API tells about the catalogue: a resource, the disciplines, a collection, as
plain JSON-ready data in the shapes of schemas.py. Only what every visitor may see: live pages
outside any view restriction; of files, their name, type and size, never where they are stored.

Each answer costs a fixed number of queries whatever the number of authors, terms, files,
adaptations or collection entries (taxonomy names come from the cached taxonomies)."""

from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html

from members.profiles import published_resources
from resources import attribution, detail, licences
from resources.listing import taxonomy_terms
from resources.models import CollectionPage, ResourcePage
from resources.taxonomies import all_terms


class NotFound(LookupError):
    """Nothing public answers to this id or slug."""


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _term(term) -> dict:
    return {"code": term.code, "name": term.name}


def _licence(licence_id: str, request, lang: str) -> dict:
    licence = licences.get_licence(licence_id)
    return {
        "id": licence.spdx_id,
        "short_name": licence.short(lang),
        "name": licence.name(lang),
        # Our own licence of use lives at a page of this site: give its full address.
        "url": request.build_absolute_uri(licence.deed_url(lang)),
        "legal_code_url": request.build_absolute_uri(licence.legal_code_url(lang)),
        "open": licence.is_open,
        "commercial_use": licence.commercial_use,
        "derivatives": licence.derivatives,
        "share_alike": licence.share_alike,
    }


def _page_url(page, request) -> str:
    return request.build_absolute_uri(page.get_url(request=request))


def _attribution(page, request, names: tuple[str, ...]) -> dict:
    """The credit line of the resource page, in French and in English (each naming the page's
    address in its language)."""
    texts = {}
    for lang in ("fr", "en"):
        with translation.override(lang):
            work = detail.work_for(page, request, names=names)
        texts[lang] = attribution.attribution_text(work, lang)
    return texts


def _source(page, request, lang: str) -> dict | None:
    if page.adapted_from_page_id:
        parent = published_resources().filter(pk=page.adapted_from_page_id).first()
        if parent is None:  # unpublished or restricted since: named by the attribution only
            return None
        authors = [user.get_full_name() for user in parent.authors.all().order_by("pk")]
        return {
            "id": parent.pk,
            "title": parent.title,
            "author": attribution.join_names(authors + parent.co_author_names, lang),
            "url": _page_url(parent, request),
            "licence": parent.licence,
        }
    if page.source_title:
        return {
            "id": None,
            "title": page.source_title,
            "author": page.source_author,
            "url": page.source_url,
            "licence": page.source_licence or None,
        }
    return None


def resource_record(resource_id: int, request, lang: str) -> dict:
    """Every public metadata field of one resource; NotFound when it is not public."""
    with translation.override(lang):
        page = published_resources().filter(pk=resource_id).first()
        if page is None:
            raise NotFound(resource_id)
        terms = taxonomy_terms([page.pk])[page.pk]
        users = list(page.authors.all().order_by("pk"))
        names = tuple(user.get_full_name() for user in users)
        authors = [
            {
                "name": user.get_full_name(),
                "url": request.build_absolute_uri(reverse("authors:detail", args=[user.slug]))
                if detail.has_public_page(user)
                else None,
            }
            for user in users
        ] + [{"name": name, "url": None} for name in page.co_author_names]
        adaptations = (
            published_resources()
            .filter(adapted_from_page=page)
            .only("id", "title", "url_path", "path", "depth")
            .order_by("title", "pk")
        )
        files = page.files.all().order_by("sort_order", "pk")
        return {
            "id": page.pk,
            "url": _page_url(page, request),
            "title": page.title,
            "summary": page.summary,
            "description": expand_db_html(page.description),
            "language": page.language,
            "authors": authors,
            "disciplines": [_term(term) for term in terms["discipline"]],
            "levels": [_term(term) for term in terms["level"]],
            "types": [_term(term) for term in terms["type"]],
            "dimensions": [_term(term) for term in terms["dimension"]],
            "tags": sorted(tag.name for tag in page.tags.all()),
            "licence": _licence(page.licence, request, lang),
            "attribution": _attribution(page, request, names),
            "lineage": {
                "adapted_from": _source(page, request, lang),
                "adaptations": [
                    {"id": p.pk, "title": p.title, "url": _page_url(p, request)}
                    for p in adaptations
                ],
            },
            "price": page.price_cents,
            "member_price": page.member_price_cents,
            "currency": page.currency,
            "duration_minutes": page.duration_minutes,
            "pedagogical_notes": page.pedagogical_notes,
            "validated": page.is_validated,
            "rating": {"average": page.rating_average, "count": page.rating_count},
            "downloads": page.download_count,
            # Name, type and size only: the storage key is never part of an answer.
            "files": [
                {"name": name, "content_type": content_type, "size": size}
                for name, content_type, size in files.values_list(
                    "display_name", "content_type", "size"
                )
            ],
            "published": _iso(page.first_published_at),
            "updated": _iso(page.last_published_at),
        }


def discipline_records(request, lang: str) -> list[dict]:
    """Every discipline by code, with its number of public resources (one grouped query)."""
    through = ResourcePage.disciplines.through
    counts = dict(
        through.objects.filter(resourcepage_id__in=published_resources().values("pk"))
        .values_list("discipline_id")
        .annotate(count=Count("resourcepage_id", distinct=True))
        .values_list("discipline_id", "count")
    )
    with translation.override(lang):
        terms = sorted(all_terms()["discipline"].values(), key=lambda term: term.code)
        return [
            {
                "code": term.code,
                "name": term.name,
                "name_fr": term.name_fr,
                "name_en": term.name_en,
                "verified": term.verified,
                "resource_count": counts.get(term.id, 0),
                "url": request.build_absolute_uri(reverse("discipline_detail", args=[term.code])),
            }
            for term in terms
        ]


def collection_record(slug: str, request, lang: str) -> dict:
    """A public collection and its public resources in the editor's order; NotFound else."""
    with translation.override(lang):
        collection = CollectionPage.objects.live().public().filter(slug=slug).order_by("pk").first()
        if collection is None:
            raise NotFound(slug)
        items = list(
            collection.items.filter(resource__in=published_resources().values("pk"))
            .select_related("resource")
            .order_by("sort_order", "pk")
        )
        discipline = all_terms()["discipline"].get(collection.discipline_id)
        return {
            "slug": collection.slug,
            "url": _page_url(collection, request),
            "title": collection.localized_title,
            "intro": expand_db_html(collection.localized_intro),
            "discipline": _term(discipline) if discipline else None,
            "featured": collection.featured,
            "updated": _iso(collection.last_published_at),
            "resources": [
                {
                    "id": item.resource.pk,
                    "url": _page_url(item.resource, request),
                    "title": item.resource.title,
                    "summary": item.resource.summary,
                    "licence": item.resource.licence,
                    "price": item.resource.price_cents,
                    "note": item.note,
                }
                for item in items
            ],
        }
