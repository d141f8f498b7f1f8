"""Courses: a taxonomy editors manage (number, French and English title, discipline), seeded from
resources/data/cours.csv with the other taxonomies, cached with them, shown on resource pages."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from resources.models import Course, Discipline
from resources.rules import resource_errors
from resources.taxonomies import all_terms, courses_by_number, load_taxonomies

pytestmark = pytest.mark.django_db


def test_the_seed_courses_are_loaded_with_their_discipline_and_flag(site_pages):
    # The session's site structure ran load_taxonomies (load_demo --structure-only).
    assert Course.objects.count() == 20
    calcul = Course.objects.select_related("discipline").get(number="201-NYA-05")
    assert (calcul.name_fr, calcul.name_en) == ("Calcul différentiel", "Differential Calculus")
    assert calcul.discipline.code == "201"
    assert calcul.verified is False  # the former common Sciences de la nature numbers
    assert Course.objects.get(number="601-101-MQ").verified is True
    assert load_taxonomies()["course"] == 0  # loading again creates nothing


def test_an_editor_s_change_is_kept_by_a_second_load(site_pages):
    Course.objects.filter(number="203-NYA-05").update(name_fr="Mécanique (révisé)")

    load_taxonomies()

    assert Course.objects.get(number="203-NYA-05").name_fr == "Mécanique (révisé)"


@pytest.mark.parametrize("typed", ["420w57sf", "420 W57 SF", " 420-w57-sf ", "420W57-SF"])
def test_a_course_number_is_stored_in_its_hyphenated_form(site_pages, typed):
    course = Course(
        number=typed, name_fr="Programmation web", discipline=Discipline.objects.get(code="420")
    )

    course.full_clean()
    course.save()

    assert Course.objects.get(pk=course.pk).number == "420-W57-SF"


@pytest.mark.parametrize("typed", ["42-W57-SF", "420-W5-SF", "420-W57-S", "cours 420", ""])
def test_a_malformed_course_number_is_refused_with_a_message(site_pages, typed):
    course = Course(number=typed, name_fr="Essai", discipline=Discipline.objects.get(code="420"))

    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            course.full_clean()
        # The messages are lazy: read them in the language they are asserted in.
        messages = " ".join(error.value.message_dict["number"])

    assert "numéro de cours" in messages
    assert not Course.objects.filter(name_fr="Essai").exists()


def test_a_course_number_starts_with_its_discipline_s_code(site_pages):
    course = Course(
        number="201-ABC-01", name_fr="Essai", discipline=Discipline.objects.get(code="420")
    )

    with translation.override("en"), pytest.raises(ValidationError) as error:
        course.full_clean()

    assert error.value.message_dict["discipline"] == [
        "The course number starts with its discipline's code: 420 is not the start of 201-ABC-01."
    ]


def test_courses_are_cached_terms_in_the_interface_language(site_pages):
    all_terms()
    term = courses_by_number()["201-NYB-05"]

    with translation.override("en"):
        english = term.name
    assert (term.name_fr, english, term.parent) == ("Calcul intégral", "Integral Calculus", "201")
    # Without an English title, English visitors read the French one.
    Course.objects.filter(number="601-101-MQ").update(name_en="")
    from resources.taxonomies import forget_terms

    forget_terms()
    with translation.override("en"):
        assert courses_by_number()["601-101-MQ"].name == "Écriture et littérature"


def test_a_resource_s_courses_must_be_in_its_disciplines(make_resource, english):
    page = make_resource("Limites", disciplines=("420",))
    page.courses = [Course.objects.get(number="201-NYA-05")]  # as the admin's form sets it

    assert [str(message) for message in resource_errors(page)["courses"]] == [
        "201-NYA-05: a course belongs to its discipline; choose that discipline too, or remove "
        "the course."
    ]
    fine = make_resource("Limites 2", disciplines=("201",), courses=("201-NYA-05",))
    assert "courses" not in resource_errors(fine)


def test_the_resource_page_lists_its_courses_with_a_link_to_their_search(client, make_resource):
    page = make_resource("Limites", courses=("201-NYA-05",))

    html = client.get(f"/fr/ressources/{page.slug}/").content.decode()

    assert (
        '<a href="/fr/recherche/?cours=201-NYA-05"><span class="course-number">201-NYA-05</span> '
        "Calcul différentiel</a>"
    ) in html


def test_editors_manage_courses_in_the_admin(client, editor):
    listing = client.get("/admin/snippets/resources/course/")
    found = client.get("/admin/snippets/resources/course/?q=NYB")

    assert listing.status_code == 200
    assert "201-NYA-05" in listing.content.decode()
    assert found.status_code == 200
