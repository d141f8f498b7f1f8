"""Who counts as an author of a resource, one rule for every place that asks (rating, buying,
downloading, the member's submissions and the editors' e-mails): the accounts listed in its
`authors`, and its owner — the member who submitted it — even when they are not listed (the
editors may have changed the list, and the row of a resource that was never published may not
have it yet). An author may download their own resource but neither rate nor buy it."""

from django.db.models import Q


def author_ids(page, listed=None) -> set[int]:
    """The ids of the accounts that count as the resource's authors; `listed`: its `authors`
    when the caller has them already (else read, as prefetched or built in memory)."""
    ids = {user.pk for user in (page.authors.all() if listed is None else listed)}
    if page.owner_id:
        ids.add(page.owner_id)
    return ids


def is_author(user, page) -> bool:
    """Whether this signed-in user counts as an author of the resource."""
    if not getattr(user, "is_authenticated", False):
        return False
    return page.owner_id == user.pk or page.authors.filter(pk=user.pk).exists()


def authored_by(user) -> Q:
    """A filter on ResourcePage: the resources this user counts as an author of (add
    .distinct(): a page with several authors would come once per author otherwise)."""
    return Q(owner=user) | Q(authors=user)
