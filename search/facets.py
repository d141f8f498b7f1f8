"""Facet values in display order, from raw counts, for both implementations."""

from .params import FACETS, SearchParams
from .results import FacetValue


def facet_values(params: SearchParams, counts: dict[str, dict[str, int]]) -> dict[str, list]:
    """{facet: [FacetValue…]}: known values with hits, plus the selected ones even at zero
    (so that a chip's checkbox stays visible), in each facet's order."""
    facets = {}
    for name, facet in FACETS.items():
        known = facet.values()
        selected = set(params.selected(name))
        facet_counts = counts.get(name, {})
        values = [
            FacetValue(key, label, facet_counts.get(key, 0), key in selected)
            for key, label in known.items()
            if facet_counts.get(key, 0) > 0 or key in selected
        ]
        if facet.order_by_count:
            values.sort(key=lambda value: (-value.count, value.label))
        facets[name] = values
    return facets
