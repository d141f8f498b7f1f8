"""The local representative's page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404


@login_required
def institution_page(request):
    # Built by issue 18 (point 1); until then nobody has an institution page.
    raise Http404
