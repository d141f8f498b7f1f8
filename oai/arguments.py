"""What OAI-PMH requests share: the namespace, the formats, the error, and the syntax and
meaning of the arguments (datestamps are UTC, to the second)."""

import re
from datetime import UTC, datetime, timedelta

from django.utils.translation import gettext as _

from . import dublin_core, lom

NAMESPACE = "http://www.openarchives.org/OAI/2.0/"

FORMATS = {
    dublin_core.PREFIX: (dublin_core.SCHEMA, dublin_core.NAMESPACE),
    lom.PREFIX: (lom.SCHEMA, lom.NAMESPACE),
}

PREFIX_SYNTAX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
URI_SYNTAX = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class OaiError(Exception):
    """An error condition of the protocol (section 3.6): its code and a message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _moment(value: str, end_of_day: bool = False) -> tuple[datetime, str]:
    """A from or until argument as a UTC moment, and its granularity ("day" or "second")."""
    try:
        if _SECOND.fullmatch(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), "second"
        if _DAY.fullmatch(value):
            day = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
            return (day + timedelta(days=1, seconds=-1) if end_of_day else day), "day"
    except ValueError:
        pass
    raise OaiError(
        "badArgument",
        _("The date %(value)s is neither YYYY-MM-DD nor YYYY-MM-DDThh:mm:ssZ.") % {"value": value},
    )


def bounds(since: str, until: str) -> tuple[datetime | None, datetime | None]:
    """The from and until arguments as inclusive UTC bounds (a day counts whole)."""
    start = end = None
    if since:
        start, start_granularity = _moment(since)
    if until:
        end, end_granularity = _moment(until, end_of_day=True)
    if since and until:
        if start_granularity != end_granularity:
            raise OaiError(
                "badArgument", _("The from and until arguments have different granularities.")
            )
        if start > end:
            raise OaiError("badArgument", _("The from argument is later than the until argument."))
    return start, end


def check_format(prefix: str) -> None:
    if prefix not in FORMATS:
        raise OaiError(
            "cannotDisseminateFormat",
            _("This repository disseminates oai_dc and lom, not %(prefix)s.") % {"prefix": prefix},
        )
