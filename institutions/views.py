"""The local representative's page (/<lang>/compte/etablissement/): each institution they
represent. Everybody else gets a 404 — the page of an institution does not exist for them (as
another buyer's order does not); visitors are asked to log in first."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import overview


@login_required
@require_GET
def institution_page(request):
    overviews = overview.overviews_for(request.user)
    if not overviews:
        raise Http404
    return TemplateResponse(request, "institutions/page.html", {"overviews": overviews})
