"""The licences a resource may carry, and the rules for selling and adapting under them.

Pure functions over frozen data: no models, no database, so that every rule can be tested
exhaustively. The rules follow the Creative Commons 4.0 legal code (sections 2 and 3):

- NC (NonCommercial, section 1(i)): nobody but the rights holder may use the work "primarily
  intended for or directed towards commercial advantage or monetary compensation" — selling it
  or an adaptation of it is exactly that.
- ND (NoDerivatives, section 2(a)(1)(B)): adapted material may not be shared at all.
- SA (ShareAlike, section 3(b)(1)): adapted material must carry the same licence (or a later
  version of it / a BY-SA-compatible licence; we offer only 4.0, so: the same licence).
- The rights holder is not bound by their own licence: they may sell and adapt their work freely.

User-facing messages are lazy English msgids; the line above each gives the French translation
the translator should copy (``# fr: …``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise, lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language, normalise_language

NBSP = "\u00a0"  # French typography: before a colon, inside « guillemets »

CC0_ID = "CC0-1.0"
ALL_RIGHTS_RESERVED_ID = "LicenseRef-APOP-All-Rights-Reserved"
DEFAULT_LICENCE_ID = "CC-BY-NC-SA-4.0"


@dataclass(frozen=True)
class Licence:
    """One licence: SPDX identity, names and deeds in both languages, and what it permits."""

    id: str  # our key, equal to the SPDX id (LicenseRef-… for our own licence)
    spdx_id: str
    short_name: str  # "CC BY-NC-SA 4.0"; French for our own licence ("Tous droits réservés")
    short_name_en: str  # the same for CC licences; "All rights reserved" for ours
    name_fr: str
    name_en: str
    deed_url_fr: str
    deed_url_en: str
    legal_url: str  # the legal code in French
    legal_url_en: str
    commercial_use: bool
    derivatives: bool
    share_alike: bool
    is_open: bool  # a REL (open educational resource): CC and CC0, not all rights reserved
    summary_fr: str
    summary_en: str
    conditions_fr: tuple[str, ...]
    conditions_en: tuple[str, ...]

    @property
    def non_commercial(self) -> bool:
        """An open licence with the NC condition (CC BY-NC, BY-NC-SA, BY-NC-ND)."""
        return self.is_open and not self.commercial_use

    @property
    def is_public_domain(self) -> bool:
        return self.id == CC0_ID

    def short(self, lang: str = "fr") -> str:
        return self.short_name_en if normalise_language(lang) == "en" else self.short_name

    def name(self, lang: str = "fr") -> str:
        return self.name_en if normalise_language(lang) == "en" else self.name_fr

    def deed_url(self, lang: str = "fr") -> str:
        return self.deed_url_en if normalise_language(lang) == "en" else self.deed_url_fr

    def legal_code_url(self, lang: str = "fr") -> str:
        return self.legal_url_en if normalise_language(lang) == "en" else self.legal_url

    def summary(self, lang: str = "fr") -> str:
        return self.summary_en if normalise_language(lang) == "en" else self.summary_fr

    def conditions(self, lang: str = "fr") -> tuple[str, ...]:
        return self.conditions_en if normalise_language(lang) == "en" else self.conditions_fr


# Runs once, when the module is imported (the LICENCES table): mutating it could never be caught.
def _cc(
    slug: str,
    *,
    name_fr: str,
    name_en: str,
    commercial_use: bool,
    derivatives: bool,
    share_alike: bool,
    summary_fr: str,
    summary_en: str,
    conditions_fr: tuple[str, ...],
    conditions_en: tuple[str, ...],
) -> Licence:  # pragma: no mutate block
    """A Creative Commons 4.0 licence from its slug ("by-nc-sa"): ids, names and URLs follow."""
    spdx_id = f"CC-{slug.upper()}-4.0"
    short_name = f"CC {slug.upper()} 4.0"
    base = f"https://creativecommons.org/licenses/{slug}/4.0/"
    return Licence(
        id=spdx_id,
        spdx_id=spdx_id,
        short_name=short_name,
        short_name_en=short_name,
        name_fr=name_fr,
        name_en=name_en,
        deed_url_fr=f"{base}deed.fr",
        deed_url_en=f"{base}deed.en",
        legal_url=f"{base}legalcode.fr",
        legal_url_en=f"{base}legalcode.en",
        commercial_use=commercial_use,
        derivatives=derivatives,
        share_alike=share_alike,
        is_open=True,
        summary_fr=summary_fr,
        summary_en=summary_en,
        conditions_fr=conditions_fr,
        conditions_en=conditions_en,
    )


_BY_FR, _BY_EN = "Attribution requise", "Attribution required"
_NC_FR, _NC_EN = "Pas d'usage commercial", "No commercial use"
_SA_FR, _SA_EN = "Partage dans les mêmes conditions", "Share adaptations under the same licence"
_ND_FR, _ND_EN = "Pas de modification", "No adaptations"

_LICENCE_LIST = (
    _cc(
        "by",
        name_fr="Attribution 4.0 International",
        name_en="Attribution 4.0 International",
        commercial_use=True,
        derivatives=True,
        share_alike=False,
        summary_fr=(
            "Vous pouvez copier, adapter et partager cette ressource, même à des fins "
            "commerciales, à condition d'en citer l'auteur."
        ),
        summary_en=(
            "You may copy, adapt and share this resource, even for commercial purposes, "
            "as long as you credit the author."
        ),
        conditions_fr=(_BY_FR,),
        conditions_en=(_BY_EN,),
    ),
    _cc(
        "by-sa",
        name_fr="Attribution - Partage dans les Mêmes Conditions 4.0 International",
        name_en="Attribution-ShareAlike 4.0 International",
        commercial_use=True,
        derivatives=True,
        share_alike=True,
        summary_fr=(
            "Vous pouvez copier, adapter et partager cette ressource, même à des fins "
            "commerciales, à condition d'en citer l'auteur et de partager vos adaptations "
            "sous la même licence."
        ),
        summary_en=(
            "You may copy, adapt and share this resource, even for commercial purposes, "
            "as long as you credit the author and share your adaptations under the same licence."
        ),
        conditions_fr=(_BY_FR, _SA_FR),
        conditions_en=(_BY_EN, _SA_EN),
    ),
    _cc(
        "by-nc",
        name_fr="Attribution - Pas d'Utilisation Commerciale 4.0 International",
        name_en="Attribution-NonCommercial 4.0 International",
        commercial_use=False,
        derivatives=True,
        share_alike=False,
        summary_fr=(
            "Vous pouvez copier, adapter et partager cette ressource, sauf à des fins "
            "commerciales, à condition d'en citer l'auteur."
        ),
        summary_en=(
            "You may copy, adapt and share this resource, except for commercial purposes, "
            "as long as you credit the author."
        ),
        conditions_fr=(_BY_FR, _NC_FR),
        conditions_en=(_BY_EN, _NC_EN),
    ),
    _cc(
        "by-nc-sa",
        name_fr=(
            "Attribution - Pas d'Utilisation Commerciale - Partage dans les Mêmes Conditions "
            "4.0 International"
        ),
        name_en="Attribution-NonCommercial-ShareAlike 4.0 International",
        commercial_use=False,
        derivatives=True,
        share_alike=True,
        summary_fr=(
            "Vous pouvez copier, adapter et partager cette ressource, sauf à des fins "
            "commerciales, à condition d'en citer l'auteur et de partager vos adaptations "
            "sous la même licence."
        ),
        summary_en=(
            "You may copy, adapt and share this resource, except for commercial purposes, "
            "as long as you credit the author and share your adaptations under the same licence."
        ),
        conditions_fr=(_BY_FR, _NC_FR, _SA_FR),
        conditions_en=(_BY_EN, _NC_EN, _SA_EN),
    ),
    _cc(
        "by-nd",
        name_fr="Attribution - Pas de Modification 4.0 International",
        name_en="Attribution-NoDerivatives 4.0 International",
        commercial_use=True,
        derivatives=False,
        share_alike=False,
        summary_fr=(
            "Vous pouvez copier et partager cette ressource telle quelle, même à des fins "
            "commerciales, à condition d'en citer l'auteur; vous ne pouvez pas en partager "
            "d'adaptation."
        ),
        summary_en=(
            "You may copy and share this resource unchanged, even for commercial purposes, "
            "as long as you credit the author; you may not share adaptations of it."
        ),
        conditions_fr=(_BY_FR, _ND_FR),
        conditions_en=(_BY_EN, _ND_EN),
    ),
    _cc(
        "by-nc-nd",
        name_fr=(
            "Attribution - Pas d'Utilisation Commerciale - Pas de Modification 4.0 International"
        ),
        name_en="Attribution-NonCommercial-NoDerivatives 4.0 International",
        commercial_use=False,
        derivatives=False,
        share_alike=False,
        summary_fr=(
            "Vous pouvez copier et partager cette ressource telle quelle, sauf à des fins "
            "commerciales, à condition d'en citer l'auteur; vous ne pouvez pas en partager "
            "d'adaptation."
        ),
        summary_en=(
            "You may copy and share this resource unchanged, except for commercial purposes, "
            "as long as you credit the author; you may not share adaptations of it."
        ),
        conditions_fr=(_BY_FR, _NC_FR, _ND_FR),
        conditions_en=(_BY_EN, _NC_EN, _ND_EN),
    ),
    Licence(
        id=CC0_ID,
        spdx_id=CC0_ID,
        short_name="CC0 1.0",
        short_name_en="CC0 1.0",
        name_fr="CC0 1.0 Universel",
        name_en="CC0 1.0 Universal",
        deed_url_fr="https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
        deed_url_en="https://creativecommons.org/publicdomain/zero/1.0/deed.en",
        legal_url="https://creativecommons.org/publicdomain/zero/1.0/legalcode.fr",
        legal_url_en="https://creativecommons.org/publicdomain/zero/1.0/legalcode.en",
        commercial_use=True,
        derivatives=True,
        share_alike=False,
        is_open=True,
        summary_fr=(
            "L'auteur a renoncé à ses droits et versé cette ressource dans le domaine public"
            f"{NBSP}: vous pouvez la copier, l'adapter et la partager, même à des fins "
            "commerciales, sans demander d'autorisation ni citer l'auteur."
        ),
        summary_en=(
            "The author has waived their rights and dedicated this resource to the public "
            "domain: you may copy, adapt and share it, even for commercial purposes, without "
            "asking permission or crediting the author."
        ),
        conditions_fr=("Aucune condition",),
        conditions_en=("No conditions",),
    ),
    Licence(
        id=ALL_RIGHTS_RESERVED_ID,
        spdx_id=ALL_RIGHTS_RESERVED_ID,
        short_name="Tous droits réservés",
        short_name_en="All rights reserved",
        name_fr="Tous droits réservés — licence d'utilisation",
        name_en="All rights reserved — licence of use",
        # APOP's terms of use state this licence (settings.TERMS_OF_USE_URLS).
        deed_url_fr=settings.TERMS_OF_USE_URLS["fr"],
        deed_url_en=settings.TERMS_OF_USE_URLS["en"],
        legal_url=settings.TERMS_OF_USE_URLS["fr"],
        legal_url_en=settings.TERMS_OF_USE_URLS["en"],
        commercial_use=False,
        derivatives=False,
        share_alike=False,
        is_open=False,
        summary_fr=(
            "L'auteur conserve tous ses droits. Vous pouvez utiliser cette ressource dans votre "
            "enseignement selon la licence d'utilisation de la boutique APOP, mais non la "
            "partager, la revendre ni en publier d'adaptation."
        ),
        summary_en=(
            "The author keeps all rights. You may use this resource in your own teaching under "
            "the APOP boutique licence of use, but not share it, resell it or publish "
            "adaptations of it."
        ),
        conditions_fr=("Tous droits réservés", "Pas de partage", _ND_FR),
        conditions_en=("All rights reserved", "No sharing", _ND_EN),
    ),
)

LICENCES: dict[str, Licence] = {licence.id: licence for licence in _LICENCE_LIST}


def label(licence: Licence) -> Promise:
    """The licence's short name in the language active when it is rendered."""
    return lazy(lambda: licence.short(current_language()), str)()


