"""Language middleware for a site whose public pages live under /fr/ and /en/."""

from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one redirect.

    Django turns a 404 into a redirect to /fr/<path> when that path would resolve — and with
    Wagtail's catch-all page route under /fr/, every path would. A 404 raised by a view that did
    match its URL (a download, an admin screen, the health probe) must stay a 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            language_from_path = request.path_info.split("/")[1:2]
            if not language_from_path or language_from_path[0] not in ("fr", "en"):
                return response
        return super().process_response(request, response)
