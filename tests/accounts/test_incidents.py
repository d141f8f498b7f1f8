"""Law 25's register of confidentiality incidents in the admin (accounts/incidents.py): staff who
hold its permissions record and update incidents, nobody deletes one, editors and members never
see it; dates that contradict each other are refused with a message per field."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

from accounts.models import PrivacyIncident
from accounts.roles import EDITORS_GROUP

pytestmark = pytest.mark.django_db

INDEX = "/admin/registre-incidents/"
ADD = "/admin/registre-incidents/new/"

FORM = {
    "occurred_from": "2026-11-02",
    "occurred_until": "2026-11-03",
    "discovered_on": "2026-11-04",
    "circumstances": "Un export CSV des ventes envoyé au mauvais destinataire.",
    "information_affected": "Noms et adresses courriel de 12 acheteurs.",
    "people_affected": "12",
    "risk_assessment": "Faible sensibilité; destinataire de confiance, fichier supprimé.",
    "measures": "Demande de suppression confirmée par écrit.",
    "public_notice": "",
}


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin@example.org", "pw-long-enough")


@pytest.fixture
def incident(db):
    return PrivacyIncident.objects.create(
        occurred_from=datetime.date(2026, 10, 1),
        discovered_on=datetime.date(2026, 10, 2),
        circumstances="Ordinateur portable volé",
        information_affected="Courriels",
        people_affected=40,
        people_affected_estimated=True,
        risk_assessment="Disque chiffré.",
        serious_injury_risk=True,
        measures="Mots de passe changés.",
    )


def test_staff_record_an_incident(client, superuser):
    client.force_login(superuser)

    response = client.post(ADD, FORM | {"serious_injury_risk": "on"})

    assert response.status_code == 302
    incident = PrivacyIncident.objects.get()
    assert (incident.occurred_from, incident.occurred_until, incident.discovered_on) == (
        datetime.date(2026, 11, 2),
        datetime.date(2026, 11, 3),
        datetime.date(2026, 11, 4),
    )
    assert (incident.people_affected, incident.serious_injury_risk) == (12, True)
    assert incident.notices_owed  # a serious risk and no notice yet


def test_the_listing_shows_which_notices_are_owed(client, superuser, incident):
    client.force_login(superuser)
    PrivacyIncident.objects.create(
        **{key: value for key, value in FORM.items() if key != "occurred_until"}
        | {"people_affected": 3, "discovered_on": datetime.date(2026, 11, 5)},
    )

    response = client.get(INDEX, HTTP_ACCEPT_LANGUAGE="fr")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Un export CSV") < page.index("Ordinateur portable volé")  # newest first
    rows = [
        [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            for row in re.findall(r"<tr>(.*?)</tr>", page[page.index("<tbody>") :], re.S)
        )
    ]
    assert [row[1:] for row in rows] == [
        ["Un export CSV des ventes envoyé au mauvais destinataire.", "3", "Non", "—"],
        ["Ordinateur portable volé", "40", "Oui", "Oui"],  # still owes its notices
    ]


def test_notifying_pays_what_is_owed(incident):
    incident.commission_notified_on = datetime.date(2026, 10, 3)
    assert incident.notices_owed
    incident.people_notified_on = datetime.date(2026, 10, 4)
    assert not incident.notices_owed
    incident.people_notified_on, incident.public_notice = None, "Avis sur le site, 5 octobre."
    assert not incident.notices_owed


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"occurred_until": "2026-11-01"}, "occurred_until", "comes before its start"),
        ({"discovered_on": "2026-11-01"}, "discovered_on", "cannot be known before"),
        ({"commission_notified_on": "2026-11-03"}, "commission_notified_on", "cannot precede"),
        ({"people_notified_on": "2026-11-01"}, "people_notified_on", "cannot precede"),
        ({"people_affected": "-1"}, "people_affected", "greater than or equal to 0"),
    ],
)
def test_contradictory_dates_are_refused_and_nothing_is_recorded(
    client, superuser, changes, field, message
):
    client.force_login(superuser)

    response = client.post(ADD, FORM | changes, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert PrivacyIncident.objects.count() == 0


def test_no_one_deletes_an_entry(client, superuser, incident):
    client.force_login(superuser)

    with pytest.raises(NoReverseMatch):
        reverse("privacy_incidents:delete", args=[incident.pk])
    assert client.post(f"{INDEX}delete/{incident.pk}/").status_code == 404
    assert client.get(f"{INDEX}edit/{incident.pk}/").status_code == 200
    assert b"/delete/" not in client.get(f"{INDEX}edit/{incident.pk}/").content
    assert PrivacyIncident.objects.filter(pk=incident.pk).exists()


def test_editors_and_members_never_see_it(client, incident, make_member):
    editor = get_user_model().objects.create_user(
        "editeur@example.org", "pw-long-enough", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)

    assert b"registre-incidents" not in client.get("/admin/").content
    for url in (INDEX, ADD, f"{INDEX}edit/{incident.pk}/"):
        assert client.get(url).status_code in (302, 403), url

    client.force_login(make_member("Marie Tremblay"))
    assert client.get(INDEX).status_code in (302, 403)


def test_staff_with_the_permissions_reach_it(client, incident):
    staff = get_user_model().objects.create_user("dpo@example.org", "pw-long-enough", is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__endswith="_privacyincident"),
    )
    client.force_login(staff)

    assert client.get(INDEX).status_code == 200
    assert b"registre-incidents" in client.get("/admin/").content
