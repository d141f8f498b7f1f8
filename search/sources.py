"""Documents built from the database, in bulk: a fixed number of queries per chunk of pages,
whatever the number of pages, tags or authors (the rebuild target is ≥ 2,000 documents/s).

The same builder feeds the engine (ResourceDocument), the database fallback's folded text
(SearchEntry) and the results of the fallback, so both implementations show the same thing."""

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.utils.html import strip_tags

from resources.listing import author_names, co_author_names, file_facts, taxonomy_terms
from resources.models import CollectionPage, ResourcePage, ResourceTag
from resources.taxonomies import compact_course_number

from .text import fold

CHUNK = 1000
POPULARITY_RATING_WEIGHT = 2  # one star given counts as much as two downloads


def popularity(download_count: int, rating_sum: int) -> int:
    """The "populaire" sort key, the same in both implementations."""
    return download_count + POPULARITY_RATING_WEIGHT * rating_sum


def suggest_inputs(title: str) -> list[str]:
    """The title, and the title from each of its next words: completion matches the start of an
    input, and « calc » should find « Examen de calcul intégral »."""
    words = title.split()
    tails = [" ".join(words[i:]) for i in range(1, len(words)) if len(words[i]) >= 4]
    return [title, *tails[:2]]  # each input costs indexing time (completion FST)


def courses_text(courses) -> str:
    """What a resource's courses answer to: « 201-NYA-05 201NYA05 Calcul différentiel
    Differential Calculus » — queries have their course numbers compacted (text.py), so that
    « 201-nya-05 », « 201NYA05 » and « 201 NYA 05 » all find it."""
    parts = []
    for term in courses:
        parts += [term.code, compact_course_number(term.code), term.name_fr]
        if term.name_en and term.name_en != term.name_fr:
            parts.append(term.name_en)
    return " ; ".join(parts)


def site_path(url_path: str) -> str:
    """/accueil/ressources/x/ → ressources/x/ (the URL without the site root and language)."""
    parts = url_path.strip("/").split("/")[1:]
    return "/".join(parts) + "/" if parts else ""


def published_resources():
    """What the index holds: live resources nobody restricted."""
    return ResourcePage.objects.live().public()


def _text_by_language(document: dict, name: str, value: str, language: str) -> None:
    document[name] = value
    document[f"{name}_{'en' if language == 'en' else 'fr'}"] = value


