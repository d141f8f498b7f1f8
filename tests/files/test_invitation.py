"""After a first download without an account, the resource page invites the visitor to open
one and says what it brings; « No thanks » hides it; signed-in people never see it."""

import re

import pytest

pytestmark = pytest.mark.django_db

INVITE = "data-account-invite"


@pytest.fixture
def free(make_resource):
    return make_resource(
        "Notes de cours : limites",
        slug="limites",
        files=(("notes.txt", b"Exercice 1 : calculez la limite.\n"),),
    )


def _invite(html: str) -> str:
    match = re.search(r"<section class=\"account-invite\"[^>]*>.*?</section>", html, re.S)
    return match.group(0) if match else ""


def test_before_any_download_the_invitation_waits_hidden_for_the_first_one(client, free):
    invite = _invite(client.get(free.url).content.decode())

    # apop.js shows it when a download link is used; without JavaScript, the next page does.
    assert re.search(rf"{INVITE} hidden>", invite)


def test_after_a_first_download_the_invitation_says_what_an_account_brings(client, free):
    response = client.get(f"/telechargement/{free.pk}/")
    b"".join(response.streaming_content)

    invite = _invite(client.get(free.url).content.decode())

    assert response.status_code == 200
    assert re.search(rf"{INVITE}>", invite)  # shown
    assert "Gardez ce que vous téléchargez" in invite
    assert "une bibliothèque qui garde vos téléchargements et vos achats" in invite
    assert "des auteurs que vous suivez" in invite
    assert 'href="/fr/compte/signup/?next=/fr/ressources/limites/"' in invite


def test_one_file_counts_as_a_download_too(client, free):
    entry = free.files.get()
    b"".join(client.get(f"/telechargement/{free.pk}/{entry.pk}/").streaming_content)

    assert re.search(rf"{INVITE}>", _invite(client.get(free.url).content.decode()))


def test_no_thanks_hides_it_for_the_rest_of_the_visit(client, free):
    b"".join(client.get(f"/telechargement/{free.pk}/").streaming_content)

    response = client.post("/telechargement/invitation/fermer/", {"next": free.url})

    assert response.status_code == 302
    assert response["Location"] == free.url
    assert _invite(client.get(free.url).content.decode()) == ""


def test_no_thanks_never_sends_elsewhere(client, free):
    response = client.post("/telechargement/invitation/fermer/", {"next": "https://evil.example/"})

    assert response["Location"] == "/"
    assert client.get("/telechargement/invitation/fermer/").status_code == 405


def test_signed_in_people_are_never_invited(client, free, make_member):
    client.force_login(make_member("Léa Enseignante"))
    b"".join(client.get(f"/telechargement/{free.pk}/").streaming_content)

    html = client.get(free.url).content.decode()

    assert INVITE not in html
    assert "account-invite" not in html
