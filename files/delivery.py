"""Handing a private file to a browser: a redirect to a short-lived presigned URL when the files
are in S3 (no file bytes pass through Django), the file streamed from the local folder
otherwise. Either way the browser saves it under its display name."""

import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import storages
from django.http import FileResponse, HttpResponseRedirect

# Characters a header must not carry (CR, LF and other controls) and those that make a name
# display misleadingly (bidirectional overrides, zero-width characters).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _is_s3(storage) -> bool:
    from storages.backends.s3 import S3Storage

    return isinstance(storage, S3Storage)


def safe_file_name(name: str) -> str:
    cleaned = _UNSAFE.sub("", unicodedata.normalize("NFC", name)).replace("/", "_")
    return cleaned.replace("\\", "_").strip().strip(".") or "fichier"


def content_disposition(name: str, kind: str = "attachment") -> str:
    """`attachment` (or `inline`) with the name as RFC 6266 asks: an ASCII `filename` every
    browser reads (accents dropped, quotes and backslashes replaced) and, when the name is not
    plain ASCII, `filename*` with its UTF-8 form, which current browsers prefer."""
    name = safe_file_name(name)
    fallback = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace('"', "'")
    )
    fallback = fallback.replace("%", "_").strip()
    stem, dot, suffix = fallback.rpartition(".")
    if not fallback or (dot and not stem.strip()):  # nothing left but ".txt": name it
        fallback = f"fichier.{suffix}" if dot else "fichier"
    if fallback == name:
        return f'{kind}; filename="{name}"'
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


class FileMissing(Exception):
    """The storage has no object under a file's key (a bug or a lost object: logged, never
    handed out as a link to nothing)."""


def deliver(field_file, *, name: str, content_type: str, inline: bool = False):
    """The response that hands `field_file` (a private FieldFile) to the browser as `name`;
    `inline`: shown in the browser (the editors' review) rather than saved. Raises FileMissing
    when the object is not in the storage; a storage that does not answer raises its own error
    (the 503 page, core/outages.py)."""
    storage = storages["private"]
    disposition = content_disposition(name, "inline" if inline else "attachment")
    if _is_s3(storage):
        # One HEAD request: a presigned link is made without asking S3, so without it a down
        # server or a lost object would show the browser's error (or S3's XML) instead of ours.
        if not storage.exists(field_file.name):
            raise FileMissing(field_file.name)
        url = storage.url(
            field_file.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
            expire=settings.S3_PRESIGNED_EXPIRY,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(storage.open(field_file.name, "rb"), content_type=content_type)
        response["Content-Disposition"] = disposition
    # The answer depends on who asks: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response
