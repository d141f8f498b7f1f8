"""Language middleware for a site whose public pages live under /fr/ and /en/."""

from django.http import HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware

from core.paths import english_address


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one redirect, plus another.

    Django turns a 404 into a redirect to /fr/<path> when that path would resolve — and with
    Wagtail's catch-all page route under /fr/, every path would. A 404 raised by a view that did
    match its URL (a download, an admin screen, the health probe) must stay a 404.

    The English site's paths are English (core/paths.py): a French path under /en/ (an old
    bookmark, a hand-edited address) matches nothing there, and answers 301 to its English
    address — 308 for a form's POST, which a browser repeats at the new address."""

    def process_response(self, request, response):
        if response.status_code == 404:
            english = english_address(request.path_info, request.META.get("QUERY_STRING", ""))
            if english is not None:
                status = 301 if request.method in ("GET", "HEAD") else 308
                return super().process_response(
                    request, HttpResponsePermanentRedirect(english, status=status)
                )
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            language_from_path = request.path_info.split("/")[1:2]
            if not language_from_path or language_from_path[0] not in ("fr", "en"):
                return response
        return super().process_response(request, response)
