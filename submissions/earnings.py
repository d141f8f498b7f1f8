"""/<lang>/compte/depots/gains/?prix=&prix_membre=: the price step's table of what the member
receives per sale (commission and net, at the regular and the member price), for the prices being
typed. The step shows the same table for the saved prices without JavaScript; its script asks
here as the prices change. The figures come from boutique.pricing, as the order lines' do."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import may_submit
from boutique import pricing
from resources import institution_offer
from submissions.forms import parse_price_cents

TEMPLATE = "boutique/includes/earnings.html"


@require_GET
def earnings(request):
    if not request.user.is_authenticated or not may_submit(request.user):
        raise PermissionDenied
    try:
        price = parse_price_cents(request.GET.get("prix", ""))
        member_text = request.GET.get("prix_membre", "")
        member_price = parse_price_cents(member_text) if member_text.strip() else None
        institution_text = request.GET.get("prix_etablissement", "")
        chosen = parse_price_cents(institution_text) if institution_text.strip() else None
    except ValidationError as error:
        return render(request, TEMPLATE, {"earnings": [], "invalid": error.messages[0]}, status=400)
    context = {
        "earnings": pricing.seller_earnings(
            price,
            member_price,
            institution_price_cents=institution_offer.price_for(price, chosen),
        ),
        "percent": pricing.commission_percent(),
    }
    return render(request, TEMPLATE, context)
