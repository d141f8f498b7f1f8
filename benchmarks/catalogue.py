"""What a generated catalogue holds, drawn from plausible skewed distributions: plain records,
no database (benchmarks/generate.py writes them). The same (count, seed, authors) always gives
the same records: one `random.Random(seed)` draws everything, in order.

The shapes, as in open and paid catalogues (MERLOT, eCampusOntario, TpT): a few disciplines
hold most resources (general education and sciences), a few authors write many of them, most
resources are free and unrated, downloads have a long tail, newer resources are more numerous.
The weights are below, one constant each, so that a reader can judge them."""

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from django.utils.text import slugify

from .vocabulary import Writer, disciplines

DEFAULT_SEED = 19
EMAIL_DOMAIN = "bench.apop.example"  # of the generated accounts
ENGLISH_SHARE = 0.20
DEFAULT_AUTHORS = 1000
# Disciplines from most to least published; weight 1 / rank^0.8.
DISCIPLINE_RANKING = (
    "601 201 340 603 420 203 202 101 604 350 109 410 180 330 602 383 387 "
    "320 385 510 570 582 351 322 388 243 414 412 393 520 530 551 560 607"
).split()
SECOND_DISCIPLINE = 0.12
COURSE_SHARE = 0.55  # of resources whose discipline has courses in resources/data/cours.csv
OTHER_LEVELS = {"universitaire": 4, "secondaire": 3, "fga": 2, "fp": 1}
OTHER_LEVEL_SHARE = 0.12
TYPE_WEIGHTS = {
    "notes-de-cours": 16,
    "exercices": 20,
    "scenario": 6,
    "activite": 9,
    "evaluation": 10,
    "grille": 4,
    "presentation": 10,
    "video": 5,
    "balado": 2,
    "laboratoire": 6,
    "etude-de-cas": 4,
    "simulation": 2,
    "manuel": 2,
    "interactif": 3,
    "guide": 4,
}
SECOND_TYPE = 0.25
NO_DIMENSION = 0.5
DIMENSION_WEIGHTS = (3, 6, 8, 7, 4, 4, 6, 2, 2, 3, 3, 2)  # dimensions 1 to 12
# (licence, weight, share of its resources that are sold)
LICENCES = (
    ("CC-BY-NC-SA-4.0", 34, 0.08),
    ("CC-BY-4.0", 18, 0.10),
    ("CC-BY-SA-4.0", 10, 0.10),
    ("CC-BY-NC-4.0", 10, 0.08),
    ("CC-BY-ND-4.0", 3, 0.15),
    ("CC-BY-NC-ND-4.0", 5, 0.10),
    ("CC0-1.0", 5, 0.0),
    ("LicenseRef-APOP-All-Rights-Reserved", 15, 0.80),
)
PRICE_MEDIAN_CENTS = 900
MIN_PRICE_CENTS, MAX_PRICE_CENTS = 199, 9999
MEMBER_PRICE_SHARE = 0.4  # of paid resources
UNRATED = 0.6
MAX_RATINGS = 40
SCORES, SCORE_WEIGHTS = (5, 4, 3, 2, 1), (45, 33, 13, 5, 4)
MAX_DOWNLOADS = 100_000
CATALOGUE_DAYS = 6 * 365
VALIDATED = 0.4
DURATIONS = (None, None, None, 20, 30, 50, 75, 90, 120, 180)
CO_AUTHORED = 0.12
AUTHOR_SKEW = 0.6  # author k writes in proportion to 1 / k^0.6
# How many files a resource has (1, 2, 3) and how many distinct PDFs they share.
FILE_COUNT_WEIGHTS = (72, 22, 6)
FILE_POOL = 12
FILE_SUFFIXES = ("", "-corrige", "-enonce", "-annexe")

FIRST_NAMES = (
    "Marie Sophie Julie Isabelle Nathalie Catherine Geneviève Valérie Mélanie Annie Chantal "
    "Karine Émilie Audrey Caroline Josée Martine Sarah Laura Emily Jean Pierre Luc Marc Michel "
    "François Sylvain Stéphane Patrick Martin Éric Daniel Mathieu Simon Olivier Alexandre "
    "Guillaume Louis David Kevin"
).split()
LAST_NAMES = (
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier "
    "Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier "
    "Dubé Poirier Fournier Lapointe Leclerc Lefebvre Poulin Thibault St-Pierre Nadeau Martin "
    "Landry Smith O'Brien Campbell MacDonald Nguyen"
).split()


