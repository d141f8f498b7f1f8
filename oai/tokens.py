"""Resumption tokens: stateless, signed (django.core.signing with the site's SECRET_KEY) and
dated. A token carries the whole query — verb, format, from, until, set —, how many records
were sent before it (cursor) and the key of the last one sent (datestamp, resource id): the next
page starts right after that key (keyset pagination), so that no page costs more than another
and a record changed during a harvest is neither lost nor skipped. A token that is forged,
expired, or given to another verb is refused (badResumptionToken)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core import signing

LIFETIME = timedelta(hours=24)
_SALT = "oai.resumption-token"


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class ListQuery:
    """A ListIdentifiers or ListRecords query, and where in its list a page starts."""

    verb: str
    prefix: str
    since: str = ""  # the from and until arguments as the harvester gave them
    until: str = ""
    set_spec: str = ""
    cursor: int = 0
    after: tuple[int, int] | None = None  # (datestamp as a Unix time, resource id)

    def following(self, sent: int, last_datestamp: datetime, last_id: int) -> "ListQuery":
        return ListQuery(
            self.verb,
            self.prefix,
            self.since,
            self.until,
            self.set_spec,
            self.cursor + sent,
            (int(last_datestamp.timestamp()), last_id),
        )


def issue(query: ListQuery) -> str:
    payload = {
        "v": query.verb,
        "m": query.prefix,
        "f": query.since,
        "u": query.until,
        "s": query.set_spec,
        "c": query.cursor,
        "k": list(query.after) if query.after else None,
    }
    return signing.dumps(payload, salt=_SALT, compress=True)


def expiry(now: datetime) -> datetime:
    return now + LIFETIME


def read(token: str, verb: str) -> ListQuery:
    """The query a token continues; InvalidToken when forged, expired or for another verb."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=LIFETIME)
    except signing.SignatureExpired as error:
        raise InvalidToken("expired") from error
    except signing.BadSignature as error:
        raise InvalidToken("forged") from error
    if not isinstance(payload, dict) or payload.get("v") != verb:
        raise InvalidToken("other query")
    key = payload.get("k")
    try:
        return ListQuery(
            verb=verb,
            prefix=str(payload["m"]),
            since=str(payload["f"]),
            until=str(payload["u"]),
            set_spec=str(payload["s"]),
            cursor=int(payload["c"]),
            after=(int(key[0]), int(key[1])) if key else None,
        )
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise InvalidToken("malformed") from error


def after_datestamp(query: ListQuery) -> datetime | None:
    return datetime.fromtimestamp(query.after[0], tz=UTC) if query.after else None
