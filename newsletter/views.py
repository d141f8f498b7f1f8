"""/<lang>/infolettre/desabonnement/<token>/: leaving the newsletter without logging in."""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import unsubscribe as links


# Mail programs' one-click unsubscribe (RFC 8058) POSTs without cookies or CSRF token: the signed
# token in the URL is what authorises the change, and it only ever withdraws a consent.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    user = links.user_for(token)
    if user is None:
        return render(request, "newsletter/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        links.withdraw(user)
        return render(request, "newsletter/unsubscribe.html", {"done": True})
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"subscribed": user.newsletter_opt_in_at is not None},
    )