@dataclass(frozen=True)
class AuthorSpec:
    first_name: str
    last_name: str
    email: str
    slug: str
    language: str


@dataclass
class ResourceSpec:
    number: int  # 1, 2, … in the order drawn
    slug: str
    title: str
    summary: str
    description: str
    tags: list[str]
    language: str
    disciplines: list[str]
    course: str | None
    levels: list[str]
    types: list[str]
    dimensions: list[int]
    licence: str
    price_cents: int
    member_price_cents: int | None
    authors: list[int]  # indices in the author list
    co_authors: str
    ratings: list[tuple[int, int]]  # (author index of the rater, score)
    download_count: int
    age_minutes: int  # published this long before the catalogue's date
    validated_after_days: int | None
    duration_minutes: int | None
    files: list[tuple[int, str]]  # (index in the shared PDFs, display name)
    translation_key: uuid.UUID = field(repr=False, default=None)

    @property
    def rating_count(self) -> int:
        return len(self.ratings)

    @property
    def rating_sum(self) -> int:
        return sum(score for _rater, score in self.ratings)


def _cumulative(weights) -> list[float]:
    return list(accumulate(weights))


class Planner:
    """Draws the authors, then each resource in turn, from one random generator."""

    def __init__(self, seed: int, authors: int = DEFAULT_AUTHORS):
        if not 1 <= authors <= len(FIRST_NAMES) * len(LAST_NAMES):
            raise ValueError(f"authors must be between 1 and {len(FIRST_NAMES) * len(LAST_NAMES)}")
        self.rng = random.Random(seed)
        self.writer = Writer(self.rng)
        self.disciplines = disciplines()
        self.authors = self._authors(authors)
        self.author_weights = _cumulative(1 / (k + 1) ** AUTHOR_SKEW for k in range(authors))
        self.discipline_weights = _cumulative(
            1 / (rank + 1) ** 0.8 for rank in range(len(DISCIPLINE_RANKING))
        )
        self.type_codes = list(TYPE_WEIGHTS)
        self.type_weights = _cumulative(TYPE_WEIGHTS.values())
        self.licence_weights = _cumulative(weight for _id, weight, _sold in LICENCES)

    def _authors(self, count: int) -> list[AuthorSpec]:
        names = self.rng.sample(range(len(FIRST_NAMES) * len(LAST_NAMES)), count)
        authors = []
        for index, name in enumerate(names):
            first = FIRST_NAMES[name % len(FIRST_NAMES)]
            last = LAST_NAMES[name // len(FIRST_NAMES)]
            base = f"{slugify(first)}-{slugify(last)}"
            authors.append(
                AuthorSpec(
                    first_name=first,
                    last_name=last,
                    email=f"{base.replace('-', '.')}.{index + 1}@{EMAIL_DOMAIN}",
                    slug=f"{base}-{index + 1}",
                    language="en" if self.rng.random() < ENGLISH_SHARE else "fr",
                )
            )
        return authors

    def resources(self, count: int) -> Iterator[ResourceSpec]:
        for number in range(1, count + 1):
            yield self._resource(number)

    def _pick(self, population, cumulative):
        return self.rng.choices(population, cum_weights=cumulative)[0]

    def _resource(self, number: int) -> ResourceSpec:
        rng = self.rng
        language = "en" if rng.random() < ENGLISH_SHARE else "fr"
        codes = [self._pick(DISCIPLINE_RANKING, self.discipline_weights)]
        if rng.random() < SECOND_DISCIPLINE:
            second = self._pick(DISCIPLINE_RANKING, self.discipline_weights)
            if second != codes[0]:
                codes.append(second)
        discipline = self.disciplines[codes[0]]
        course = None
        if discipline.courses and rng.random() < COURSE_SHARE:
            course = rng.choice(discipline.courses)[0]
        technical = discipline.family.startswith("techniques")
        levels = ["collegial_technique" if technical else "collegial_preuniversitaire"]
        if rng.random() < OTHER_LEVEL_SHARE:
            levels.append(rng.choices(list(OTHER_LEVELS), weights=OTHER_LEVELS.values())[0])
        types = [self._pick(self.type_codes, self.type_weights)]
        if rng.random() < SECOND_TYPE:
            second = self._pick(self.type_codes, self.type_weights)
            if second != types[0]:
                types.append(second)
        dimensions = []
        if rng.random() >= NO_DIMENSION:
            wanted = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
            dimensions = sorted(set(rng.choices(range(1, 13), weights=DIMENSION_WEIGHTS, k=wanted)))
        text = self.writer.resource(codes[0], course, types[0], language)
        licence, _weight, sold = self._pick(LICENCES, self.licence_weights)
        price, member_price = self._price(sold)
        authors = self._resource_authors()
        ratings = self._ratings(authors)
        downloads = rng.lognormvariate(2.3, 1.3) * (1 if price else 2.5)
        downloads += 3 * len(ratings)
        age_days = CATALOGUE_DAYS * rng.random() ** 1.7  # newer resources are more numerous
        validated = rng.randint(1, 14) if rng.random() < VALIDATED else None
        if validated is not None and validated > age_days:
            validated = None
        slug = f"{slugify(text.title)[:60].strip('-')}-{number}"
        file_count = rng.choices((1, 2, 3), weights=FILE_COUNT_WEIGHTS)[0]
        files = [
            (rng.randrange(FILE_POOL), f"{slug[:80]}{FILE_SUFFIXES[position]}.pdf")
            for position in range(file_count)
        ]
        co_authors = ""
        if rng.random() < CO_AUTHORED:
            co_authors = "; ".join(
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                for _ in range(rng.randint(1, 2))
            )
        return ResourceSpec(
            number=number,
            slug=slug,
            title=text.title,
            summary=text.summary,
            description=text.description,
            tags=text.tags,
            language=language,
            disciplines=codes,
            course=course,
            levels=levels,
            types=types,
            dimensions=dimensions,
            licence=licence,
            price_cents=price,
            member_price_cents=member_price,
            authors=authors,
            co_authors=co_authors,
            ratings=ratings,
            download_count=min(MAX_DOWNLOADS, int(downloads)),
            age_minutes=int(age_days * 24 * 60),
            validated_after_days=validated,
            duration_minutes=rng.choice(DURATIONS),
            files=files,
            translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        )

    def _price(self, sold_share: float) -> tuple[int, int | None]:
        """(price, member price) in cents: free, or a price point such as 8,99 $ or 12,00 $."""
        rng = self.rng
        if rng.random() >= sold_share:
            return 0, None
        cents = rng.lognormvariate(0, 0.75) * PRICE_MEDIAN_CENTS
        dollars = round(min(MAX_PRICE_CENTS, max(MIN_PRICE_CENTS, cents)) / 100)
        price = max(MIN_PRICE_CENTS, dollars * 100 - (1 if rng.random() < 0.5 else 0))
        member_price = None
        if rng.random() < MEMBER_PRICE_SHARE:
            member_price = round(price * 0.8)
        return price, member_price

    def _resource_authors(self) -> list[int]:
        wanted = self.rng.choices((1, 2, 3), weights=(85, 12, 3))[0]
        picked = self.rng.choices(
            range(len(self.authors)), cum_weights=self.author_weights, k=wanted
        )
        return list(dict.fromkeys(picked))  # distinct, in order

    def _ratings(self, authors: list[int]) -> list[tuple[int, int]]:
        rng = self.rng
        if rng.random() < UNRATED:
            return []
        wanted = min(MAX_RATINGS, int(rng.paretovariate(1.5)))
        # A few more than wanted, as the resource's own authors do not rate it.
        drawn = rng.sample(range(len(self.authors)), min(wanted + 3, len(self.authors)))
        raters = [k for k in drawn if k not in authors][:wanted]
        return [(rater, rng.choices(SCORES, weights=SCORE_WEIGHTS)[0]) for rater in raters]
