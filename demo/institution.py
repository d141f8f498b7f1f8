"""The demo's member institution seen from the inside (accounts.yaml, `institution`): its local
representative and a teacher of its staff (confirmed addresses in its domain), and an institution
licence already bought — a paid demonstration order fulfilled by the boutique's own code, so that
the seller's sales page, the payouts and the representative's page show it as after a purchase.
Idempotent: what exists is left as it is."""

from django.db import transaction

from accounts.models import Institution, InstitutionDomain, InstitutionRepresentative
from boutique import checkout, demo_payments, fulfilment, pricing
from boutique.institution_licences import line_title
from boutique.models import DEMO_SESSION_PREFIX, InstitutionLicence, Order, OrderLine
from resources import institution_offer
from resources.models import ResourcePage

from .loader import ensure_confirmed_account


def _buy_licence(representative, institution, resource) -> None:
    """A paid order of one institution licence, fulfilled as the demonstration payment does."""
    price = institution_offer.price_cents(resource)
    amounts = pricing.institution_line(price)
    order = Order.objects.create(
        reference=f"tmp-demo-{institution.pk}-{resource.pk}",
        user=representative,
        email=representative.email,
        subtotal_cents=price,
        total_cents=price,
        language="fr",
        stripe_session_id=f"{DEMO_SESSION_PREFIX}licence{institution.pk}x{resource.pk}",
    )
    order.reference = checkout.reference_for(order)
    order.save(update_fields=["reference"])
    OrderLine.objects.create(
        order=order,
        kind=OrderLine.Kind.INSTITUTION,
        resource=resource,
        institution=institution,
        title=line_title(resource, institution)[:255],
        seller=checkout.seller_of(resource),
        price_cents=amounts.price_cents,
        commission_cents=amounts.commission_cents,
        seller_share_cents=amounts.seller_share_cents,
    )
    fulfilment.fulfil_order(order.reference, session=demo_payments.completed_session(order))


@transaction.atomic
def ensure_demo_institution(data: dict, password: str) -> None:
    """The representative, the staff, and the licence of accounts.yaml's institution."""
    spec = data["institution"]
    domain = InstitutionDomain.objects.filter(domain=spec["domain"]).first()
    institution = domain.institution if domain else Institution.objects.get(name=spec["name"])
    representative = ensure_confirmed_account(spec["representative"], password)
    InstitutionRepresentative.objects.get_or_create(institution=institution, user=representative)
    for staff in spec.get("staff", []):
        ensure_confirmed_account(staff, password)
    resource = ResourcePage.objects.filter(slug=spec["licence"]).first()
    if resource is None or InstitutionLicence.objects.filter(institution=institution).exists():
        return
    _buy_licence(representative, institution, resource)
