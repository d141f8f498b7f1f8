"""Wagtail's own log-in and password-reset URLs lead to allauth's.

Wagtail's log-in forms (the admin's, and the front end's `_util/login/` that private pages and
view-restricted documents send visitors to) would be other ways in that skip allauth's lockout
and its refusal of unconfirmed addresses, and its reset form is unthrottled: these views answer
those URLs first (apop/urls.py) and never authenticate anyone or send anything."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.redirects import safe_next


@require_http_methods(["GET", "HEAD", "POST"])
def admin_login(request):
    """GET or POST /admin/login/ (WAGTAILADMIN_LOGIN_URL): a visitor goes to the site's log-in,
    keeping a safe `next` (the admin's home otherwise); a posted password is ignored. A signed-in
    account without admin access is refused here (sending it to the site's log-in, which returns
    signed-in people to `next`, would loop)."""
    target = safe_next(request, reverse("wagtailadmin_home"), source=request.GET)
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return HttpResponseRedirect(target)
        raise PermissionDenied
    return redirect_to_login(target, login_url=reverse("account_login"))


@require_http_methods(["GET", "HEAD", "POST"])
def admin_password_reset(request, rest=""):
    """Any /admin/password_reset/… URL: to the site's throttled reset; nothing is sent."""
    return HttpResponseRedirect(reverse("account_reset_password"))


@require_http_methods(["GET", "HEAD", "POST"])
def frontend_login(request):
    """GET or POST /<lang>/_util/login/ (Wagtail's log-in for private pages and documents, when
    something still links to it; WAGTAIL_FRONTEND_LOGIN_URL sends them to allauth directly): the
    site's log-in with the same safe `next`; a posted password is ignored."""
    target = safe_next(request, "/", source=request.GET)
    return redirect_to_login(target, login_url=reverse("account_login"))
