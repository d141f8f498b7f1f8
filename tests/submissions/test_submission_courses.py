"""The courses a resource serves, chosen at the classification step (step 2) of a submission."""

import re

import pytest

from resources.models import Course, Discipline
from tests.resources.helpers import EN_BASE, latest, step_url

pytestmark = pytest.mark.django_db


def _classify(client, draft, disciplines, courses, base=None):
    data = {
        "disciplines": [Discipline.objects.get(code=code).pk for code in disciplines],
        "courses": [Course.objects.get(number=number).pk for number in courses],
        "action": "continue",
    }
    url = step_url(draft, "classement", base) if base else step_url(draft, "classement")
    return client.post(url, data)


def test_the_step_lists_every_course_with_its_discipline_for_the_filter(member_client, draft):
    html = member_client.get(step_url(draft, "classement")).content.decode()

    courses = re.findall(r'<li class="choice" data-course data-course-discipline="(\d{3})"', html)
    assert len(courses) == Course.objects.count() == 20
    assert '<span class="choice__code">201-NYA-05</span> Calcul différentiel</label>' in html
    assert "data-course-filter" in html


def test_the_chosen_courses_are_saved_in_the_draft_and_shown_at_review(member_client, draft):
    response = _classify(member_client, draft, ["201"], ["201-NYA-05", "201-NYB-05"])

    assert response.status_code == 302
    assert sorted(c.number for c in latest(draft).courses.all()) == ["201-NYA-05", "201-NYB-05"]
    page = member_client.get(step_url(draft, "classement")).content.decode()
    checked = re.findall(r'name="courses" value="(\d+)" id="id_courses_\d+" checked', page)
    assert sorted(int(pk) for pk in checked) == sorted(
        Course.objects.filter(number__in=["201-NYA-05", "201-NYB-05"]).values_list("pk", flat=True)
    )
    review = member_client.get(step_url(draft, "verification")).content.decode()
    assert "201-NYA-05 Calcul différentiel, 201-NYB-05 Calcul intégral" in review


def test_a_course_outside_the_chosen_disciplines_is_refused_and_nothing_saved(member_client, draft):
    revisions = draft.revisions.count()

    response = _classify(member_client, draft, ["420"], ["201-NYA-05"], base=EN_BASE)

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<li class="field__error">201-NYA-05: a course belongs to its discipline; choose that '
        "discipline too, or remove the course.</li>"
    ) in html
    assert draft.revisions.count() == revisions
    assert list(latest(draft).courses.all()) == []


def test_courses_are_optional(member_client, draft):
    response = _classify(member_client, draft, ["201"], [])

    assert response.status_code == 302
    assert list(latest(draft).courses.all()) == []
