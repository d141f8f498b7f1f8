"""The discipline index and the rating form. Thin: the work is in listing.py and ratings.py.
(A discipline's own page is a search with a fixed facet: search/views.py.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import RatingForm
from .models import Discipline, ResourcePage
from .ratings import can_rate, rate


def discipline_index(request):
    """/<lang>/disciplines/: every discipline with its code and number of published resources."""
    disciplines = Discipline.objects.annotate(
        resource_count=Count("resources", filter=Q(resources__live=True), distinct=True)
    ).order_by("code")
    return TemplateResponse(
        request, "resources/discipline_index.html", {"disciplines": list(disciplines)}
    )


@login_required
@require_POST
def rate_resource(request, page_id):
    """POST: create or update my rating of a resource, then back to its page."""
    resource = get_object_or_404(ResourcePage.objects.live().public(), pk=page_id)
    if not can_rate(request.user, resource):
        messages.error(request, _("You cannot rate your own resource."))
        return redirect(resource.get_url(request=request))
    form = RatingForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(resource.get_url(request=request) + "#evaluations")
    rate(request.user, resource, form.cleaned_data["score"], form.cleaned_data["comment"])
    messages.success(request, _("Thank you: your rating is saved."))
    return redirect(resource.get_url(request=request) + "#evaluations")