# (id, short name), the names in French: the catalogue's language, and what the migrations record.
LICENCE_CHOICES: list[tuple[str, str]] = [(key, lic.short_name) for key, lic in LICENCES.items()]
# The same for model and form fields: each name is rendered in the language of the screen that
# shows it (the English admin says "All rights reserved"); outside any language, as when
# migrations are made, in French, so that the fields' choices equal LICENCE_CHOICES there.
LICENCE_FIELD_CHOICES: list[tuple[str, Promise]] = [
    (key, label(lic)) for key, lic in LICENCES.items()
]


def get_licence(licence_id: str) -> Licence:
    """The licence with this id; KeyError (naming the known ids) for anything else."""
    try:
        return LICENCES[licence_id]
    except KeyError:
        known = ", ".join(LICENCES)
        raise KeyError(f"Unknown licence id {licence_id!r}; known ids: {known}") from None


Reason = str | Promise


@dataclass(frozen=True)
class Decision:
    """The answer to "may I?": truthy when allowed; otherwise a user-facing (lazy) reason."""

    allowed: bool
    reason: Reason = ""

    def __bool__(self) -> bool:
        return self.allowed

    @classmethod
    def ok(cls) -> Decision:
        return cls(allowed=True)

    @classmethod
    def refused(cls, reason: Reason) -> Decision:
        return cls(allowed=False, reason=reason)


