"""The site's paths in each language (the URL contract, README « URLs available today »): French
words under /fr/, English words under /en/ — `/fr/recherche/` is `/en/search/`. Slugs, codes and
query parameters are the same in both languages (a resource's slug is its own name).

One table serves Django's URL patterns (`localized_route`), the page tree's catalogue segment
(`PagePathConverter`) and the addresses built from a stored page path (`page_path`)."""

import re

from django.urls import translate_url
from django.utils import translation
from django.utils.functional import lazy

from .i18n import DEFAULT_LANGUAGE, current_language

# French word of a path → its English word. A word that is not listed reads the same in both
# languages (`collections`, `disciplines`, `export`, `stripe`…).
ENGLISH_WORDS = {
    "actualiser": "refresh",
    "adapter": "adapt",
    "adhesion": "membership",
    "ajouter": "add",
    "auteurs": "authors",
    "bibliotheque": "library",
    "classer": "file",
    "classement": "classification",
    "commandes": "orders",
    "compte": "account",
    "confidentialite": "privacy",
    "depots": "submissions",
    "depublier": "unpublish",
    "desabonnement": "unsubscribe",
    "dossiers": "folders",
    "etablissement": "institution",
    "evaluations": "ratings",
    "fichiers": "files",
    "flux": "feeds",
    "gains": "earnings",
    "infolettre": "newsletter",
    "nouveau": "new",
    "obtenir": "get",
    "paiement-demo": "demo-payment",
    "panier": "cart",
    "payer": "pay",
    "profil": "profile",
    "recherche": "search",
    "releves": "statements",
    "renommer": "rename",
    "ressources": "resources",
    "retirer": "remove",
    "retirer-de-la-revision": "withdraw",
    "retour": "return",
    "suivre": "follow",
    "supprimer": "delete",
    "ventes": "sales",
    "verification": "review",
}

# The page tree's first segments that are fixed words of the site rather than an editor's slug:
# the catalogue's index page (resources/structure.py creates it). Other pages keep their slug.
PAGE_TREE_WORDS = {"ressources": ENGLISH_WORDS["ressources"]}
_PAGE_TREE_FRENCH = {english: french for french, english in PAGE_TREE_WORDS.items()}

# A route's pieces: converters (<int:pk>) and separators stay, the words between are translated.
_KEPT = re.compile(r"(<[^>]*>|[/.])")


def english_route(route: str) -> str:
    """« panier/ajouter/<int:resource_id>/ » → « cart/add/<int:resource_id>/ »."""
    return "".join(
        piece if _KEPT.fullmatch(piece) else ENGLISH_WORDS.get(piece, piece)
        for piece in _KEPT.split(route)
    )


def _route_in_language(route: str) -> str:
    return english_route(route) if current_language() == "en" else route


# path(localized_route("recherche/"), …) inside i18n_patterns: Django resolves and reverses a lazy
# route in the active language, as it would a gettext_lazy one.
localized_route = lazy(_route_in_language, str)


def page_path(path: str, language: str | None = None) -> str:
    """A page's path below the site root (« ressources/x/ ») as it reads in `language` (the
    active one by default): « resources/x/ » in English."""
    if (language or current_language()) != "en":
        return path
    first, slash, rest = path.partition("/")
    return f"{PAGE_TREE_WORDS[first]}{slash}{rest}" if first in PAGE_TREE_WORDS else path


class PagePathConverter:
    """Wagtail's page paths (its own pattern) with the catalogue's word in the URL's language:
    under /en/, `resources/x/` serves the page stored at `ressources/x/`, and reversing a page
    gives its English path. `/en/ressources/x/` matches nothing, so the locale middleware sends
    it to its English address (301) instead of serving one page at two addresses."""

    regex = r"(?:[\w\-]+/)*"

    def to_python(self, value: str) -> str:
        if current_language() != "en":
            return value
        first, slash, rest = value.partition("/")
        if first in PAGE_TREE_WORDS:
            raise ValueError(value)
        return f"{_PAGE_TREE_FRENCH[first]}{slash}{rest}" if first in _PAGE_TREE_FRENCH else value

    def to_url(self, value: str) -> str:
        return page_path(value)


_FRENCH_WORDS = {english: french for french, english in ENGLISH_WORDS.items()}


class WordConverter:
    """A path segment that is one of the site's words (a submission's step, « fichiers »), in
    the URL's language: views get the French word whatever the language; under /en/ the French
    form matches nothing, so that the locale middleware sends it to its English address."""

    regex = r"[a-z][a-z-]*"

    def to_python(self, value: str) -> str:
        if current_language() != "en":
            return value
        if value in ENGLISH_WORDS and ENGLISH_WORDS[value] != value:
            raise ValueError(value)
        return _FRENCH_WORDS.get(value, value)

    def to_url(self, value: str) -> str:
        return ENGLISH_WORDS.get(value, value) if current_language() == "en" else value


def english_address(path: str, query: str = "") -> str | None:
    """Where a French path under /en/ lives on the English site, with its query string:
    « /en/recherche/ », « q=x » → « /en/search/?q=x »; None when `path` has no other English
    form (already English, unknown, or not under /en/)."""
    if not path.startswith("/en/"):
        return None
    # An old link may lack its final slash (Django's APPEND_SLASH would have added it).
    for candidate in (path, f"{path}/") if not path.endswith("/") else (path,):
        french = f"/{DEFAULT_LANGUAGE}/{candidate.removeprefix('/en/')}"
        with translation.override(DEFAULT_LANGUAGE):
            english = translate_url(f"{french}?{query}" if query else french, "en")
        if english.startswith("/en/") and english.partition("?")[0] != candidate:
            return english
    return None
