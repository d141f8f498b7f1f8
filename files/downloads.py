"""Downloads: /telechargement/<resource id>/ (the resource's package: its files with
LICENCE.txt and ATTRIBUTION.txt, resources/packages.py) and /telechargement/<resource id>/<file
id>/ (one original file).

Access: free resources for anyone (no account needed, in the REL spirit); paid ones for their
authors, staff, the holders of an entitlement and the staff of an institution holding a live
institution licence (boutique/entitlements.py); unpublished or
restricted ones exist only for those people (404 for everyone else, before anything else is
looked at).
Files leave through resources/delivery.py: a presigned S3 URL valid a few minutes, or a stream
from the local folder. Downloads are rate-limited (resources/throttle.py), recorded (the member's
library lists them) and counted on the page."""

import logging

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from boutique import entitlements
from resources.authorship import is_author
from resources.events import announce_change
from resources.models import CollectionPage, Download, ResourceFile, ResourcePage

from . import collection_packages, delivery, invitation, packages, throttle

logger = logging.getLogger(__name__)
POPULARITY_REFRESH_SECONDS = 300


def _resource_for(request, resource_id) -> ResourcePage:
    page = ResourcePage.objects.filter(pk=resource_id).first()
    if page is None:
        raise Http404
    user = request.user
    is_insider = user.is_authenticated and (user.is_staff or is_author(user, page))
    page._is_insider = is_insider
    page._is_holder = not is_insider and entitlements.may_download(user, page)
    # Unpublished or restricted (Wagtail privacy) resources exist only for their authors, staff
    # and the people who bought them (a purchase stays downloadable after its withdrawal).
    if (
        not (is_insider or page._is_holder)
        and not ResourcePage.objects.live().public().filter(pk=page.pk).exists()
    ):
        raise Http404
    return page


def _may_download(request, page) -> bool:
    return page.price_cents == 0 or page._is_insider or page._is_holder


@transaction.atomic
def record_download(page: ResourcePage, user) -> None:
    """One Download row (the user when signed in) and one more on the page's counter. The
    counter is a live-only field: updated on the row in SQL, never through a page save (which
    would make a revision's copy of it matter, and race with concurrent downloads)."""
    Download.objects.create(resource=page, user=user if user.is_authenticated else None)
    ResourcePage.objects.filter(pk=page.pk).update(download_count=F("download_count") + 1)
    # "Popular" sorts on the count in the search index: refresh the resource's document, at most
    # once per few minutes however many people download it.
    if cache.add(f"popularity-refresh:{page.pk}", True, POPULARITY_REFRESH_SECONDS):
        announce_change(resource_ids=[page.pk])


def _refused(request, page):
    """None when the visitor may download, else the answer to give them."""
    if not _may_download(request, page):
        messages.info(request, _("This resource is for sale: it can be downloaded once obtained."))
        return redirect(page.get_url(request=request))
    retry_after = throttle.consume_download(request)
    if retry_after is not None:
        return _too_many(request, retry_after)
    return None


def _too_many(request, retry_after):
    """The 429 page of the download limits, in the visitor's language."""
    response = render(
        request,
        "429.html",
        {
            "heading": _("Too many downloads"),
            "message": _(
                "You have downloaded many files in a short time. Downloads open again "
                "within the hour."
            ),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def download_resource(request, resource_id):
    page = _resource_for(request, resource_id)
    if refusal := _refused(request, page):
        return refusal
    package = packages.ensure_package(page)
    if package is None:
        raise Http404
    response = _deliver(package.file, name=f"{page.slug}.zip", content_type="application/zip")
    record_download(page, request.user)
    invitation.note_download(request)
    return response


def download_file(request, resource_id, file_id):
    page = _resource_for(request, resource_id)
    # The file must belong to this resource: an id taken from another one is simply not found.
    entry = ResourceFile.objects.filter(page=page, pk=file_id).first()
    if entry is None:
        raise Http404
    if refusal := _refused(request, page):
        return refusal
    response = _deliver(
        entry.file,
        name=entry.display_name,
        content_type=entry.content_type or "application/octet-stream",
    )
    record_download(page, request.user)
    invitation.note_download(request)
    return response


def _deliver(field_file, **kwargs):
    """The file's response, made before the download is recorded: a download the storage could
    not serve (down: the 503 page; object lost: 404) is not counted."""
    try:
        return delivery.deliver(field_file, **kwargs)
    except delivery.FileMissing as missing:
        logger.error("Private object %s is missing from the storage", missing)
        raise Http404 from missing


def download_collection(request, collection_id):
    """« Tout télécharger »: the ZIP of an open (REL) collection (files/collection_packages.py),
    for anyone, counted as a download of each resource in it. Not open, not published or
    restricted: 404."""
    collection = (
        CollectionPage.objects.live().public().filter(pk=collection_id, is_open=True).first()
    )
    if collection is None:
        raise Http404
    retry_after = throttle.consume_download(request)
    if retry_after is not None:
        return _too_many(request, retry_after)
    package = collection_packages.ensure_collection_package(collection)
    if package is None:
        raise Http404
    response = _deliver(package.file, name=f"{collection.slug}.zip", content_type="application/zip")
    for resource in collection_packages.collection_resources(collection):
        record_download(resource, request.user)
    return response
