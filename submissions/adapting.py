"""« Adapter cette ressource »: a submission that starts from a published resource of the site.

The resource page offers the button when the resource's licence allows adaptations; the new
draft records its source from the start, so that the licence step offers only the licences and
prices the source allows (resources/adaptations.py), and carries the source's classification
as a starting point the member may change."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from resources import adaptations, licences
from resources.models import ResourcePage

from . import service

# What an adaptation starts with from its source (the member changes them at step 2).
COPIED_TAXONOMIES = ("disciplines", "levels", "types", "dimensions")


class NotAdaptable(Exception):
    """The source's licence allows no adaptation by this member; `message` says why, `url` is
    the source's page, where the member goes back to."""

    def __init__(self, message, url: str):
        super().__init__(message)
        self.message = message
        self.url = url


@dataclass(frozen=True)
class Source:
    """The resource being adapted, and what its licence leaves the member."""

    page: ResourcePage
    licence: licences.Licence
    terms: adaptations.AdaptationTerms
    authors: str  # « Marie Tremblay; Paul Roy »


def source_for(user, page_id: int) -> Source:
    """The published resource `page_id` as a source this member may adapt: 404 when it is not
    published; NotAdaptable when its licence forbids adaptations (unless they hold its rights)."""
    page = ResourcePage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    licence = licences.get_licence(page.licence)
    listed = list(page.authors.all())
    # The same test as the rules' (resources/rules.py): the member is a listed author of both.
    holder = any(author.pk == user.pk for author in listed)
    terms = adaptations.adaptation_terms(licence, same_rights_holder=holder)
    if not terms.allowed:
        raise NotAdaptable(
            _("The licence of this resource does not allow adaptations: it cannot be adapted."),
            page.url,
        )
    names = [author.get_full_name() for author in listed] + page.co_author_names
    return Source(page, licence, terms, "; ".join(names))


def create_adaptation(user, values: dict, source: Source) -> ResourcePage:
    """The draft of an adaptation of `source`: step 1's values, the source, a licence it
    allows, and its classification to start from."""
    page = source.page
    return service.create_submission(
        user,
        {
            **values,
            "adapted_from_page": page,
            "licence": source.terms.default_licence().id,
            **{name: list(getattr(page, name).all()) for name in COPIED_TAXONOMIES},
        },
    )
