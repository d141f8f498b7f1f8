"""Validation of a resource against the money and licence rules, with messages in the user's
language. Used by ResourcePage.clean() (the admin) and the submission form alike; and what an
open (REL) collection may hold, used by the collection's admin form and the demo loader."""

from django.db.models import Q
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.formats import money

from . import adaptations, institution_offer, licences


def course_errors(courses, disciplines) -> list:
    """A course belongs to its discipline: [a message] naming the courses outside `disciplines`
    (empty when every course is in one of them)."""
    chosen = {discipline.pk for discipline in disciplines}
    stray = [course.number for course in courses if course.discipline_id not in chosen]
    if not stray:
        return []
    return [
        format_lazy(
            _(
                "{numbers}: a course belongs to its discipline; choose that discipline too, "
                "or remove the course."
            ),
            numbers=", ".join(stray),
        )
    ]


def resource_errors(page) -> dict[str, list]:
    """{field name: [messages]} for everything wrong with this resource; empty when valid."""
    errors: dict[str, list] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    price = page.price_cents if page.price_cents is not None else 0
    if price < 0 or (page.member_price_cents or 0) < 0 or (page.institution_price_cents or 0) < 0:
        # The fields' own validators refuse negative amounts, with their message.
        return errors
    if page.member_price_cents is not None:
        if price == 0:
            add("member_price_cents", _("A free resource has no member price."))
        elif page.member_price_cents > price:
            add("member_price_cents", _("The member price cannot be higher than the price."))
    for message in institution_offer.errors(page):
        add("institution_price_cents", message)
    # In memory for a page being built in the admin (modelcluster), from the database otherwise.
    for message in course_errors(page.courses.all(), page.disciplines.all()):
        add("courses", message)
    licence = licences.get_licence(page.licence)
    author_ids = {user.pk for user in page.authors.all()}
    sale = licences.can_sell(licence, price, seller_is_rights_holder=bool(author_ids))
    if not sale:
        add("price_cents", sale.reason)

    source_licence, same_holder = _source(page, author_ids)
    if page.adapted_from_page_id and page.pk and page.adapted_from_page_id == page.pk:
        add("adapted_from_page", _("A resource cannot be adapted from itself."))
    elif page.adapted_from_page_id and page.source_title:
        add(
            "source_title",
            _("Give either a resource of this site or an external source, not both."),
        )
    elif source_licence is not None:
        decision = licences.derivative_allowed(
            source_licence, licence, 0, same_rights_holder=same_holder
        )
        if not decision:
            add("licence", decision.reason)
        # The price is checked even when the licence is refused (against a licence the source
        # allows), so that the member reads every problem at once.
        candidate = (
            licence
            if decision
            else adaptations.adaptation_terms(
                source_licence, same_rights_holder=same_holder
            ).default_licence()
        )
        if price > 0 and candidate is not None:
            priced = licences.derivative_allowed(
                source_licence, candidate, price, same_rights_holder=same_holder
            )
            if not priced:
                add("price_cents", priced.reason)
    elif page.source_title and not page.source_licence:
        add("source_licence", _("Give the licence of the source you adapted."))
    return errors


def adaptation_source(page):
    """(licence of what this resource adapts, whether its authors hold the rights to it too);
    (None, False) for an original work."""
    return _source(page, {user.pk for user in page.authors.all()})


def _source(page, author_ids):
    """(licence of what this resource adapts, whether the rights holders overlap)."""
    if page.adapted_from_page_id:
        # The page's own class: the rules read no model module (they are the models' rules).
        source = type(page).objects.filter(pk=page.adapted_from_page_id).first()
        if source is None:
            return None, False
        source_authors = set(source.authors.values_list("pk", flat=True))
        return licences.get_licence(source.licence), bool(source_authors & author_ids)
    if page.source_title and page.source_licence:
        return licences.get_licence(page.source_licence), False
    return None, False


# --- Open (REL) collections -----------------------------------------------------------------

OPEN_LICENCE_IDS = tuple(key for key, licence in licences.LICENCES.items() if licence.is_open)
# The resources an open collection may show: free, under an open licence.
REL_ELIGIBLE = Q(price_cents=0, licence__in=OPEN_LICENCE_IDS)


def rel_refusals(resource) -> list:
    """Why `resource` may not be in an open (REL) collection, each reason naming it; empty when
    it may: an open collection holds only free resources under an open licence (ARCHITECTURE)."""
    reasons = []
    licence = licences.get_licence(resource.licence)
    if not licence.is_open:
        reasons.append(
            format_lazy(
                # fr: « {title} » ne peut pas entrer dans une collection REL : sa licence ({licence}) n'est pas une licence ouverte.
                _(
                    "“{title}” cannot go into an open (REL) collection: its licence ({licence}) is "
                    "not an open licence."
                ),
                title=resource.title,
                licence=licences.label(licence),
            )
        )
    if resource.price_cents:
        reasons.append(
            format_lazy(
                # fr: « {title} » ne peut pas entrer dans une collection REL : elle est vendue ({price}); une collection REL ne contient que des ressources gratuites.
                _(
                    "“{title}” cannot go into an open (REL) collection: it is sold ({price}); an "
                    "open collection holds only free resources."
                ),
                title=resource.title,
                price=lazy(money, str)(resource.price_cents),
            )
        )
    return reasons


def collection_errors(is_open: bool, resources) -> list:
    """The refusals of every resource in a collection; none for a collection that is not open."""
    if not is_open:
        return []
    return [reason for resource in resources for reason in rel_refusals(resource)]
