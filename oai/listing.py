"""Records and their lists (GetRecord, ListIdentifiers, ListRecords).

A page of up to PAGE_SIZE records costs the same queries whatever the page: the count of the
whole list, the page's records (keyset on datestamp then resource id, from the key the
resumption token carries), and for ListRecords the metadata of the page (oai/metadata.py)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from lxml import etree

from . import dublin_core, lom, metadata, records, sets, tokens
from .arguments import NAMESPACE, OaiError, bounds, utc
from .models import OaiRecord

PAGE_SIZE = 100


def _sub(parent, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NAMESPACE}}}{name}")
    if text is not None:
        child.text = text
    return child


def header(record: OaiRecord, deleted: bool = False) -> etree._Element:
    element = etree.Element(f"{{{NAMESPACE}}}header")
    if record.deleted or deleted:
        element.set("status", "deleted")
    _sub(element, "identifier", records.identifier(record.resource_id))
    _sub(element, "datestamp", utc(record.datestamp))
    for spec in record.specs:
        _sub(element, "setSpec", spec)
    return element


def record_element(page: list[OaiRecord], prefix: str, request=None) -> list[etree._Element]:
    """<record> elements for these records: header, and metadata unless deleted."""
    found = metadata.load([r.resource_id for r in page if not r.deleted], request)
    elements = []
    for record in page:
        resource = found.get(record.resource_id)
        element = etree.Element(f"{{{NAMESPACE}}}record")
        # A record whose resource was withdrawn a moment ago, before its refresh: deleted.
        element.append(header(record, deleted=resource is None))
        if resource is not None:
            holder = _sub(element, "metadata")
            if prefix == dublin_core.PREFIX:
                holder.append(dublin_core.element(resource))
            else:
                holder.append(lom.element(resource, records.identifier(record.resource_id)))
        elements.append(element)
    return elements


def _no_records() -> OaiError:
    return OaiError("noRecordsMatch", _("No record matches these arguments."))


def list_records(query: tokens.ListQuery, token: str | None, request=None) -> etree._Element:
    """The <ListIdentifiers> or <ListRecords> element of one page of the query's list."""
    if token is not None:
        try:
            query = tokens.read(token, query.verb)
        except tokens.InvalidToken as error:
            raise OaiError(
                "badResumptionToken",
                _("This resumption token is not valid: expired, altered or for another request."),
            ) from error
    start, end = bounds(query.since, query.until)
    listed = OaiRecord.objects.all()
    if start is not None:
        listed = listed.filter(datestamp__gte=start)
    if end is not None:
        listed = listed.filter(datestamp__lte=end)
    if query.set_spec:
        if not sets.exists(query.set_spec):
            raise _no_records()
        in_set = Q()
        for fragment in sets.matching(query.set_spec):
            in_set |= Q(set_specs__contains=fragment)
        listed = listed.filter(in_set)
    total = listed.count()
    after = tokens.after_datestamp(query)
    page_rows = listed
    if after is not None:
        page_rows = listed.filter(
            Q(datestamp__gt=after) | Q(datestamp=after, resource_id__gt=query.after[1])
        )
    page = list(page_rows.order_by("datestamp", "resource_id")[: PAGE_SIZE + 1])
    more, page = len(page) > PAGE_SIZE, page[:PAGE_SIZE]
    if not page:
        raise _no_records()
    container = etree.Element(f"{{{NAMESPACE}}}{query.verb}")
    if query.verb == "ListIdentifiers":
        for record in page:
            container.append(header(record))
    else:
        for element in record_element(page, query.prefix, request):
            container.append(element)
    if more or query.cursor:
        resumption = _sub(container, "resumptionToken")
        # Records may have moved since the first page: never announce fewer than were sent.
        resumption.set("completeListSize", str(max(total, query.cursor + len(page))))
        resumption.set("cursor", str(query.cursor))
        if more:
            last = page[-1]
            resumption.text = tokens.issue(
                query.following(len(page), last.datestamp, last.resource_id)
            )
            resumption.set("expirationDate", utc(tokens.expiry(records.now())))
    return container
