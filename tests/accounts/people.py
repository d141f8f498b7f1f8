"""Marie, Sophie and Daniel: the people of the privacy and account-deletion tests (also the
browser's), built with the make_member and make_resource fixtures of tests/conftest.py."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile

from accounts.models import Follow, Institution, InstitutionDomain
from resources.models import Discipline, Download, ResourcePage
from resources.ratings import rate

TORONTO = ZoneInfo("America/Toronto")
PASSWORD = "pw-long-enough"
RESERVED = "LicenseRef-APOP-All-Rights-Reserved"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


@dataclass
class People:
    """Marie, a member with something of everything; Sophie and Daniel around her."""

    marie: object
    sophie: object
    daniel: object
    free: ResourcePage  # Marie's, published, free, two files
    paid: ResourcePage  # Marie's, published, 12,50 $
    draft: ResourcePage  # Marie's, never published
    sophies: ResourcePage  # Sophie's, published, free: Marie rated and downloaded it
    shared: ResourcePage  # Marie's and Sophie's, published, free


def build_people(member, resource) -> People:
    """`member` and `resource`: the make_member and make_resource builders."""
    marie = member(
        "Marie Tremblay",
        email="marie@cegep.example",
        first_name="Marie",
        last_name="Tremblay",
        bio="Enseignante de mathématiques.",
        bio_en="Mathematics teacher.",
        links="https://marie.example.org/\nhttps://mastodon.example/@marie",
        membership_expires_on=datetime.date(2027, 6, 30),
        terms_accepted_at=datetime.datetime(2026, 9, 1, 10, 30, tzinfo=TORONTO),
        newsletter_opt_in_at=datetime.datetime(2026, 9, 2, 8, 0, tzinfo=TORONTO),
    )
    marie.disciplines.set(Discipline.objects.filter(code__in=["201", "420"]))
    marie.photo.save("portrait.png", ContentFile(PNG))
    # make_member confirmed her first address; a second one, not confirmed yet.
    EmailAddress.objects.create(
        user=marie, email="marie.perso@example.org", verified=False, primary=False
    )
    institution = Institution.objects.create(name="Cégep de démonstration")
    InstitutionDomain.objects.create(institution=institution, domain="cegep.example")

    sophie = member("Sophie Gagnon", email="sophie@example.org")
    daniel = member("Daniel O'Brien", email="daniel@example.org")

    free = resource(
        "Notes de cours : limites",
        slug="limites",
        authors=[marie],
        licence="CC-BY-NC-SA-4.0",
        files=(("notes.pdf", b"%PDF-1.4 notes"), ("exercices.txt", b"Exercice 1")),
    )
    paid = resource(
        "Examens corrigés",
        slug="examens",
        authors=[marie],
        licence=RESERVED,
        price_cents=1250,
        member_price_cents=1000,
        files=(("examens.pdf", b"%PDF-1.4 examens"),),
    )
    draft = resource("Brouillon : intégrales", slug="integrales", authors=[marie], publish=False)
    sophies = resource("Atelier Python", slug="python", authors=[sophie], disciplines=("420",))
    shared = resource("Projet commun", slug="commun", authors=[marie, sophie])

    rate(marie, sophies, 4, "Très utile en classe.")
    rate(sophie, free, 5, "Merci!")
    Download.objects.create(resource=sophies, user=marie)
    Download.objects.create(resource=sophies, user=marie)
    Download.objects.create(resource=free, user=sophie)
    Follow.objects.create(follower=marie, author=sophie)
    Follow.objects.create(follower=daniel, author=marie)
    Follow.objects.create(follower=sophie, author=daniel)
    return People(marie, sophie, daniel, free, paid, draft, sophies, shared)
