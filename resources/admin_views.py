"""Admin views of the catalogue: the editor's validation of a resource (« ressource validée »),
outside the revision history — validating is a judgement on the published resource, not an edit of
its content —, and the author chooser's search."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles

from .admin_widgets import find_people
from .detail import bump_catalogue_version
from .models import ResourcePage


def may_validate(user) -> bool:
    """Editors (and superusers) give the « ressource validée » badge."""
    return roles.is_editor(user)


def toggle_validation(request, page_id):
    """GET: confirm; POST: give or remove the badge, recording who and when."""
    if not may_validate(request.user):
        raise PermissionDenied
    page = get_object_or_404(ResourcePage, pk=page_id)
    if request.method == "POST":
        if page.validated_at:
            ResourcePage.objects.filter(pk=page.pk).update(validated_at=None, validated_by=None)
            messages.success(
                request,
                _("“%(title)s” is no longer marked as validated.") % {"title": page.title},
            )
        else:
            ResourcePage.objects.filter(pk=page.pk).update(
                validated_at=timezone.now(), validated_by=request.user
            )
            messages.success(
                request, _("“%(title)s” is now a validated resource.") % {"title": page.title}
            )
        bump_catalogue_version()
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "resources/admin/confirm_validation.html", {"page": page})


def author_search(request):
    """The author chooser's suggestions (resources/admin_widgets.py), for editors only:
    {"results": [{"id", "name", "email"}]}."""
    if not roles.is_editor(request.user):
        raise PermissionDenied
    people = find_people(request.GET.get("q", ""))
    return JsonResponse(
        {
            "results": [
                {"id": user.pk, "name": user.get_full_name(), "email": user.email}
                for user in people
            ]
        }
    )
