"""Cached taxonomies and their loading from the CSV files shipped in resources/data/.

Taxonomies change rarely (an editor's edit) and are read on every listing: they are kept in the
cache as plain objects, by id, and dropped whenever a term is saved or deleted."""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.db import transaction

from core.i18n import is_english

from .models import Course, DigitalCompetencyDimension, Discipline, EducationLevel, ResourceType
from .models.taxonomies import compact_course_number, normalise_course_number

__all__ = [
    "Term",
    "all_terms",
    "compact_course_number",
    "courses_by_number",
    "disciplines_by_code",
    "forget_terms",
    "load_taxonomies",
    "normalise_course_number",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
CACHE_KEY = "taxonomies:v2"
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Term:
    """A taxonomy term as templates and search need it: no database behind it."""

    kind: str
    id: int
    code: str
    name_fr: str
    name_en: str
    verified: bool
    parent: str = ""  # a course's discipline code

    @property
    def name(self) -> str:
        return (self.name_en or self.name_fr) if is_english() else self.name_fr

    def __str__(self):
        return self.name


# kind → (model, attribute giving the code)
KINDS = {
    "discipline": (Discipline, "code"),
    "course": (Course, "number"),
    "level": (EducationLevel, "code"),
    "type": (ResourceType, "code"),
    "dimension": (DigitalCompetencyDimension, "number"),
}


def all_terms() -> dict[str, dict[int, Term]]:
    """Every term of every taxonomy, by kind then id (one cache read; five queries when cold)."""
    terms = cache.get(CACHE_KEY)
    if terms is None:
        terms = {}
        for kind, (model, code_field) in KINDS.items():
            rows = model.objects.all()
            if model is Course:
                rows = rows.select_related("discipline")
            terms[kind] = {
                obj.pk: Term(
                    kind,
                    obj.pk,
                    str(getattr(obj, code_field)),
                    obj.name_fr,
                    obj.name_en,
                    obj.verified,
                    obj.discipline.code if model is Course else "",
                )
                for obj in rows
            }
        cache.set(CACHE_KEY, terms, CACHE_SECONDS)
    return terms


def disciplines_by_code() -> dict[str, Term]:
    return {term.code: term for term in all_terms()["discipline"].values()}


def courses_by_number() -> dict[str, Term]:
    return {term.code: term for term in all_terms()["course"].values()}


def forget_terms() -> None:
    cache.delete(CACHE_KEY)


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as csv_file:
        return list(csv.DictReader(csv_file))


@transaction.atomic
def load_taxonomies() -> dict[str, int]:
    """Create the terms of the CSV files that do not exist yet; existing terms (perhaps edited by
    an editor since) are left alone, so loading twice changes nothing. Returns counts created."""
    created = {}

    def ensure(model, lookup, rows, defaults_for):
        count = 0
        for position, row in enumerate(rows):
            _obj, was_created = model.objects.get_or_create(
                **lookup(row), defaults=defaults_for(row, position)
            )
            count += was_created
        return count

    def names(row, position):
        return {
            "name_fr": row["name_fr"],
            "name_en": row["name_en"],
            "verified": row.get("status", "") != "unconfirmed",
        }

    created["discipline"] = ensure(
        Discipline,
        lambda row: {"code": row["code"]},
        _rows("disciplines_collegiales.csv"),
        lambda row, position: {**names(row, position), "family": row.get("family", "")},
    )
    created["level"] = ensure(
        EducationLevel,
        lambda row: {"code": row["code"]},
        _rows("ordres_enseignement.csv"),
        lambda row, position: {**names(row, position), "position": position},
    )
    created["type"] = ensure(
        ResourceType,
        lambda row: {"code": row["code"]},
        _rows("types_ressources.csv"),
        lambda row, position: {**names(row, position), "position": position},
    )
    created["dimension"] = ensure(
        DigitalCompetencyDimension,
        lambda row: {"number": int(row["number"])},
        _rows("competence_numerique_dimensions.csv"),
        names,
    )
    disciplines = {discipline.code: discipline for discipline in Discipline.objects.all()}
    created["course"] = ensure(
        Course,
        lambda row: {"number": row["number"]},
        _rows("cours.csv"),
        lambda row, position: {
            "name_fr": row["title_fr"],
            "name_en": row.get("title_en", ""),
            "verified": row.get("status", "") != "unconfirmed",
            "discipline": disciplines[row["discipline"]],
        },
    )
    transaction.on_commit(forget_terms)
    return created
