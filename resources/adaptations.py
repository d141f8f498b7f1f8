"""What an adaptation may be, given the licence of the work it adapts: which licences it may
carry, whether it may be sold, and the sentence that tells the member why.

Everything here follows licences.derivative_allowed(), the one rule; these functions only ask
it about every licence, so that the submission can offer the allowed choices instead of
refusing the others one at a time. Pure functions over licences: no database."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import licences
from .licences import Licence

# Any price above zero: derivative_allowed() asks only whether the adaptation may cost something.
_SOME_PRICE = 1


def allows_adaptation(licence: Licence) -> bool:
    """Whether anybody may share an adaptation of a work under this licence (not ND, not all
    rights reserved): the resource page offers « Adapter cette ressource » then."""
    return licence.derivatives


@dataclass(frozen=True)
class AdaptationTerms:
    """The choices an adaptation of `source` leaves: its licences (in the catalogue's order),
    whether it may be sold, and why, in one sentence for the member."""

    source: Licence
    allowed: tuple[Licence, ...]
    may_be_sold: bool
    reason: str | Promise

    @property
    def allowed_ids(self) -> frozenset[str]:
        return frozenset(licence.id for licence in self.allowed)

    @property
    def limits_licences(self) -> bool:
        """Whether the source leaves some licences but not all (none: no adaptation at all)."""
        return 0 < len(self.allowed) < len(licences.LICENCES)

    def default_licence(self) -> Licence | None:
        """The licence a new adaptation starts with: the site's default when allowed, else the
        source's own, else the first allowed one; None when no adaptation may be shared."""
        for candidate in (licences.get_licence(licences.DEFAULT_LICENCE_ID), self.source):
            if candidate in self.allowed:
                return candidate
        return self.allowed[0] if self.allowed else None


def adaptation_terms(source: Licence, *, same_rights_holder: bool = False) -> AdaptationTerms:
    """What an adaptation of a work under `source` may be, for this member."""
    allowed = tuple(
        licence
        for licence in licences.LICENCES.values()
        if licences.derivative_allowed(source, licence, 0, same_rights_holder=same_rights_holder)
    )
    may_be_sold = any(
        licences.derivative_allowed(
            source, licence, _SOME_PRICE, same_rights_holder=same_rights_holder
        )
        for licence in allowed
    )
    return AdaptationTerms(source, allowed, may_be_sold, _reason(source, same_rights_holder))


def _reason(source: Licence, same_rights_holder: bool) -> str | Promise:
    name = licences.label(source)
    if same_rights_holder:
        # fr: Vous êtes l'un des auteurs de la source : vous pouvez choisir toute licence et tout prix.
        return _("You are an author of the source: you may choose any licence and any price.")
    if not source.derivatives:
        return format_lazy(
            # fr: La licence de la source ({licence}) ne permet pas les adaptations.
            _("The source's licence ({licence}) does not allow adaptations."),
            licence=name,
        )
    if source.share_alike and source.non_commercial:
        return format_lazy(
            # fr: La licence de la source ({licence}) demande de partager les adaptations sous
            # la même licence et interdit de les vendre : votre adaptation sera sous {licence},
            # gratuite.
            _(
                "The source's licence ({licence}) asks that adaptations be shared under the same "
                "licence and forbids selling them: your adaptation will be under {licence}, free."
            ),
            licence=name,
        )
    if source.share_alike:
        return format_lazy(
            _(
                "The source's licence ({licence}) asks that adaptations be shared under the same "
                "licence: your adaptation will be under {licence}. You may sell it."
            ),
            licence=name,
        )
    if source.non_commercial:
        return format_lazy(
            _(
                "The source's licence ({licence}) forbids commercial use: your adaptation needs "
                "a non-commercial (NC) licence and must be free."
            ),
            licence=name,
        )
    return format_lazy(
        _("The source's licence ({licence}) lets you choose any licence and sell your adaptation."),
        licence=name,
    )
