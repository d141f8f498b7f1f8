"""Download packages: one ZIP per resource with its files, LICENCE.txt and ATTRIBUTION.txt, built
in the background when the resource is published and stored privately (the download view hands
it out). PDFs in the package carry a last page with the attribution; the originals stay intact.
A PDF resource without previews gets an image of its first page.

A package remembers a signature of what it was built from; whatever changes (files, title,
authors, licence, adaptation chain, page address), the signature differs and the next download
rebuilds it first, so nobody ever gets a package that credits the work wrongly."""

import hashlib
import io
import json
import logging
import secrets
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, override
from wagtail.images import get_image_model
from wagtail.models import Site

from resources import attribution
from resources.detail import bump_catalogue_version, work_for
from resources.images import root_collection
from resources.models import Package, ResourceFile, ResourcePage, ResourcePreview

from . import pdf

logger = logging.getLogger(__name__)

# Part of every signature: raise it when the package's layout or stamp changes, and every
# package is rebuilt on its next download.
PACKAGE_FORMAT = 1
RESERVED_NAMES = {"attribution.txt", "licence.txt"}
PDF_TYPE = "application/pdf"
# Already-compressed formats gain nothing from deflate; storing them is much faster.
DEFLATED_TYPES = ("text/", PDF_TYPE, "application/json", "application/xml")
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PackageContent:
    """What a package is built from."""

    files: list[ResourceFile]
    names: list[str]  # entry names, in the files' order
    attribution_text: str  # ATTRIBUTION.txt
    licence_text: str  # LICENCE.txt
    stamp_paragraphs: list[str]  # the last page added to PDFs
    signature: str


def site_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


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


def package_content(page: ResourcePage) -> PackageContent:
    files = list(ResourceFile.objects.filter(page=page).order_by("sort_order", "pk"))
    names = archive_names(f.display_name for f in files)
    root = site_url()
    # The addresses in the texts are the French ones (the site's first language), whatever the
    # language of the request or worker that builds the package.
    with override("fr"):
        work = work_for(page)
    attribution_text = attribution.attribution_file(work, site_url=root)
    licence_text = attribution.licence_file(page.licence, site_url=root)
    paragraphs = attribution.stamp_paragraphs(work, site_url=root)
    digest = hashlib.sha256(
        json.dumps(
            [
                PACKAGE_FORMAT,
                [[f.file.name, f.size, name] for f, name in zip(files, names, strict=True)],
                attribution_text,
                licence_text,
                paragraphs,
            ]
        ).encode()
    ).hexdigest()
    return PackageContent(files, names, attribution_text, licence_text, paragraphs, digest)


def current_package(page: ResourcePage, content: PackageContent | None = None) -> Package | None:
    """The resource's package when it is built and matches the resource as it is now."""
    package = Package.objects.filter(resource=page).exclude(file="").first()
    if package is None:
        return None
    content = content or package_content(page)
    return package if package.signature == content.signature else None


def ensure_package(page: ResourcePage) -> Package | None:
    """The up-to-date package, built now if the background task has not done it yet; None for a
    resource without files."""
    content = package_content(page)
    if not content.files:
        return None
    return current_package(page, content) or build_package(page, content)


def build_package(page: ResourcePage, content: PackageContent | None = None) -> Package | None:
    content = content or package_content(page)
    if not content.files:
        Package.objects.filter(resource=page).delete()
        return None
    with tempfile.TemporaryFile() as spooled:
        _write_zip(spooled, content)
        size = spooled.tell()
        spooled.seek(0)
        checksum = _sha256(spooled)
        spooled.seek(0)
        storage = Package._meta.get_field("file").storage
        # A key of its own for every build: a download in progress keeps reading the old one.
        key = storage.save(f"packages/{secrets.token_urlsafe(24)}.zip", File(spooled))
    with transaction.atomic():
        package, _created = Package.objects.select_for_update().get_or_create(resource=page)
        if package.signature == content.signature and package.file:
            # Someone built the same package meanwhile: keep theirs.
            transaction.on_commit(lambda: delete_quietly(storage, key))
            return package
        old_key = package.file.name
        package.file.name = key
        package.size, package.sha256 = size, checksum
        package.signature, package.built_at = content.signature, timezone.now()
        package.save()
        if old_key:
            transaction.on_commit(lambda: delete_quietly(storage, old_key))
        # The resource page shows the package's size and checksum.
        transaction.on_commit(bump_catalogue_version)
    return package


def _write_zip(target, content: PackageContent) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        for entry, name in zip(content.files, content.names, strict=True):
            compress = (
                zipfile.ZIP_DEFLATED
                if entry.content_type.startswith(DEFLATED_TYPES)
                else zipfile.ZIP_STORED
            )
            if entry.content_type == PDF_TYPE:
                data = _read(entry)
                heading = _stamp_heading()
                stamped = pdf.stamp_pdf(data, heading=heading, paragraphs=content.stamp_paragraphs)
                archive.writestr(name, stamped or data, compress_type=compress)
                continue
            info = zipfile.ZipInfo(name, date_time=timezone.localtime().timetuple()[:6])
            info.compress_type = compress
            with entry.file.open("rb") as source, archive.open(info, "w") as sink:
                while chunk := source.read(CHUNK):
                    sink.write(chunk)
        archive.writestr("ATTRIBUTION.txt", content.attribution_text, zipfile.ZIP_DEFLATED)
        archive.writestr("LICENCE.txt", content.licence_text, zipfile.ZIP_DEFLATED)


def _stamp_heading() -> str:
    with override("fr"):
        french = gettext("Attribution and licence")
    with override("en"):
        english = gettext("Attribution and licence")
    return f"{french} · {english}"


def _read(entry: ResourceFile) -> bytes:
    with entry.file.open("rb") as source:
        return source.read()


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def delete_quietly(storage, key: str) -> None:
    try:
        storage.delete(key)
    except Exception:  # an orphan object costs little; a failed publication would cost more
        logger.exception("could not delete the old package %s", key)


# --- First-page previews --------------------------------------------------------------------


def ensure_first_page_preview(page: ResourcePage) -> bool:
    """Give a resource whose first file is a PDF and that has no preview an image of that PDF's
    first page. The image is kept on the package and reused while the PDF stays the same.
    Returns True when a preview was added."""
    if ResourcePreview.objects.filter(page=page).exists():
        return False
    first_pdf = (
        ResourceFile.objects.filter(page=page, content_type=PDF_TYPE)
        .order_by("sort_order", "pk")
        .first()
    )
    if first_pdf is None:
        return False
    source = f"{first_pdf.file.name}:{first_pdf.size}"
    package, _created = Package.objects.get_or_create(resource=page)
    image = package.preview_image if package.preview_source == source else None
    if image is None:
        png = pdf.first_page_png(_read(first_pdf))
        if png is None:
            return False
        image = get_image_model()(
            title=f"{page.title} — {first_pdf.display_name}"[:255],
            collection=root_collection(),
            # An ImageFile: assigning it fills in the width and height.
            file=ImageFile(io.BytesIO(png), name=f"apercu-{page.pk}.png"),
        )
        image.save()
        Package.objects.filter(pk=package.pk).update(preview_image=image, preview_source=source)
    with override(page.language if page.language in ("fr", "en") else "fr"):
        alt = gettext("First page of “%(title)s”") % {"title": page.title}
    ResourcePreview.objects.create(page=page, image=image, alt_text=alt[:255], sort_order=0)
    return True
