"""OAI-PMH 2.0 requests and responses (https://www.openarchives.org/OAI/openarchivesprotocol.html):
the six verbs, their arguments, and every error condition of section 3.6 with its code.

Errors answer 200 with an <error> element, as the protocol asks; badVerb and badArgument
answers echo the base URL without the request's arguments (section 3.2)."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Min
from django.utils.translation import gettext as _
from lxml import etree

from . import records, sets
from .arguments import (
    FORMATS,
    NAMESPACE,
    PREFIX_SYNTAX,
    URI_SYNTAX,
    OaiError,
    bounds,
    check_format,
    utc,
)
from .listing import list_records, record_element
from .models import OaiRecord
from .tokens import ListQuery

SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"

# verb → (required arguments, optional arguments); a resumptionToken stands alone.
VERBS = {
    "Identify": ((), ()),
    "ListMetadataFormats": ((), ("identifier",)),
    "ListSets": ((), ("resumptionToken",)),
    "GetRecord": (("identifier", "metadataPrefix"), ()),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set", "resumptionToken")),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set", "resumptionToken")),
}


@dataclass
class Context:
    """One request: its base URL and the Django request (for absolute page URLs)."""

    base_url: str
    request: object = None


def respond(arguments: dict[str, list[str]], context: Context) -> bytes:
    """The whole response document to these request arguments."""
    root = etree.Element(f"{{{NAMESPACE}}}OAI-PMH", nsmap={None: NAMESPACE, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{NAMESPACE} {SCHEMA}")
    etree.SubElement(root, f"{{{NAMESPACE}}}responseDate").text = utc(records.now())
    request_element = etree.SubElement(root, f"{{{NAMESPACE}}}request")
    request_element.text = context.base_url
    try:
        verb, args = _checked_arguments(arguments)
        for name, value in (("verb", verb), *sorted(args.items())):
            request_element.set(name, value)
        _VERB_HANDLERS[verb](root, args, context)
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()
        for child in list(root)[2:]:
            root.remove(child)
        element = etree.SubElement(root, f"{{{NAMESPACE}}}error", code=error.code)
        element.text = error.message
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _checked_arguments(arguments: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    verbs = arguments.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        message = (
            _("The verb argument is repeated.")
            if len(verbs) > 1
            else _("The verb argument is missing or is not an OAI-PMH verb.")
        )
        raise OaiError("badVerb", message)
    verb = verbs[0]
    required, optional = VERBS[verb]
    args = {}
    for name, values in arguments.items():
        if name == "verb":
            continue
        if name not in required and name not in optional:
            raise OaiError(
                "badArgument",
                _("%(verb)s takes no argument %(name)s.") % {"verb": verb, "name": name},
            )
        if len(values) != 1 or not values[0]:
            raise OaiError(
                "badArgument",
                _("The argument %(name)s must be given once, with a value.") % {"name": name},
            )
        args[name] = values[0]
    if "resumptionToken" in args:
        if len(args) > 1:
            raise OaiError(
                "badArgument", _("A resumptionToken is the only argument allowed with the verb.")
            )
        return verb, args
    missing = [name for name in required if name not in args]
    if missing:
        raise OaiError(
            "badArgument", _("Missing argument: %(names)s.") % {"names": ", ".join(missing)}
        )
    if "identifier" in args and not URI_SYNTAX.fullmatch(args["identifier"]):
        raise OaiError("badArgument", _("The identifier is not a URI."))
    if "metadataPrefix" in args and not PREFIX_SYNTAX.fullmatch(args["metadataPrefix"]):
        raise OaiError("badArgument", _("The metadataPrefix has an illegal syntax."))
    if "set" in args and not sets.SPEC_SYNTAX.fullmatch(args["set"]):
        raise OaiError("badArgument", _("The set has an illegal syntax."))
    bounds(args.get("from", ""), args.get("until", ""))
    return verb, args


def _record_of(identifier: str) -> OaiRecord:
    resource_id = records.resource_id_of(identifier)
    record = OaiRecord.objects.filter(resource_id=resource_id).first() if resource_id else None
    if record is None:
        raise OaiError("idDoesNotExist", _("No record has this identifier."))
    return record


def _sub(parent, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NAMESPACE}}}{name}")
    if text is not None:
        child.text = text
    return child


def _identify(root, args, context: Context) -> None:
    earliest = OaiRecord.objects.aggregate(first=Min("datestamp"))["first"] or records.now()
    identify = _sub(root, "Identify")
    _sub(identify, "repositoryName", settings.WAGTAIL_SITE_NAME)
    _sub(identify, "baseURL", context.base_url)
    _sub(identify, "protocolVersion", "2.0")
    _sub(identify, "adminEmail", settings.OAI_ADMIN_EMAIL)
    _sub(identify, "earliestDatestamp", utc(earliest))
    _sub(identify, "deletedRecord", "persistent")
    _sub(identify, "granularity", GRANULARITY)


def _list_metadata_formats(root, args, context: Context) -> None:
    if "identifier" in args and _record_of(args["identifier"]).deleted:
        raise OaiError(
            "noMetadataFormats", _("This record is deleted: no metadata format is available.")
        )
    formats = _sub(root, "ListMetadataFormats")
    for prefix, (schema, namespace) in FORMATS.items():
        item = _sub(formats, "metadataFormat")
        _sub(item, "metadataPrefix", prefix)
        _sub(item, "schema", schema)
        _sub(item, "metadataNamespace", namespace)


def _list_sets(root, args, context: Context) -> None:
    if "resumptionToken" in args:
        # Every set fits in one answer: this repository never issues a ListSets token.
        raise OaiError("badResumptionToken", _("This resumption token is not valid."))
    listing = _sub(root, "ListSets")
    for item in sets.all_sets():
        element = _sub(listing, "set")
        _sub(element, "setSpec", item.spec)
        _sub(element, "setName", item.name)


def _get_record(root, args, context: Context) -> None:
    check_format(args["metadataPrefix"])
    record = _record_of(args["identifier"])
    holder = _sub(root, "GetRecord")
    holder.append(record_element([record], args["metadataPrefix"], context.request)[0])


def _list(verb: str):
    def handler(root, args, context: Context) -> None:
        if "resumptionToken" not in args:
            check_format(args["metadataPrefix"])
        query = ListQuery(
            verb,
            args.get("metadataPrefix", ""),
            args.get("from", ""),
            args.get("until", ""),
            args.get("set", ""),
        )
        root.append(list_records(query, args.get("resumptionToken"), context.request))

    return handler


_VERB_HANDLERS = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": _list("ListIdentifiers"),
    "ListRecords": _list("ListRecords"),
}
