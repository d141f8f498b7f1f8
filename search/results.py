"""What a search answers, the same whichever implementation answered it."""

from dataclasses import dataclass, field

from .params import SearchParams


@dataclass
class Hit:
    """One result: its document (resource fields, see sources.py) and highlighted fragments
    (safe HTML with <mark>, keyed by field: "title", "summary")."""

    id: int
    document: dict
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    params: SearchParams
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    did_you_mean: str | None = None
    degraded: bool = False  # the engine did not answer; the database did
    # The engine's own time for this search (its `took`, ms, summed over its requests); None
    # when the database answered. The API sends it as `Server-Timing: engine;dur=…`.
    engine_ms: int | None = None

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.params.page_size))


@dataclass
class Suggestion:
    """An autocomplete entry: a resource or collection title, or a discipline."""

    text: str
    kind: str  # "resource", "collection" or "discipline"
    url: str