def _hash(document: dict) -> str:
    return hashlib.sha1(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


RESOURCE_COLUMNS = (
    "id",
    "title",
    "url_path",
    "summary",
    "description",
    "language",
    "licence",
    "price_cents",
    "member_price_cents",
    "rating_count",
    "rating_sum",
    "download_count",
    "validated_at",
    "first_published_at",
    "co_authors",
)


def _tags(page_ids: list[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = defaultdict(list)
    rows = (
        ResourceTag.objects.filter(content_object_id__in=page_ids)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
    )
    for page_id, name in rows:
        tags[page_id].append(name)
    return tags


def resource_documents(
    page_ids: Iterable[int], published=None, *, for_display: bool = False
) -> list[dict]:
    """Documents of these published resources (the others are skipped), in id order;
    `published` is published_resources() when the caller already has it. `for_display` leaves
    out what only matching needs (keywords: one query), for rendering results."""
    page_ids = list(page_ids)
    published = published_resources() if published is None else published
    rows = list(published.filter(pk__in=page_ids).order_by("pk").values(*RESOURCE_COLUMNS))
    ids = [row["id"] for row in rows]
    terms = taxonomy_terms(ids)
    tags = {} if for_display else _tags(ids)
    authors = author_names(ids)
    files = file_facts(ids)
    documents = []
    for row in rows:
        page_terms = terms[row["id"]]
        page_authors = authors.get(row["id"], [])
        names = [name for _id, name in page_authors if name]
        names += co_author_names(row["co_authors"])
        formats, page_count = files.get(row["id"], ([], 0))
        language = row["language"]
        rating_average = (
            round(row["rating_sum"] / row["rating_count"], 2) if row["rating_count"] else None
        )
        document = {
            "id": row["id"],
            "pk": row["id"],
            "kind": "resource",
            "path": site_path(row["url_path"]),
            "title_sort": fold(row["title"]),
            "language": language,
            "disciplines": [term.code for term in page_terms["discipline"]],
            "courses": [term.code for term in page_terms["course"]],
            "levels": [term.code for term in page_terms["level"]],
            "types": [term.code for term in page_terms["type"]],
            "dimensions": [term.code for term in page_terms["dimension"]],
            "licence": row["licence"],
            "price_bucket": "gratuit" if row["price_cents"] == 0 else "payant",
            "authors": [str(user_id) for user_id, _name in page_authors],
            "author_names": names,
            "formats": formats,
            "page_count": page_count,
            "price_cents": row["price_cents"],
            "member_price_cents": row["member_price_cents"],
            "rating_average": rating_average,
            "rating_count": row["rating_count"],
            "download_count": row["download_count"],
            "popularity": popularity(row["download_count"], row["rating_sum"]),
            "is_validated": row["validated_at"] is not None,
            "published": row["first_published_at"].isoformat()
            if row["first_published_at"]
            else None,
        }
        _text_by_language(document, "title", row["title"], language)
        _text_by_language(document, "summary", row["summary"], language)
        _text_by_language(document, "tags", " ; ".join(tags.get(row["id"], [])), language)
        _text_by_language(
            document,
            "disciplines_text",
            " ; ".join(f"{term.name_fr} ; {term.name_en}" for term in page_terms["discipline"]),
            language,
        )
        _text_by_language(document, "description", strip_tags(row["description"] or ""), language)
        document["courses_text"] = courses_text(page_terms["course"])
        document["suggest"] = {
            "input": suggest_inputs(row["title"]),
            "weight": min(document["popularity"] + 1, 2**31 - 1),
        }
        document["updated"] = _hash(document)
        documents.append(document)
    return documents


def collection_documents(page_ids: Iterable[int] | None = None) -> list[dict]:
    """Documents of published collections (for the autocomplete)."""
    pages = CollectionPage.objects.live().public().select_related("discipline").order_by("pk")
    if page_ids is not None:
        pages = pages.filter(pk__in=list(page_ids))
    documents = []
    for page in pages.only("id", "title", "title_en", "url_path", "intro", "discipline"):
        document = {
            "id": f"collection-{page.pk}",
            "pk": page.pk,
            "kind": "collection",
            "path": site_path(page.url_path),
            "title_sort": fold(page.title),
            "language": "fr",
            "disciplines": [page.discipline.code] if page.discipline else [],
            "title": page.title,
            "title_fr": page.title,
            "title_en": page.title_en,
            "summary": strip_tags(page.intro)[:500],
            "suggest": {"input": [t for t in (page.title, page.title_en) if t], "weight": 50},
        }
        document["updated"] = _hash(document)
        documents.append(document)
    return documents


def all_resource_ids() -> Iterator[list[int]]:
    """Ids of every published resource, in chunks."""
    ids = list(published_resources().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def folded_entry(document: dict) -> tuple[str, str]:
    """(folded title, folded text) of a resource document for the database fallback."""
    parts = [
        document["title"],
        document["summary"],
        document["tags"],
        document["disciplines_text"],
        document.get("courses_text", ""),
        " ; ".join(document["author_names"]),
        document["description"],
    ]
    return fold(document["title"])[:255], fold(" \n ".join(parts))


def display_documents(page_ids: Iterable[int], published=None) -> dict[int, dict]:
    """{id: document} for rendering results found by the database implementation."""
    documents = resource_documents(page_ids, published, for_display=True)
    return {document["id"]: document for document in documents}
