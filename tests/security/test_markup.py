"""Markup typed by people, table-driven: display names, biographies, ratings' comments and the
submission's description are plain text — stored as typed, rendered escaped, the JSON-LD block
still valid JSON however a name ends (`</script>`); links with a scheme other than http(s) are
refused and nothing is stored; the description's few formats become safe HTML only."""

import json
import re

import pytest

from resources.models import Rating
from tests.resources.helpers import DESCRIPTION, a_year_from_now, latest, start_submission
from tests.security.helpers import profile_form

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    "{{ 7|add:7 }} {% now 'Y' %}",  # template syntax is text too
]

EVIL_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "ftp://evil.example/",
]

LIVE_MARKUP = re.compile(r"<script>alert|<img src=x|<svg/onload|href=\"javascript:", re.I)


def _json_ld(html: str) -> list:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]  # fails on a block a name broke


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_display_name_and_a_biography_are_text(client, make_member, make_resource, payload):
    author = make_member("Marie Tremblay")
    make_resource("Notes de cours", authors=[author])
    client.force_login(author)

    response = client.post(
        "/fr/compte/profil/",
        profile_form(author, display_name=f"Marie {payload}", bio=f"Bio {payload}"),
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert (author.display_name, author.bio) == (f"Marie {payload}", f"Bio {payload}")
    client.logout()
    page = client.get(f"/fr/auteurs/{author.slug}/").content.decode()
    assert not LIVE_MARKUP.search(page)
    assert any(
        item.get("name") == f"Marie {payload}" for block in _json_ld(page) for item in _items(block)
    )


def _items(block):
    if isinstance(block, list):
        return block
    return [block, *block.get("@graph", [])]


@pytest.mark.parametrize("link", EVIL_LINKS)
def test_links_other_than_web_addresses_are_refused_and_nothing_is_stored(
    client, make_member, link
):
    author = make_member("Marie Tremblay")
    author.links = "https://apop.qc.ca/"
    author.save()
    client.force_login(author)

    response = client.post(
        "/en/account/profile/",
        profile_form(author, links=f"https://cegep.example/\n{link}", bio="Nouvelle bio"),
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["links"]
    assert "Line 2" in response.context["form"].errors["links"][0]
    author.refresh_from_db()
    assert (author.links, author.bio) == ("https://apop.qc.ca/", "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_rating_comment_is_text(client, make_member, make_resource, payload):
    resource = make_resource("Notes de cours")
    rater = make_member("Luc Gagnon")
    client.force_login(rater)

    client.post(f"/fr/evaluations/{resource.pk}/", {"score": "4", "comment": f"Bien {payload}"})

    assert Rating.objects.get().comment == f"Bien {payload}"
    page = client.get(resource.url).content.decode()
    assert "Bien " in page
    assert not LIVE_MARKUP.search(page)
    _json_ld(page)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_resource_s_title_cannot_break_its_json_ld(client, make_resource, payload):
    resource = make_resource(f"Notes {payload}")

    page = client.get(resource.url).content.decode()

    assert not LIVE_MARKUP.search(page)
    assert any(
        item.get("name") == f"Notes {payload}" for block in _json_ld(page) for item in _items(block)
    )


@pytest.mark.parametrize("payload", PAYLOADS + [f"[lien]({link})" for link in EVIL_LINKS])
def test_the_submission_s_description_becomes_safe_html(client, catalogue, make_member, payload):
    member = make_member("Marie Tremblay", membership_expires_on=a_year_from_now())
    client.force_login(member)

    draft = start_submission(client, description=f"Première partie.\n\n{payload}")

    stored = latest(draft).description
    assert not LIVE_MARKUP.search(stored)
    assert "<script" not in stored.lower()
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):", stored, re.I)
    assert "Première partie." in stored


def test_the_description_keeps_its_plain_text_meaning(client, catalogue, make_member):
    member = make_member("Marie Tremblay", membership_expires_on=a_year_from_now())
    client.force_login(member)

    draft = start_submission(client, **{"description": DESCRIPTION["description"]})

    assert latest(draft).description.count("<p>") == 2
