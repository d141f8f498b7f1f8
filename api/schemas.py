"""The typed shapes of the public API (/api/v1/), which its OpenAPI schema publishes.

The search and suggest shapes describe the contract the search API had before django-ninja
(README, The search API) field for field, in the same order: the answers are the same bytes."""

from typing import Any, Literal

from ninja import Schema

# --- Errors ------------------------------------------------------------------------------------


class Error(Schema):
    """Any error of the API but the search's: a sentence in the answer's language."""

    detail: str


class ValidationErrors(Schema):
    """422: parameters of the wrong type or out of range, as django-ninja reports them."""

    detail: list[dict[str, Any]]


class SearchError(Schema):
    """400 of /api/v1/search: a page or page size that cannot be served (its original shape)."""

    error: str


# --- Search and suggest (the original contract) ------------------------------------------------


class SearchHit(Schema):
    id: int
    url: str
    title: str
    summary: str
    price: int
    member_price: int | None
    currency: str
    licence: str
    disciplines: list[str]
    courses: list[str]
    levels: list[str]
    types: list[str]
    language: str
    authors: list[str]
    formats: list[str]
    page_count: int
    rating: float | None
    rating_count: int
    downloads: int
    validated: bool
    published: str | None
    highlights: dict[str, str]


class FacetValue(Schema):
    key: str
    label: str
    count: int
    selected: bool


class SearchAnswer(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    query: str
    sort: str
    degraded: bool
    did_you_mean: str | None
    results: list[SearchHit]
    facets: dict[str, list[FacetValue]]


class Suggestion(Schema):
    text: str
    kind: Literal["discipline", "resource", "collection"]
    url: str


class SuggestAnswer(Schema):
    query: str
    suggestions: list[Suggestion]


# --- The catalogue -----------------------------------------------------------------------------


class Term(Schema):
    """A taxonomy term: its code (discipline, level, type; the number of a competency dimension)
    and its name in the answer's language."""

    code: str
    name: str


class Discipline(Schema):
    code: str
    name: str
    name_fr: str
    name_en: str
    verified: bool
    resource_count: int
    url: str


class Licence(Schema):
    id: str  # the SPDX id (LicenseRef-APOP-All-Rights-Reserved for the licence of use)
    short_name: str
    name: str
    url: str  # the deed, in the answer's language
    legal_code_url: str
    open: bool
    commercial_use: bool
    derivatives: bool
    share_alike: bool


class Author(Schema):
    name: str
    url: str | None  # the author page; none for co-authors without an account


class Attribution(Schema):
    fr: str
    en: str


class LinkedResource(Schema):
    id: int
    title: str
    url: str


class Source(Schema):
    """What a resource was adapted from: a resource here (with its id) or an external work."""

    id: int | None
    title: str
    author: str
    url: str
    licence: str | None


class Lineage(Schema):
    adapted_from: Source | None
    adaptations: list[LinkedResource]


class File(Schema):
    name: str
    content_type: str
    size: int  # bytes


class Rating(Schema):
    average: float | None
    count: int


class Resource(Schema):
    id: int
    url: str
    title: str
    summary: str
    description: str  # HTML
    language: str
    authors: list[Author]
    disciplines: list[Term]
    levels: list[Term]
    types: list[Term]
    dimensions: list[Term]
    tags: list[str]
    licence: Licence
    attribution: Attribution
    lineage: Lineage
    price: int  # cents
    member_price: int | None
    currency: str
    duration_minutes: int | None
    pedagogical_notes: str
    validated: bool
    rating: Rating
    downloads: int
    files: list[File]
    published: str | None
    updated: str | None


class CollectionEntry(Schema):
    id: int
    url: str
    title: str
    summary: str
    licence: str
    price: int
    note: str


class Collection(Schema):
    slug: str
    url: str
    title: str
    intro: str  # HTML
    discipline: Term | None
    featured: bool
    updated: str | None
    resources: list[CollectionEntry]
