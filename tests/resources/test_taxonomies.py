"""Taxonomies: seeded from the CSV files shipped with the project, idempotently, cached."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from resources.models import (
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    ResourceType,
)
from resources.taxonomies import all_terms, disciplines_by_code, load_taxonomies

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_terms():
    """Start from empty taxonomies (the session's site structure has them loaded)."""
    for model in (Course, Discipline, EducationLevel, ResourceType, DigitalCompetencyDimension):
        model.objects.all().delete()


def _counts():
    return (
        Discipline.objects.count(),
        EducationLevel.objects.count(),
        ResourceType.objects.count(),
        DigitalCompetencyDimension.objects.count(),
        Course.objects.count(),
    )


def test_loading_seeds_every_term_of_the_csv_files():
    created = load_taxonomies()

    assert created == {"discipline": 34, "level": 8, "type": 15, "dimension": 12, "course": 20}
    assert _counts() == (34, 8, 15, 12, 20)
    informatique = Discipline.objects.get(code="420")
    assert (informatique.name_fr, informatique.verified) == ("Informatique", True)
    assert Discipline.objects.get(code="180").verified is False
    assert DigitalCompetencyDimension.objects.get(number=3).verified is False


def test_loading_twice_changes_nothing_and_keeps_editor_changes():
    load_taxonomies()
    Discipline.objects.filter(code="201").update(name_fr="Mathématiques (révisé)", verified=False)

    created = load_taxonomies()

    assert created == {"discipline": 0, "level": 0, "type": 0, "dimension": 0, "course": 0}
    assert _counts() == (34, 8, 15, 12, 20)
    assert Discipline.objects.get(code="201").name_fr == "Mathématiques (révisé)"


THREE_DIGITS = "Un code de discipline compte exactement trois chiffres, par exemple 420."


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("42", [THREE_DIGITS]),
        ("abc", [THREE_DIGITS]),
        ("42a", [THREE_DIGITS]),
        (
            "4200",
            [
                THREE_DIGITS,
                "Assurez-vous que cette valeur comporte au plus 3 caractères (actuellement 4).",
            ],
        ),
        ("", ["Ce champ ne peut pas être vide."]),
    ],
)
def test_a_discipline_code_must_have_three_digits(code, expected):
    discipline = Discipline(code=code, name_fr="Essai", name_en="Test")

    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            discipline.full_clean()
        messages = error.value.message_dict["code"]

    assert messages == expected
    assert Discipline.objects.count() == 0


def test_a_discipline_code_message_in_english():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            Discipline(code="4a0", name_fr="Essai", name_en="Test").full_clean()
        messages = error.value.message_dict["code"]

    assert messages == ["A discipline code has exactly three digits, for example 420."]


def test_terms_are_cached_and_forgotten_when_an_editor_changes_one(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    load_taxonomies()
    all_terms()  # fills the cache

    with django_assert_num_queries(0):
        terms = disciplines_by_code()
    assert terms["201"].name_fr == "Mathématiques"

    with django_capture_on_commit_callbacks(execute=True):
        discipline = Discipline.objects.get(code="201")
        discipline.name_fr = "Mathématiques appliquées"
        discipline.save()

    assert disciplines_by_code()["201"].name_fr == "Mathématiques appliquées"


def test_term_names_follow_the_interface_language():
    load_taxonomies()
    term = disciplines_by_code()["201"]

    with translation.override("en"):
        english = term.name
    with translation.override("fr"):
        french = term.name

    assert (french, english) == ("Mathématiques", "Mathematics")
