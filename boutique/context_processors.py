"""The cart's line count for the header, computed only if a template shows it."""

from django.utils.functional import SimpleLazyObject

from . import cart as carts


def cart(request):
    """`cart_count`: lazy, so pages that do not show it pay nothing; then one query for a
    signed-in user and none for a visitor beyond reading the session."""
    return {"cart_count": SimpleLazyObject(lambda: carts.count_for(request))}
