"""The local representative's page (/<lang>/compte/etablissement/): each institution they
represent, with its past monthly statements' files. Everybody else gets a 404 — the page of an
institution does not exist for them (as another buyer's order does not); visitors are asked to log
in first."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import exports, overview, statements


@login_required
@require_GET
def institution_page(request):
    overviews = overview.overviews_for(request.user)
    if not overviews:
        raise Http404
    return TemplateResponse(request, "institutions/page.html", {"overviews": overviews})


# kind in the address: (how the file is made, its media type)
_STATEMENT_FILES = {
    "csv": (exports.statement_csv, "text/csv; charset=utf-8"),
    "pdf": (exports.statement_pdf, "application/pdf"),
}


@require_GET
@login_required
def statement_file(request, pk: int, kind: str):
    """A past statement as CSV or PDF, in the reader's language; 404 for anyone but a
    representative of its institution (whether the statement exists is nobody else's business)."""
    if kind not in _STATEMENT_FILES:
        raise Http404
    statement = statements.statement_for_representative(request.user, pk)
    if statement is None:
        raise Http404
    make, content_type = _STATEMENT_FILES[kind]
    response = HttpResponse(make(statement), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(statement, kind)}"'
    # A statement names buyers: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
