"""The interface language, in one place: French first, English second."""

from django.conf import settings
from django.utils.translation import get_language

DEFAULT_LANGUAGE = "fr"


def current_language() -> str:
    """« fr » or « en »: the active interface language, French when none is active (e-mails and
    tasks run outside a request)."""
    return (get_language() or DEFAULT_LANGUAGE)[:2]


def is_english() -> bool:
    return current_language() == "en"


def language_of(user) -> str:
    """The language a person reads their e-mails in: their account's, else the site's."""
    code = (getattr(user, "language", "") or "")[:2]
    return code if code in dict(settings.LANGUAGES) else DEFAULT_LANGUAGE
