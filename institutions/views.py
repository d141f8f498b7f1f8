"""The local representative's page, and the files of the institution's monthly statements."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from . import exports, statements


@login_required
def institution_page(request):
    # Built by issue 18 (point 1); until then nobody has an institution page.
    raise Http404


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
