"""Attribution texts (TASL: title, author, source, licence), in French and English.

Pure functions over `Work`, a plain snapshot of a resource and of what it was adapted from, so
that pages, downloads (ATTRIBUTION.txt, LICENCE.txt) and metadata all say the same thing. The
format is the one Creative Commons recommends ("Title" by Author, licensed under CC BY 4.0),
with French typography: « guillemets » with non-breaking spaces inside, and a non-breaking space
before a colon.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from core.i18n import normalise_language
from resources.licences import NBSP, Licence, get_licence

# A chain longer than this is cut: it guards against cycles (a resource adapted from itself,
# through a data error) and keeps the credit readable.
MAX_ADAPTATION_LEVELS = 10


@dataclass(frozen=True)
class Work:
    """What attribution needs to know about a resource, independent of the models."""

    title: str
    authors: tuple[str, ...]  # display names, in order
    url: str  # absolute URL of the work (or "" when unknown)
    licence_id: str  # a key of LICENCES
    adapted_from: Work | None = None


# Every phrase, per language. The builders below take a `wrap(text, url, rel)` function that
# returns the text as is (plain text) or escaped and linked (HTML), so both say the same thing.
_PHRASES = {
    "fr": {
        "open_quote": f"«{NBSP}",
        "close_quote": f"{NBSP}»",
        "by": "de",
        "and": "et",
        "unknown_author": "auteur inconnu",
        "by_unknown": "d'un auteur inconnu",
        "licensed": ", sous licence {licence}.",
        "public_domain": ", dédié au domaine public ({licence}).",
        "reserved": (". Tous droits réservés; utilisation selon la {licence} de la boutique APOP."),
        "reserved_link": "licence d'utilisation",
        "source": f"Source{NBSP}:",
        "adapted": ["Adapté de", "Lui-même adapté de"],
    },
    "en": {
        "open_quote": "“",
        "close_quote": "”",
        "by": "by",
        "and": "and",
        "unknown_author": "unknown author",
        "by_unknown": "by an unknown author",
        "licensed": ", licensed under {licence}.",
        "public_domain": ", dedicated to the public domain ({licence}).",
        "reserved": ". All rights reserved; used under the APOP boutique {licence}.",
        "reserved_link": "licence of use",
        "source": "Source:",
        "adapted": ["Adapted from", "Itself adapted from"],
    },
}

_FILE_LABELS = {
    "fr": {
        "title": f"Titre{NBSP}:",
        "authors": f"Auteur(s){NBSP}:",
        "source": f"Source{NBSP}:",
        "unknown_source": "inconnue",
        "licence": f"Licence{NBSP}:",
        "deed": f"Résumé de la licence{NBSP}:",
        "adapted": [f"Adapté de{NBSP}:", f"Lui-même adapté de{NBSP}:"],
        "credit": f"Pour citer cette ressource{NBSP}:",
        "spdx": f"Identifiant SPDX{NBSP}:",
        "legal": f"Texte juridique{NBSP}:",
        "allows": f"Ce que la licence permet{NBSP}:",
        "conditions": f"Conditions{NBSP}:",
        "collection": f"Collection{NBSP}:",
        "folder": f"Dossier{NBSP}:",
    },
    "en": {
        "title": "Title:",
        "authors": "Author(s):",
        "source": "Source:",
        "unknown_source": "unknown",
        "licence": "License:",
        "deed": "License deed:",
        "adapted": ["Adapted from:", "Itself adapted from:"],
        "credit": "To credit this resource:",
        "spdx": "SPDX identifier:",
        "legal": "Legal code:",
        "allows": "What the license allows:",
        "conditions": "Conditions:",
        "collection": "Collection:",
        "folder": "Folder:",
    },
}

Wrap = Callable[[str, str, str], str]


def _plain(text: str, url: str = "", rel: str = "") -> str:
    return text


def _linkable(url: str) -> bool:
    """Only web addresses and our own pages become links: a "javascript:" URL typed in as an
    external source would survive escaping and run on click."""
    return url.lower().startswith(("https://", "http://", "/"))


def _html(text: str, url: str = "", rel: str = "") -> str:
    if not _linkable(url):
        return escape(text)
    if rel:
        return format_html('<a href="{}" rel="{}">{}</a>', url, rel, text)
    return format_html('<a href="{}">{}</a>', url, text)


def join_names(names: tuple[str, ...] | list[str], lang: str = "fr") -> str:
    """ "A", "A et B", "A, B et C" ("and" in English); "auteur inconnu" when there is none."""
    phrases = _PHRASES[normalise_language(lang)]
    names = [name for name in names if name.strip()]
    if not names:
        return phrases["unknown_author"]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {phrases['and']} {names[-1]}"


# "de Marie" but "d'Amina", "d'Émile": French elides "de" before a vowel. Names starting with
# "h" or "y" are left alone, since whether they elide depends on the name.
_FRENCH_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæ")


def _by_authors(authors: tuple[str, ...], lang: str) -> str:
    """ "de A et B" / "by A and B", eliding to "d'A…" in French, "d'un auteur inconnu"."""
    phrases = _PHRASES[lang]
    if not any(name.strip() for name in authors):
        return phrases["by_unknown"]
    names = join_names(authors, lang)
    if lang == "fr" and names[0].lower() in _FRENCH_VOWELS:
        return f"d'{names}"
    return f"{phrases['by']} {names}"


def adaptation_chain(work: Work) -> list[Work]:
    """The works `work` was adapted from, nearest first, cut at MAX_ADAPTATION_LEVELS."""
    chain: list[Work] = []
    source = work.adapted_from
    while source is not None and len(chain) < MAX_ADAPTATION_LEVELS:
        chain.append(source)
        source = source.adapted_from
    return chain


def _credit(work: Work, lang: str, wrap: Wrap) -> str:
    """ "« T » de A, sous licence L. Source : U" for one work, without its sources."""
    phrases = _PHRASES[lang]
    licence = get_licence(work.licence_id)
    title = wrap(work.title, work.url, "")
    authors = wrap(_by_authors(work.authors, lang), "", "")
    text = f"{phrases['open_quote']}{title}{phrases['close_quote']} {authors}"
    text += _licence_phrase(licence, lang, wrap)
    if work.url:
        text += f" {phrases['source']} {wrap(work.url, work.url, '')}"
    return text


def _licence_phrase(licence: Licence, lang: str, wrap: Wrap) -> str:
    phrases = _PHRASES[lang]
    deed_url = licence.deed_url(lang)
    if not licence.is_open:
        link = wrap(phrases["reserved_link"], deed_url, "license")
        return phrases["reserved"].format(licence=link)
    link = wrap(licence.short(lang), deed_url, "license")
    key = "public_domain" if licence.is_public_domain else "licensed"
    return phrases[key].format(licence=link)


def _adapted_label(level: int, labels: list[str]) -> str:
    return labels[0] if level == 0 else labels[1]


def _attribution(work: Work, lang: str, wrap: Wrap) -> str:
    phrases = _PHRASES[lang]
    parts = [_credit(work, lang, wrap)]
    for level, source in enumerate(adaptation_chain(work)):
        label = _adapted_label(level, phrases["adapted"])
        parts.append(f"{label} {_credit(source, lang, wrap)}")
    return " ".join(parts)


def attribution_text(work: Work, lang: str = "fr") -> str:
    """The credit line to copy, in plain text, one paragraph (fr, or en)."""
    return _attribution(work, normalise_language(lang), _plain)


def attribution_html(work: Work, lang: str = "fr") -> SafeString:
    """The same credit line in HTML: every field escaped, title and licence linked.

    The licence link carries rel="license" (the microformat search engines read); stripping
    the tags and unescaping gives back exactly `attribution_text`.
    """
    # Safe: every piece of user data went through escape() or format_html() in _html.
    return mark_safe(_attribution(work, normalise_language(lang), _html))


def _absolute(url: str, site_url: str) -> str:
    """Our own licence pages are site-relative; a downloaded file needs the full address."""
    if url.startswith("/") and site_url:
        return site_url.rstrip("/") + url
    return url


def _full_licence_name(licence: Licence, lang: str) -> str:
    """ "CC BY 4.0 — Attribution 4.0 International"; the name alone when it starts with the
    short name ("CC0 1.0 Universel", "Tous droits réservés — licence d'utilisation")."""
    name = licence.name(lang)
    short = licence.short(lang)
    return name if name.startswith(short) else f"{short} — {name}"


def _attribution_block(work: Work, lang: str, site_url: str) -> list[str]:
    labels = _FILE_LABELS[lang]
    licence = get_licence(work.licence_id)
    lines = [
        f"{labels['title']} {work.title}",
        f"{labels['authors']} {join_names(work.authors, lang)}",
        f"{labels['source']} {work.url or labels['unknown_source']}",
        f"{labels['licence']} {_full_licence_name(licence, lang)}",
        f"{labels['deed']} {_absolute(licence.deed_url(lang), site_url)}",
    ]
    for level, source in enumerate(adaptation_chain(work)):
        label = _adapted_label(level, labels["adapted"])
        lines.append(f"{label} {_credit(source, lang, _plain)}")
    lines += ["", labels["credit"], attribution_text(work, lang)]
    return lines


def attribution_file(work: Work, *, site_url: str = "") -> str:
    """The content of ATTRIBUTION.txt: French block, a "----" line, English block.

    `site_url` (e.g. "https://boutique.apop.example") makes our site-relative licence page
    absolute, since the file is read away from the site.
    """
    lines = [
        *_attribution_block(work, "fr", site_url),
        "----",
        *_attribution_block(work, "en", site_url),
    ]
    return "\n".join(lines) + "\n"


def collection_attribution_file(
    title: str, url: str, works: list[tuple[str, Work]], *, site_url: str = ""
) -> str:
    """The ATTRIBUTION.txt of a whole collection's download: the collection, then the credit of
    each resource under the name of its folder; French, a "----" line, English."""
    lines = []
    for lang in ("fr", "en"):
        labels = _FILE_LABELS[lang]
        if lines:
            lines.append("----")
        lines += [f"{labels['collection']} {title}", f"{labels['source']} {url}"]
        for folder, work in works:
            lines += [
                "",
                f"{labels['folder']} {folder}/",
                *_attribution_block(work, lang, site_url),
            ]
    return "\n".join(lines) + "\n"


def _licence_block(licence: Licence, lang: str, site_url: str) -> list[str]:
    labels = _FILE_LABELS[lang]
    return [
        f"{labels['licence']} {licence.short(lang)}",
        licence.name(lang),
        f"{labels['spdx']} {licence.spdx_id}",
        f"{labels['deed']} {_absolute(licence.deed_url(lang), site_url)}",
        f"{labels['legal']} {_absolute(licence.legal_code_url(lang), site_url)}",
        "",
        labels["allows"],
        licence.summary(lang),
        "",
        labels["conditions"],
        *(f"- {condition}" for condition in licence.conditions(lang)),
    ]


def licence_file(licence_id: str, *, site_url: str = "") -> str:
    """The content of LICENCE.txt: names, deed and legal code, plain-words summary, fr then en."""
    licence = get_licence(licence_id)
    lines = [
        *_licence_block(licence, "fr", site_url),
        "----",
        *_licence_block(licence, "en", site_url),
    ]
    return "\n".join(lines) + "\n"


def stamp_paragraphs(work: Work, *, site_url: str = "") -> list[str]:
    """The page added at the end of a PDF in a download package: how to credit the work, its
    licence and what the licence allows, in French then in English."""
    licence = get_licence(work.licence_id)
    paragraphs = []
    for lang in ("fr", "en"):
        labels = _FILE_LABELS[lang]
        paragraphs += [
            attribution_text(work, lang),
            f"{labels['licence']} {_full_licence_name(licence, lang)} — "
            f"{_absolute(licence.deed_url(lang), site_url)}",
            licence.summary(lang),
        ]
    return paragraphs
