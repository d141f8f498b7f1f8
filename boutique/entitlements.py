"""Who holds the right to download a paid resource: a live Entitlement (bought, or obtained
free), granted by fulfilment and revoked by a refund. The download views ask here."""

from .models import Entitlement


def holds(user, resource) -> bool:
    """A live entitlement of this signed-in user to `resource` (a page or its id)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Entitlement.objects.live().filter(user=user, resource=resource).exists()
