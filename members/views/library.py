"""/<lang>/compte/bibliotheque/: what I downloaded or bought, my ratings, and what the authors
I follow published since."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from ..profiles import library_for


@login_required
def library(request):
    return TemplateResponse(
        request, "accounts/library.html", {"library": library_for(request.user, request)}
    )