def _negative_price() -> Decision:
    # fr: Le prix ne peut pas être négatif.
    return Decision.refused(_("The price cannot be negative."))


def can_sell(licence: Licence, price_cents: int, *, seller_is_rights_holder: bool) -> Decision:
    """May this seller offer a resource under `licence` at `price_cents`?

    Giving it away is always allowed. The rights holder may sell under any licence (a licence
    binds licensees, not the licensor). Anybody else needs a licence that permits commercial use:
    CC NC forbids it (CC 4.0, section 2(a)(1)), and our all-rights-reserved licence grants no
    right to resell.
    """
    if price_cents < 0:
        return _negative_price()
    if price_cents == 0 or seller_is_rights_holder or licence.commercial_use:
        return Decision.ok()
    if not licence.is_open:
        # fr: Seul le titulaire des droits peut vendre une ressource dont tous les droits sont réservés.
        return Decision.refused(
            _("Only the rights holder may sell a resource whose rights are all reserved.")
        )
    return Decision.refused(
        format_lazy(
            # fr: Seul le titulaire des droits peut vendre une ressource sous licence {licence}.
            _("Only the rights holder may sell a resource under {licence}."),
            licence=label(licence),
        )
    )


def derivative_allowed(
    source: Licence, licence: Licence, price_cents: int, *, same_rights_holder: bool = False
) -> Decision:
    """May an adaptation of a work under `source` carry `licence` and cost `price_cents`?

    Checked in this order, each refusal with its own message:
    1. a negative price is never allowed;
    2. the source's own rights holder may do anything (they are not bound by their licence);
    3. ND and all-rights-reserved sources: no adaptation may be shared (CC 4.0, 2(a)(1)(B));
    4. SA sources: the adaptation keeps exactly the source's licence (CC 4.0, 3(b)(1));
    5. NC sources: the adaptation keeps an NC licence (it may not drop the condition, and
       "all rights reserved" would claim rights over material that is not ours) and is free,
       since selling it is a commercial use (CC 4.0, 1(i)).
    CC BY and CC0 sources allow any licence, including all rights reserved, at any price.
    """
    if price_cents < 0:
        return _negative_price()
    if same_rights_holder:
        return Decision.ok()
    if not source.derivatives:
        return Decision.refused(
            format_lazy(
                # fr: La licence de la source ({licence}) ne permet pas les adaptations.
                _("The source's licence ({licence}) does not allow adaptations."),
                licence=label(source),
            )
        )
    if source.share_alike and licence != source:
        return Decision.refused(
            format_lazy(
                # fr: Une adaptation d'une œuvre sous licence {licence} doit conserver la licence {licence}.
                _("An adaptation of a {licence} work must keep the {licence} licence."),
                licence=label(source),
            )
        )
    if source.non_commercial and not licence.non_commercial:
        return Decision.refused(
            format_lazy(
                # fr: Une adaptation d'une œuvre sous licence {licence} doit porter une licence non commerciale (NC).
                _("An adaptation of a {licence} work must carry a non-commercial (NC) licence."),
                licence=label(source),
            )
        )
    if source.non_commercial and price_cents > 0:
        # fr: Une adaptation de l'œuvre non commerciale (NC) d'une autre personne doit être gratuite.
        return Decision.refused(
            _("An adaptation of someone else's non-commercial (NC) work must be free.")
        )
    return Decision.ok()
