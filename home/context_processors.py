"""Context shared by every page: footer links and the other language's address of this page."""

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Site

from core.i18n import current_language

from .site_links import links_for


def site(request):
    """Footer links (cached) and the language switch for the current page."""
    current = current_language()
    path = request.get_full_path()
    languages = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": current == code,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "site_links": links_for(Site.find_for_request(request), request),
        "languages": languages,
        "other_languages": [lang for lang in languages if not lang["current"]],
    }
