"""Public author pages (/<lang>/auteurs/<slug>/) and following an author."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.redirects import safe_next

from .. import profiles


def author_page(request, slug):
    """A member's public page: profile, figures and published resources; never the e-mail."""
    author = profiles.author_by_slug(slug)
    data = profiles.author_page(author, request)
    return TemplateResponse(request, "accounts/author.html", {"author_page": data})


@require_POST
def follow(request, slug):
    """POST: follow (action=follow) or stop following (action=unfollow) an author; without an
    action, toggles. Anonymous visitors are sent to log in, then back to the author page."""
    # Only an author with a public page may be followed; one who lost it may still be
    # unfollowed by those who follow them. Any other address answers 404 exactly like an
    # unknown one, whoever asks and whatever the action: who has an account must not leak.
    author = get_object_or_404(get_user_model(), slug=slug)
    followed = (
        request.user.is_authenticated and author.followers.filter(follower=request.user).exists()
    )
    if not followed and not profiles.has_author_page(author):
        raise Http404
    page_url = reverse("authors:detail", args=[author.slug])
    if not request.user.is_authenticated:
        return redirect_to_login(page_url)
    back = safe_next(request, page_url)
    if author.pk == request.user.pk:
        messages.error(request, _("You cannot follow yourself."))
        return redirect(back)
    name = author.get_full_name()
    action = request.POST.get("action")
    if action not in ("follow", "unfollow"):
        action = "unfollow" if followed else "follow"
    if action == "unfollow":
        profiles.unfollow(request.user, author)
        messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
        return redirect(back)
    if not profiles.has_author_page(author):
        raise Http404
    profiles.follow(request.user, author)
    messages.success(
        request,
        _("You now follow %(name)s: their new resources will appear in your library.")
        % {"name": name},
    )
    return redirect(back)
