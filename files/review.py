"""A look at a resource's files for the editors, in the admin, without downloading them: the
first page of a PDF as an image, an image file itself, and PDFs and images opened in the browser
(`inline`). resources/review.py lists the files; this module gives it the links (registered as
"review_file_links" by FilesConfig.ready()).

A draft's new files may have no database row yet (they live in the revision), so a link names the
file by its storage key, signed: nobody can point it at another object of the private storage,
and it expires."""

import hashlib

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse

from accounts import roles
from resources.models.pages import private_storage
from resources.uploads.types import IMAGE_TYPES

from . import delivery, pdf
from .packages import PDF_TYPE

SALT = "files.review"
MAX_AGE = 12 * 3600  # seconds a link of the review screen stays valid
PREVIEW_WIDTH = 480
PREVIEW_CACHE_SECONDS = 24 * 3600
MAX_PREVIEW_SOURCE = 50 * 1024 * 1024  # a larger PDF is opened in the browser, not rendered here
INLINE_TYPES = (PDF_TYPE, *IMAGE_TYPES)


def links_for(entry) -> dict:
    """{"preview": image URL, "view": URL that opens the file in the browser} for the types we
    can show; {} for the others."""
    if entry.content_type not in INLINE_TYPES:
        return {}
    token = signing.dumps(
        {"key": entry.file.name, "type": entry.content_type, "name": entry.display_name},
        salt=SALT,
        compress=True,
    )
    return {
        "preview": reverse("files_review_preview", args=[token]),
        "view": reverse("files_review_view", args=[token]),
    }


def _entry(request, token) -> dict:
    if not roles.is_editor(request.user):
        raise PermissionDenied
    try:
        entry = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    if entry.get("type") not in INLINE_TYPES or not private_storage().exists(entry["key"]):
        raise Http404
    return entry


def preview(request, token):
    """The first page of a PDF as a PNG (rendered once, then cached), or the image itself."""
    entry = _entry(request, token)
    if entry["type"] != PDF_TYPE:
        return view(request, token)
    cache_key = "review-preview:" + hashlib.sha256(entry["key"].encode()).hexdigest()
    png = cache.get(cache_key)
    if png is None:
        storage = private_storage()
        if storage.size(entry["key"]) > MAX_PREVIEW_SOURCE:
            raise Http404
        with storage.open(entry["key"], "rb") as source:
            png = pdf.first_page_png(source.read(), width=PREVIEW_WIDTH) or b""
        cache.set(cache_key, png, PREVIEW_CACHE_SECONDS)
    if not png:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def view(request, token):
    """The file itself, shown by the browser (PDF viewer, image) rather than saved."""
    entry = _entry(request, token)

    class _Named:  # what delivery.deliver reads of a FieldFile
        name = entry["key"]

    return delivery.deliver(_Named, name=entry["name"], content_type=entry["type"], inline=True)
