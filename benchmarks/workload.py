"""The fixed mixed workload of the search API: seven kinds of request, each a dozen distinct
URLs drawn once from the catalogue's vocabulary and taxonomies with a seed, then repeated and
interleaved in a fixed shuffled order (what a cache sees from real visitors: the same popular
searches again and again, among others). The same (count, seed) always gives the same requests.

    keyword         q alone: a topic of a discipline (« dérivées », « photosynthesis »)
    keyword_facets  q and 1 to 3 facets (its discipline, then level, type, price, language…)
    facets          1 to 3 facets, no q
    empty           no q and no facet: the whole catalogue, newest first, every facet counted
    misspelt        a topic with two letters swapped (« déirvées »)
    price_sort      tri=prix, with q or a facet
    deep_page       the whole catalogue, a page far down (offset ≈ half the catalogue, at most
                    the engines' 10,000-result window)"""

import random
from dataclasses import dataclass
from urllib.parse import urlencode

from .catalogue import DIMENSION_WEIGHTS, LICENCES, TYPE_WEIGHTS
from .vocabulary import disciplines, misspell

API = "/api/v1/search"
CATEGORIES = (
    "keyword",
    "keyword_facets",
    "facets",
    "empty",
    "misspelt",
    "price_sort",
    "deep_page",
)
VARIANTS = 12
MIN_REQUESTS = 200
PAGE_SIZE = 24  # core.pagination.PAGE_SIZE
RESULT_WINDOW = 10_000  # search.params.MAX_RESULT_WINDOW
LEVELS = ("collegial_preuniversitaire", "collegial_technique", "universitaire")


@dataclass(frozen=True)
class Request:
    category: str
    path: str


def _url(params: list[tuple[str, str]]) -> str:
    return f"{API}?{urlencode(params)}" if params else API


class _Draw:
    def __init__(self, count: int, seed: int):
        self.count = count
        self.rng = random.Random(seed)
        self.disciplines = disciplines()

    def keyword(self, code: str | None = None) -> tuple[str, str]:
        """(discipline code, a topic of it in French or English)."""
        rng = self.rng
        code = code or rng.choice(sorted(self.disciplines))
        language = "en" if rng.random() < 0.2 else "fr"
        return code, rng.choice(self.disciplines[code].topics[language]).keyword

    def facets(self, wanted: int, discipline: str | None = None) -> list[tuple[str, str]]:
        rng = self.rng
        choices = [
            ("niveau", lambda: rng.choice(LEVELS)),
            ("type", lambda: rng.choice(list(TYPE_WEIGHTS))),
            ("prix", lambda: rng.choice(("gratuit", "payant"))),
            ("langue", lambda: rng.choice(("fr", "en"))),
            ("licence", lambda: rng.choice([licence for licence, *_rest in LICENCES])),
            ("dimension", lambda: str(rng.randint(1, len(DIMENSION_WEIGHTS)))),
        ]
        params = [("discipline", discipline or rng.choice(sorted(self.disciplines)))]
        for name, value in rng.sample(choices, wanted - 1):
            params.append((name, value()))
        return params

    def one(self, category: str) -> str:
        rng = self.rng
        if category == "keyword":
            return _url([("q", self.keyword()[1])])
        if category == "keyword_facets":
            code, word = self.keyword()
            return _url([("q", word), *self.facets(rng.randint(1, 3), code)])
        if category == "facets":
            return _url(self.facets(rng.randint(1, 3)))
        if category == "empty":
            return _url([("lang", rng.choice(("fr", "en")))])
        if category == "misspelt":
            return _url([("q", misspell(self.keyword()[1], rng))])
        if category == "price_sort":
            if rng.random() < 0.5:
                return _url([("q", self.keyword()[1]), ("tri", "prix")])
            return _url([*self.facets(1), ("tri", "prix")])
        if category == "deep_page":
            deepest = max(2, min(self.count, RESULT_WINDOW) // PAGE_SIZE)
            page = rng.randint(max(2, deepest // 2), deepest)
            return _url([("page", str(page))])
        raise ValueError(f"unknown category {category!r}")


def distinct_requests(count: int, seed: int, variants: int = VARIANTS) -> list[Request]:
    """The distinct URLs of the workload, `variants` per category (fewer when they repeat)."""
    draw = _Draw(count, seed)
    found = []
    for category in CATEGORIES:
        paths = list(dict.fromkeys(draw.one(category) for _ in range(variants)))
        found += [Request(category, path) for path in paths]
    return found


def workload(
    count: int, seed: int, per_category: int = MIN_REQUESTS, variants: int = VARIANTS
) -> list[Request]:
    """`per_category` requests of each category, interleaved in a fixed order."""
    distinct = distinct_requests(count, seed, variants)
    requests = []
    for category in CATEGORIES:
        paths = [request for request in distinct if request.category == category]
        requests += [paths[number % len(paths)] for number in range(per_category)]
    random.Random(seed).shuffle(requests)
    return requests
