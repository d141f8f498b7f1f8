"""The repository's sets: by discipline (`discipline:<code>`), by licence (`licence:<SPDX id>`),
open educational resources (`rel`, open licences only) and paid resources (`payant`).
`discipline` and `licence` are the parents of their sets: harvesting one harvests them all."""

import re
from dataclasses import dataclass

from resources import licences
from resources.taxonomies import all_terms

from .metadata import licence_label

# The protocol's setSpec syntax (OAI-PMH 2.0, section 4.6 and its schema).
SPEC_SYNTAX = re.compile(r"([A-Za-z0-9\-_.!~*'()])+(:[A-Za-z0-9\-_.!~*'()]+)*")

DISCIPLINE, LICENCE, OPEN, PAID = "discipline", "licence", "rel", "payant"


@dataclass(frozen=True)
class OaiSet:
    spec: str
    name: str


def specs_for(disciplines, licence: licences.Licence, price_cents: int) -> list[str]:
    """A record's sets (leaves only: a parent's membership follows from its children)."""
    specs = [f"{DISCIPLINE}:{term.code}" for term in disciplines]
    specs.append(f"{LICENCE}:{licence.spdx_id}")
    if licence.is_open:
        specs.append(OPEN)
    if price_cents > 0:
        specs.append(PAID)
    return specs


def stored(specs) -> str:
    """The specs as OaiRecord.set_specs keeps them: " a b c " (see matching())."""
    return f" {' '.join(specs)} " if specs else ""


def matching(spec: str) -> list[str]:
    """The substrings of OaiRecord.set_specs that place a record in this set or below it."""
    return [f" {spec} ", f" {spec}:"]


def all_sets() -> list[OaiSet]:
    """Every set, parents first, in a stable order (names in French, the site's language)."""
    sets = [OaiSet(DISCIPLINE, "Disciplines de l'enseignement collégial")]
    disciplines = sorted(all_terms()["discipline"].values(), key=lambda term: term.code)
    sets += [OaiSet(f"{DISCIPLINE}:{t.code}", f"{t.code} {t.name_fr}") for t in disciplines]
    sets.append(OaiSet(LICENCE, "Licences"))
    sets += [
        OaiSet(f"{LICENCE}:{licence.spdx_id}", licence_label(licence, "fr"))
        for licence in licences.LICENCES.values()
    ]
    sets.append(OaiSet(OPEN, "Ressources éducatives libres (REL) : licences ouvertes"))
    sets.append(OaiSet(PAID, "Ressources payantes"))
    return sets


def exists(spec: str) -> bool:
    return any(item.spec == spec for item in all_sets())
