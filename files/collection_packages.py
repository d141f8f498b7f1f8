"""« Tout télécharger » of an open (REL) collection: one ZIP with a folder per resource — the
contents of the resource's own package (its files, PDFs stamped with their credit, LICENCE.txt and
ATTRIBUTION.txt), built by files/packages.py — and one ATTRIBUTION.txt crediting them all.

Stored privately like the resources' packages and rebuilt only when the collection changes: its
signature digests the collection's title and address and the signature of every resource's
package, so an edited resource, a new author name or another order of the items makes the next
download build it anew. Only what an open collection may show goes in: published, public, free
resources under an open licence (resources/rules.py)."""

import hashlib
import json
import secrets
import tempfile
import zipfile
from dataclasses import dataclass

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override

from resources import attribution
from resources.detail import work_for
from resources.models import CollectionPackage, CollectionPage, ResourcePage
from resources.rules import REL_ELIGIBLE

from . import packages

# Raise it when the layout changes: every collection's ZIP is rebuilt on its next download.
COLLECTION_FORMAT = 1


@dataclass(frozen=True)
class CollectionContent:
    resources: list[ResourcePage]
    folders: list[str]  # one per resource, in the collection's order
    attribution_text: str
    signature: str


def collection_resources(collection: CollectionPage) -> list[ResourcePage]:
    """The resources the collection's page shows, in its order, that an open collection may
    hand out."""
    visible = ResourcePage.objects.live().public().filter(REL_ELIGIBLE).values("pk")
    items = (
        collection.items.filter(resource__in=visible)
        .select_related("resource")
        .order_by("sort_order", "pk")
    )
    return [item.resource for item in items]


def collection_content(collection: CollectionPage) -> CollectionContent:
    resources = collection_resources(collection)
    folders = packages.archive_names(resource.slug for resource in resources)
    root = packages.site_url()
    # French addresses and labels first, as in the resources' own packages.
    with override("fr"):
        works = [work_for(resource) for resource in resources]
        url = collection.get_full_url() or ""
    text = attribution.collection_attribution_file(
        collection.title, url, list(zip(folders, works, strict=True)), site_url=root
    )
    inner = [packages.package_content(resource).signature for resource in resources]
    signature = hashlib.sha256(
        json.dumps([COLLECTION_FORMAT, text, list(zip(folders, inner, strict=True))]).encode()
    ).hexdigest()
    return CollectionContent(resources, folders, text, signature)


def ensure_collection_package(collection: CollectionPage) -> CollectionPackage | None:
    """The up-to-date ZIP of an open collection, built now when missing or stale; None when the
    collection is not open or has nothing to hand out."""
    if not collection.is_open:
        return None
    content = collection_content(collection)
    if not content.resources:
        return None
    current = CollectionPackage.objects.filter(collection=collection).exclude(file="").first()
    if current is not None and current.signature == content.signature:
        return current
    return build_collection_package(collection, content)


def build_collection_package(
    collection: CollectionPage, content: CollectionContent
) -> CollectionPackage:
    storage = CollectionPackage._meta.get_field("file").storage
    with tempfile.TemporaryFile() as spooled:
        with zipfile.ZipFile(spooled, "w") as archive:
            for resource, folder in zip(content.resources, content.folders, strict=True):
                package = packages.ensure_package(resource)
                if package is not None:
                    _copy_into(archive, package, folder)
            archive.writestr("ATTRIBUTION.txt", content.attribution_text, zipfile.ZIP_DEFLATED)
        size = spooled.tell()
        spooled.seek(0)
        key = storage.save(f"packages/{secrets.token_urlsafe(24)}.zip", File(spooled))
    with transaction.atomic():
        record, _created = CollectionPackage.objects.select_for_update().get_or_create(
            collection=collection
        )
        old_key = record.file.name
        record.file.name = key
        record.size, record.signature, record.built_at = size, content.signature, timezone.now()
        record.save()
        if old_key and old_key != key:
            # A download in progress may still read the old one until the commit.
            transaction.on_commit(lambda: packages.delete_quietly(storage, old_key))
    return record


def _copy_into(archive: zipfile.ZipFile, package, folder: str) -> None:
    """Every entry of a resource's package, under `folder/`, without decompressing to disk."""
    with package.file.open("rb") as source, zipfile.ZipFile(source) as inner:
        for info in inner.infolist():
            target = zipfile.ZipInfo(f"{folder}/{info.filename}", date_time=info.date_time)
            target.compress_type = info.compress_type
            with inner.open(info) as reader, archive.open(target, "w") as writer:
                while chunk := reader.read(packages.CHUNK):
                    writer.write(chunk)
