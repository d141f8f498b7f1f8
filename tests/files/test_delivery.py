"""How files leave: the Content-Disposition header (RFC 6266, safe whatever the name), local
streaming with the same headers as S3, and the download rate limits with their 429 page."""

import re
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from files.delivery import content_disposition, safe_file_name
from resources.models import Download, ResourcePage

# --- Content-Disposition --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("notes.pdf", 'attachment; filename="notes.pdf"'),
        ("corrigé.pdf", "attachment; filename=\"corrige.pdf\"; filename*=UTF-8''corrig%C3%A9.pdf"),
        (
            'le "bon" fichier.pdf',
            "attachment; filename=\"le 'bon' fichier.pdf\"; "
            "filename*=UTF-8''le%20%22bon%22%20fichier.pdf",
        ),
        ("a\r\nSet-Cookie: x=1.pdf", 'attachment; filename="aSet-Cookie: x=1.pdf"'),
        ("facture\u202etxt.exe", 'attachment; filename="facturetxt.exe"'),
        ("dossier\\notes.pdf", 'attachment; filename="dossier_notes.pdf"'),
        ("../../etc/passwd", 'attachment; filename="_.._etc_passwd"'),
        (
            "100% réussi.txt",
            "attachment; filename=\"100_ reussi.txt\"; filename*=UTF-8''100%25%20r%C3%A9ussi.txt",
        ),
        (
            "مذكرة.pdf",
            "attachment; filename=\"fichier.pdf\"; filename*=UTF-8''%D9%85%D8%B0%D9%83%D8%B1%D8%A9.pdf",
        ),
        ("\x00\x07", 'attachment; filename="fichier"'),
        ("", 'attachment; filename="fichier"'),
    ],
)
def test_content_disposition(name, header):
    assert content_disposition(name) == header


@given(st.text(max_size=80))
def test_any_name_gives_a_header_a_browser_reads_safely(name):
    header = content_disposition(name)

    # One line of printable ASCII: nothing can end the header or start another.
    assert re.fullmatch(r"[\x20-\x7e]+", header)
    assert header.startswith('attachment; filename="')
    quoted = re.match(r'attachment; filename="([^"]*)"(; filename\*=UTF-8\'\'(\S+))?$', header)
    assert quoted is not None
    if quoted.group(3):
        assert unquote(quoted.group(3)) == safe_file_name(name)
    else:
        assert quoted.group(1) == safe_file_name(name)


# --- Rate limits ----------------------------------------------------------------------------


@pytest.fixture
def free(make_resource):
    return make_resource(slug="limites", files=(("exercices.txt", b"Exercice 1\n"),))


def _download(client, page, address="192.0.2.10", **headers):
    response = client.get(f"/telechargement/{page.pk}/", REMOTE_ADDR=address, **headers)
    if response.status_code == 200:
        b"".join(response.streaming_content)
    return response


def _count(page) -> tuple[int, int]:
    return (
        Download.objects.filter(resource=page).count(),
        ResourcePage.objects.get(pk=page.pk).download_count,
    )


@pytest.mark.django_db
def test_a_local_download_streams_with_the_headers_of_an_s3_one(client, free):
    response = _download(client, free)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="limites.zip"'
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_behind_the_proxy_each_visitor_has_their_own_limit(client, settings, free):
    """Production trusts one proxy (ALLAUTH_TRUSTED_PROXY_COUNT): two visitors behind the same
    load balancer are counted apart, and a forged first X-Forwarded-For entry changes nothing."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.DOWNLOADS_PER_HOUR_PER_IP = 1
    balancer = "10.0.0.5"

    first = _download(client, free, balancer, HTTP_X_FORWARDED_FOR="198.51.100.7")
    again = _download(client, free, balancer, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    other = _download(client, free, balancer, HTTP_X_FORWARDED_FOR="198.51.100.8")

    assert (first.status_code, again.status_code, other.status_code) == (200, 429, 200)
    assert _count(free) == (2, 2)


@pytest.mark.django_db
def test_an_address_over_its_hourly_limit_gets_a_429_page_and_nothing_is_recorded(
    client, settings, free
):
    settings.DOWNLOADS_PER_HOUR_PER_IP = 2
    assert [_download(client, free).status_code for _ in range(2)] == [200, 200]

    response = _download(client, free)

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Content-Disposition" not in response
    html = response.content.decode()
    assert "<h1>Trop de téléchargements</h1>" in html
    assert "Les téléchargements rouvrent d’ici une heure." in html
    assert _count(free) == (2, 2)


@pytest.mark.django_db
def test_the_429_page_speaks_the_visitor_s_language(client, settings, free):
    settings.DOWNLOADS_PER_HOUR_PER_IP = 0

    response = _download(client, free, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert "<h1>Too many downloads</h1>" in response.content.decode()


@pytest.mark.django_db
def test_another_address_is_not_limited(client, settings, free):
    settings.DOWNLOADS_PER_HOUR_PER_IP = 1
    assert _download(client, free, "192.0.2.10").status_code == 200
    assert _download(client, free, "192.0.2.10").status_code == 429

    assert _download(client, free, "198.51.100.7").status_code == 200


@pytest.mark.django_db
def test_a_signed_in_user_is_limited_whatever_their_address(client, settings, free, make_member):
    settings.DOWNLOADS_PER_HOUR_PER_USER = 1
    client.force_login(make_member("Luc Gagnon"))
    assert _download(client, free, "192.0.2.10").status_code == 200

    response = _download(client, free, "198.51.100.7")

    assert response.status_code == 429
    assert _count(free) == (1, 1)


@pytest.mark.django_db
def test_one_file_downloads_count_against_the_same_limit(client, settings, free):
    settings.DOWNLOADS_PER_HOUR_PER_IP = 1
    entry = free.files.get()
    assert _download(client, free).status_code == 200

    response = client.get(f"/telechargement/{free.pk}/{entry.pk}/", REMOTE_ADDR="192.0.2.10")

    assert response.status_code == 429


@pytest.mark.django_db
def test_staff_are_not_limited(client, settings, free, make_member):
    settings.DOWNLOADS_PER_HOUR_PER_IP = settings.DOWNLOADS_PER_HOUR_PER_USER = 0
    client.force_login(make_member("Personnel", is_staff=True))

    assert _download(client, free).status_code == 200


@pytest.mark.django_db
def test_the_limit_does_not_keep_the_address(client, settings, free):
    from django.core.cache import cache

    _download(client, free, "203.0.113.99")

    stored = repr(cache._cache) if hasattr(cache, "_cache") else ""
    assert "203.0.113.99" not in stored
    assert "203.0.113.99" not in repr(list(Download.objects.values()))
