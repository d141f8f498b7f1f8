"""The interface language, in one place: French first, English second."""

from django.conf import settings
from django.utils.translation import get_language

DEFAULT_LANGUAGE = "fr"


def _known(code: str | None) -> str | None:
    """« fr » or « en » for a language code of the site (« en-ca », « en_US »…), else None."""
    code = (code or "")[:2].lower()
    return code if code in dict(settings.LANGUAGES) else None


def normalise_language(code: str | None) -> str:
    """« en » for English (« en », « en-ca », « en_US »…), « fr » for anything else."""
    return _known(code) or DEFAULT_LANGUAGE


def current_language() -> str:
    """« fr » or « en »: the active interface language, French when none is active (e-mails and
    tasks run outside a request)."""
    return normalise_language(get_language())


def is_english() -> bool:
    return current_language() == "en"


def language_of(user, fallback: str | None = None) -> str:
    """The language a person reads their e-mails in: their account's, else `fallback` (e.g. the
    language an order was placed in, or of the request), else the site's."""
    return _known(getattr(user, "language", "")) or normalise_language(fallback)
