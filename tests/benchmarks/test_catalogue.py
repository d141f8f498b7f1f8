"""The generated catalogue's records (benchmarks/catalogue.py, vocabulary.py) and the search
workload (benchmarks/workload.py): the same seed draws the same catalogue and requests; the
distributions stay within their bounds. Plain Python, no database."""

import csv
import random
from collections import Counter
from itertools import islice

import pytest

from benchmarks.catalogue import (
    LICENCES,
    MAX_PRICE_CENTS,
    MAX_RATINGS,
    MIN_PRICE_CENTS,
    TYPE_WEIGHTS,
    Planner,
)
from benchmarks.vocabulary import TAXONOMY_DATA, disciplines, misspell
from benchmarks.workload import API, CATEGORIES, MIN_REQUESTS, RESULT_WINDOW, workload
from resources import licences

N = 1000


def _specs(seed: int, count: int = N, authors: int = 1000):
    planner = Planner(seed, authors)
    return planner, list(islice(planner.resources(count), count))


@pytest.fixture(scope="module")
def catalogue():
    return _specs(seed=19)


def test_the_same_seed_draws_the_same_catalogue(catalogue):
    planner, specs = catalogue
    again_planner, again = _specs(seed=19)
    assert [(s.title, s.price_cents, s.slug) for s in again] == [
        (s.title, s.price_cents, s.slug) for s in specs
    ]
    assert again == specs
    assert again_planner.authors == planner.authors


def test_another_seed_draws_another_catalogue(catalogue):
    _planner, specs = catalogue
    _other_planner, other = _specs(seed=20, count=50)
    assert [s.title for s in other] != [s.title for s in specs[:50]]


def test_titles_and_texts_vary_as_a_catalogue_does(catalogue):
    _planner, specs = catalogue
    assert len({s.title for s in specs}) >= 0.9 * N
    assert len({s.description for s in specs}) == N
    assert len({s.slug for s in specs}) == N
    assert all(0 < len(s.title) <= 255 and 0 < len(s.summary) <= 500 for s in specs)
    assert all(s.description.startswith("<p>") and s.tags for s in specs)


def test_one_resource_in_five_is_in_english(catalogue):
    _planner, specs = catalogue
    english = sum(s.language == "en" for s in specs) / N
    assert 0.16 <= english <= 0.24


def test_terms_are_known_codes_and_courses_belong_to_the_discipline(catalogue):
    _planner, specs = catalogue
    known = disciplines()
    with (TAXONOMY_DATA / "ordres_enseignement.csv").open(encoding="utf-8") as handle:
        levels = {row["code"] for row in csv.DictReader(handle)}
    for spec in specs:
        assert set(spec.disciplines) <= set(known)
        assert len(set(spec.disciplines)) == len(spec.disciplines)
        if spec.course:
            assert spec.course in {number for number, _t in known[spec.disciplines[0]].courses}
        assert set(spec.levels) <= levels
        assert set(spec.types) <= set(TYPE_WEIGHTS)
        assert set(spec.dimensions) <= set(range(1, 13))
        assert spec.licence in licences.LICENCES


def test_disciplines_and_authors_are_skewed(catalogue):
    planner, specs = catalogue
    by_discipline = Counter(s.disciplines[0] for s in specs)
    assert by_discipline["601"] > 5 * by_discipline.get("607", 0)
    by_author = Counter(author for s in specs for author in s.authors)
    assert len(planner.authors) == 1000
    assert len({a.email for a in planner.authors}) == 1000
    top = by_author.most_common(1)[0][1]
    assert top >= 10 * (sum(by_author.values()) / len(planner.authors))


def test_prices_are_mostly_free_and_within_bounds(catalogue):
    _planner, specs = catalogue
    free = sum(s.price_cents == 0 for s in specs) / N
    assert 0.7 <= free <= 0.9
    for spec in specs:
        if spec.price_cents == 0:
            assert spec.member_price_cents is None
        else:
            assert MIN_PRICE_CENTS <= spec.price_cents <= MAX_PRICE_CENTS
            assert spec.member_price_cents is None or spec.member_price_cents <= spec.price_cents
    sold = {licence: share for licence, _weight, share in LICENCES}
    reserved = [s for s in specs if s.licence == "LicenseRef-APOP-All-Rights-Reserved"]
    assert sum(s.price_cents > 0 for s in reserved) / len(reserved) > 0.6
    assert all(s.price_cents == 0 for s in specs if sold[s.licence] == 0)


def test_ratings_and_downloads_have_long_tails(catalogue):
    _planner, specs = catalogue
    unrated = sum(not s.ratings for s in specs) / N
    assert 0.5 <= unrated <= 0.7
    for spec in specs:
        raters = [rater for rater, _score in spec.ratings]
        assert len(raters) == len(set(raters)) <= MAX_RATINGS
        assert not set(raters) & set(spec.authors)
        assert all(1 <= score <= 5 for _rater, score in spec.ratings)
        assert spec.rating_sum == sum(score for _rater, score in spec.ratings)
    downloads = sorted(s.download_count for s in specs)
    assert downloads[N // 2] < downloads[int(N * 0.99)] / 5  # median far below the top


def test_misspelt_words_differ_from_the_word():
    assert misspell("dérivées", random.Random(3)) != "dérivées"
    assert misspell("abc", random.Random(3)) == "abcc"


def test_the_workload_mixes_every_category_the_same_way_at_every_run():
    requests = workload(10_000, seed=19)
    assert requests == workload(10_000, seed=19)
    assert Counter(r.category for r in requests) == dict.fromkeys(CATEGORIES, MIN_REQUESTS)
    assert [r.category for r in requests[:14]] != sorted(r.category for r in requests[:14])
    assert all(r.path.startswith(API) for r in requests)
    deep = {r.path for r in requests if r.category == "deep_page"}
    pages = [int(path.rsplit("page=", 1)[1]) for path in deep]
    assert all(RESULT_WINDOW // 24 // 2 <= page <= RESULT_WINDOW // 24 for page in pages)
