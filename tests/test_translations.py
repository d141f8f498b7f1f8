"""The French and English catalogues are complete: every interface string is translated, and
the catalogues hold every string the code and templates use."""

import os
import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from tests.helpers import ON_CI, REPO

LANGUAGES = ("fr", "en")
SOURCES = (
    "apop",
    "core",
    "accounts",
    "home",
    "resources",
    "search",
    "boutique",
    "files",
    "oai",
    "submissions",
    "members",
    "newsletter",
    "institutions",
    "api",
    "feeds",
    "demo",
    "templates",
    "locale",
)


def _catalogue(lang, root=REPO):
    with (root / "locale" / lang / "LC_MESSAGES" / "django.po").open("rb") as po_file:
        return read_po(po_file)


def _msgids(catalog):
    return {message.id for message in catalog if message.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(lang):
    catalog = _catalogue(lang)

    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (message.fuzzy or not (all(message.string) if message.pluralizable else message.string))
    ]
    assert untranslated == []
    assert len(_msgids(catalog)) > 50


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    if shutil.which("xgettext") is None:
        message = "GNU gettext (xgettext) is not installed: cannot re-extract the strings"
        if ON_CI:
            pytest.fail(message)
        pytest.skip(message)
    copy = tmp_path / "repo"
    copy.mkdir()
    shutil.copy(REPO / "manage.py", copy)
    for name in SOURCES:
        shutil.copytree(
            REPO / name, copy / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "apop.settings.dev",
        "DATABASE_URL": "sqlite://:memory:",
    }

    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "fr",
            "--locale",
            "en",
            "--no-obsolete",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )

    for lang in LANGUAGES:
        missing = _msgids(_catalogue(lang, copy)) - _msgids(_catalogue(lang))
        assert missing == set(), f"run `make messages` and translate these ({lang}): {missing}"
