"""After a first download without an account, an invitation to open one, saying what it brings
(a library that keeps downloads and purchases, followed authors, the visitor's disciplines on
the home page, ratings). Shown on resource pages until the visitor signs in or says « no
thanks »; never to someone signed in. Kept in the session: no account, no cookie of its own."""

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from core.redirects import safe_next

DOWNLOADS_KEY = "apop:anonymous-downloads"
DISMISSED_KEY = "apop:account-invitation-dismissed"


def note_download(request) -> None:
    """Count a download made without an account (signed-in people are never invited)."""
    if request.user.is_authenticated:
        return
    request.session[DOWNLOADS_KEY] = int(request.session.get(DOWNLOADS_KEY, 0)) + 1


def invitation_state(request) -> str:
    """What the invitation does for this visitor: "after-download" (they downloaded already:
    show it), "on-download" (anonymous: show it once they download, apop.js), or an empty
    string (never: signed in, or they dismissed it)."""
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return ""
    session = getattr(request, "session", None)
    if session is None or session.get(DISMISSED_KEY):
        return ""
    return "after-download" if session.get(DOWNLOADS_KEY) else "on-download"


def account_invitation(request) -> dict:
    """Context processor: `account_invitation`, read only by the templates that show it."""
    return {"account_invitation": lambda: invitation_state(request)}


@require_POST
def dismiss(request):
    """« No thanks »: the invitation is not shown again in this session."""
    request.session[DISMISSED_KEY] = True
    return redirect(safe_next(request, "/"))
