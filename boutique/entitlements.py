"""Who holds the right to download a paid resource: a live Entitlement (bought, or obtained
free), granted by fulfilment and revoked by a refund; or, for the staff of an institution (a
confirmed e-mail in its domains), a live institution licence of it
(boutique/institution_licences.py). The download views ask here."""

from . import institution_licences
from .models import Entitlement


def holds(user, resource) -> bool:
    """A live entitlement of this signed-in user to `resource` (a page or its id)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Entitlement.objects.live().filter(user=user, resource=resource).exists()


def may_download(user, resource) -> bool:
    """A live entitlement, or a live licence of one of the user's institutions (four queries at
    most)."""
    if holds(user, resource):
        return True
    resource_id = getattr(resource, "pk", resource)
    return institution_licences.live_licence(user, resource_id) is not None
