"""The shared helpers of core/: safe redirects, the interface language, the e-mails' subject."""

from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import translation

from core.i18n import current_language, language_of, normalise_language
from core.mail import one_line
from core.redirects import safe_next

DEFAULT = "/fr/panier/"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/fr/ressources/limites/", "/fr/ressources/limites/"),
        ("http://testserver/fr/compte/", "http://testserver/fr/compte/"),
        ("https://ailleurs.example/", DEFAULT),
        ("//ailleurs.example/", DEFAULT),
        ("javascript:alert(1)", DEFAULT),
        ("", DEFAULT),
    ],
)
def test_next_is_followed_only_to_this_site(target, expected):
    request = RequestFactory().post("/fr/panier/retirer/1/", {"next": target})

    assert safe_next(request, DEFAULT) == expected


def test_next_is_read_from_the_query_string_when_told():
    request = RequestFactory().get("/admin/login/", {"next": "/admin/pages/"})

    assert safe_next(request, "/admin/") == "/admin/"
    assert safe_next(request, "/admin/", source=request.GET) == "/admin/pages/"


def test_a_secure_request_is_not_sent_back_over_http():
    request = RequestFactory().post("/", {"next": "http://testserver/fr/"}, secure=True)

    assert safe_next(request, DEFAULT) == DEFAULT


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "en"), ("en-ca", "en"), ("en_US", "en"), ("EN", "en"), ("fr-ca", "fr"), ("de", "fr")],
)
def test_language_codes_become_fr_or_en(code, expected):
    assert normalise_language(code) == expected


def test_the_current_language_is_french_outside_a_request():
    with translation.override(None):
        assert current_language() == "fr"
    with translation.override("en-ca"):
        assert current_language() == "en"


def test_a_person_s_language_then_the_fallback_then_french():
    english, unset = SimpleNamespace(language="en"), SimpleNamespace(language="")

    assert language_of(english, fallback="fr") == "en"
    assert language_of(unset, fallback="en") == "en"
    assert language_of(None, fallback="de") == "fr"
    assert language_of(None) == "fr"


def test_a_subject_is_one_line_and_keeps_its_no_break_spaces():
    assert one_line("\n  Votre adhésion se termine le 23\u00a0novembre\n 2026 \n") == (
        "Votre adhésion se termine le 23\u00a0novembre 2026"
    )
