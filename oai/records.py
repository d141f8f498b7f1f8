"""Keeping the repository's records (OaiRecord) in step with the catalogue.

A record's datestamp moves when what the repository says of the resource changes — its text,
licence, price, taxonomy terms, authors, files, or the resources it names as adapted from or
into — and only then (a rating or a download changes nothing harvested): the digest of its
metadata as disseminated tells. An unpublished or deleted resource keeps its record, marked
deleted, with the datestamp of its withdrawal."""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from lxml import etree

from resources.models import ResourcePage

from . import dublin_core, lom, metadata, sets
from .models import OaiRecord

CHUNK = 100


def repository_identifier() -> str:
    return settings.OAI_REPOSITORY_IDENTIFIER


def identifier(resource_id: int) -> str:
    """The record's OAI identifier: oai:<repository>:resource/<id> (never reused)."""
    return f"oai:{repository_identifier()}:resource/{resource_id}"


def resource_id_of(oai_identifier: str) -> int | None:
    """The resource id an identifier of this repository names, else None."""
    prefix = f"oai:{repository_identifier()}:resource/"
    if not oai_identifier.startswith(prefix):
        return None
    rest = oai_identifier[len(prefix) :]
    return int(rest) if re.fullmatch(r"[1-9][0-9]{0,17}", rest) else None


def now() -> datetime:
    """This second, in UTC: the repository's granularity."""
    return timezone.now().astimezone(UTC).replace(microsecond=0)


def digest(resource: metadata.ResourceMetadata) -> str:
    """SHA-256 of the record's metadata in every format, as disseminated."""
    content = hashlib.sha256()
    content.update(etree.tostring(dublin_core.element(resource), method="c14n"))
    content.update(etree.tostring(lom.element(resource, identifier(resource.id)), method="c14n"))
    return content.hexdigest()


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    def add(self, other: "Report") -> None:
        for name in ("created", "updated", "deleted", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def with_relatives(resource_ids) -> set[int]:
    """These resources and those whose records name them (adapted from / adapted into)."""
    ids = {int(pk) for pk in resource_ids}
    if not ids:
        return ids
    rows = ResourcePage.objects.filter(
        Q(pk__in=ids, adapted_from_page__isnull=False) | Q(adapted_from_page_id__in=ids)
    ).values_list("pk", "adapted_from_page_id")
    for pk, source_id in rows:
        ids.update({pk, source_id})
    return ids


def refresh(resource_ids) -> Report:
    """Bring the records of these resources (and of their relatives) up to date."""
    report = Report()
    ids = sorted(with_relatives(resource_ids))
    for start in range(0, len(ids), CHUNK):
        report.add(_refresh_chunk(ids[start : start + CHUNK]))
    return report


def rebuild() -> Report:
    """Every resource's record, checked against the catalogue (manage.py oai_records)."""
    ids = set(ResourcePage.objects.values_list("pk", flat=True))
    ids |= set(OaiRecord.objects.values_list("resource_id", flat=True))
    report = Report()
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        report.add(_refresh_chunk(ordered[start : start + CHUNK]))
    return report


@transaction.atomic
def _refresh_chunk(ids: list[int]) -> Report:
    report = Report()
    found = metadata.load(ids)
    records = {
        record.resource_id: record
        for record in OaiRecord.objects.select_for_update().filter(resource_id__in=ids)
    }
    stamp = now()
    created, changed = [], []
    for pk in ids:
        record, resource = records.get(pk), found.get(pk)
        if resource is None:
            if record is not None and not record.deleted:
                # Withdrawn: a tombstone, kept with its sets so that set harvests see it go.
                record.deleted, record.datestamp = True, stamp
                changed.append(record)
                report.deleted += 1
            elif record is not None:
                report.unchanged += 1
            continue
        specs = sets.stored(
            sets.specs_for(resource.disciplines, resource.licence, resource.price_cents)
        )
        fingerprint = digest(resource)
        if record is None:
            created.append(
                OaiRecord(resource_id=pk, datestamp=stamp, set_specs=specs, digest=fingerprint)
            )
            report.created += 1
        elif record.deleted or record.digest != fingerprint:
            if record.digest or record.deleted:
                record.datestamp = stamp
            record.deleted, record.set_specs, record.digest = False, specs, fingerprint
            changed.append(record)
            report.updated += 1
        else:
            report.unchanged += 1
    OaiRecord.objects.bulk_create(created, ignore_conflicts=True)
    OaiRecord.objects.bulk_update(changed, ["datestamp", "deleted", "set_specs", "digest"])
    return report
