"""What holds for every address under /api/, whoever answers it.

- Errors are JSON: an address no endpoint answers (404), a method an endpoint does not take
  (405), a request Django refuses (400), a crash (500) come from Django or django-ninja as HTML or
  plain text; here they become {"detail": "…"} with the same status, in the language of the
  request (`lang`, else the interface's).
- HEAD is answered as GET (django-ninja routes GET only); the server sends the headers alone."""

import json

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language, normalise_language

API_PREFIX = "/api/"

MESSAGES = {
    400: _("Bad request."),
    404: _("Nothing here: see /api/v1/docs for the endpoints of the API."),
    405: _("This endpoint answers GET requests only."),
    500: _("Server error: the team has been told."),
}


def _language(request) -> str:
    try:
        lang = request.GET.get("lang")
    except Exception:  # a request too big to parse (400) still gets its answer
        lang = None
    return normalise_language(lang or current_language())


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"  # what servers (and the test client) strip the body for
        if response.status_code < 400 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        status = response.status_code
        with translation.override(_language(request)):
            message = str(MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400]))
        answer = HttpResponse(
            json.dumps({"detail": message}, ensure_ascii=False),
            status=status,
            content_type="application/json",
        )
        if "Allow" in response:
            answer["Allow"] = response["Allow"]
        return answer


def not_found(request):
    """Any address under /api/ that no endpoint answers (the middleware words the 404)."""
    return HttpResponse(status=404)
