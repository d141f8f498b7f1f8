"""Where to send someone back to: the `next` a form or link gave, when it is an address of this
site, else a default (an open redirect would let any page send our visitors anywhere)."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default: str, source=None) -> str:
    """`next` from `source` (the POST data unless told, e.g. `request.GET`) when it is a URL of
    this site over an acceptable scheme, else `default`."""
    data = request.POST if source is None else source
    target = data.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
