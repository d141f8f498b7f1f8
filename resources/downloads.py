"""Downloads of resource files: /telechargement/<resource id>/ (everything, as a ZIP with the
licence and attribution) and /telechargement/<resource id>/<file id>/ (one file).

Access: free resources for anyone (no account needed, in the REL spirit); paid ones for their
authors and staff until the boutique grants entitlements. The files issue moves this to stored
packages, presigned S3 URLs and rate limits.

Each successful download is recorded (the member's library lists it) and counted on the page."""

import tempfile
import zipfile
from pathlib import PurePosixPath

from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import attribution
from .detail import work_for
from .models import Download, ResourceFile, ResourcePage


def _resource_for(request, resource_id) -> ResourcePage:
    page = ResourcePage.objects.filter(pk=resource_id).first()
    if page is None:
        raise Http404
    user = request.user
    is_insider = user.is_authenticated and (
        user.is_staff or page.authors.filter(pk=user.pk).exists()
    )
    # Unpublished or restricted (Wagtail privacy) resources exist only for their authors and staff.
    if not is_insider and not ResourcePage.objects.live().public().filter(pk=page.pk).exists():
        raise Http404
    page._is_insider = is_insider
    return page


def _may_download(request, page) -> bool:
    return page.price_cents == 0 or page._is_insider


@transaction.atomic
def record_download(page: ResourcePage, user) -> None:
    """One Download row (the user when signed in) and one more on the page's counter. The
    counter is a live-only field: updated on the row in SQL, never through a page save (which
    would make a revision's copy of it matter, and race with concurrent downloads)."""
    Download.objects.create(resource=page, user=user if user.is_authenticated else None)
    ResourcePage.objects.filter(pk=page.pk).update(download_count=F("download_count") + 1)


def download_resource(request, resource_id):
    page = _resource_for(request, resource_id)
    if not _may_download(request, page):
        messages.info(request, _("This resource is for sale: it can be downloaded once obtained."))
        return redirect(page.get_url(request=request))
    files = list(page.files.order_by("sort_order", "pk"))
    if not files:
        raise Http404
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    with zipfile.ZipFile(spooled, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, name in zip(files, archive_names(f.display_name for f in files), strict=True):
            with entry.file.open("rb") as source:
                archive.writestr(name, source.read())
        work = work_for(page, request)
        site_url = request.build_absolute_uri("/").rstrip("/")
        archive.writestr("ATTRIBUTION.txt", attribution.attribution_file(work, site_url=site_url))
        archive.writestr("LICENCE.txt", attribution.licence_file(page.licence, site_url=site_url))
    spooled.seek(0)
    record_download(page, request.user)
    return FileResponse(spooled, as_attachment=True, filename=f"{page.slug}.zip")


RESERVED_NAMES = {"attribution.txt", "licence.txt"}


def archive_names(display_names) -> list[str]:
    """Plain, unique entry names: no folders (an entry like ../x would land outside the folder
    people unzip into), none equal to the files we add, repeats numbered like « notes (2).pdf »."""
    names, taken = [], set(RESERVED_NAMES)
    for display_name in display_names:
        base = PurePosixPath(display_name.replace("\\", "/")).name.strip() or "fichier"
        stem, suffix = PurePosixPath(base).stem, PurePosixPath(base).suffix
        candidate, number = base, 2
        while candidate.lower() in taken:
            candidate = f"{stem} ({number}){suffix}"
            number += 1
        taken.add(candidate.lower())
        names.append(candidate)
    return names


def download_file(request, resource_id, file_id):
    page = _resource_for(request, resource_id)
    if not _may_download(request, page):
        messages.info(request, _("This resource is for sale: it can be downloaded once obtained."))
        return redirect(page.get_url(request=request))
    entry = ResourceFile.objects.filter(page=page, pk=file_id).first()
    if entry is None:
        raise Http404
    opened = entry.file.open("rb")
    record_download(page, request.user)
    return FileResponse(
        opened,
        as_attachment=True,
        filename=entry.display_name,
        content_type=entry.content_type or "application/octet-stream",
    )
