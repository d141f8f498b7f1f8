"""/<lang>/compte/ventes/: a seller's sales, their Stripe Connect account, and the CSV export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import roles

from . import checkout, connect, sales, stripe_gateway

EXPORT_FILENAME = "ventes-apop.csv"


def _see_other(url: str) -> HttpResponseRedirect:
    """303: the browser follows with a GET, whatever method brought it here."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _page(request, *, status: int = 200, error: str = "") -> TemplateResponse:
    """The sales page; `error` is shown above it when an action failed."""
    user = request.user
    account = connect.account_of(user)
    may_sell = connect.may_sell(user)
    context = {
        "may_sell": may_sell,
        "is_member": roles.is_member(user),
        "account": account,
        "status": connect.status_of(account),
        "payment_mode": checkout.payment_mode(),
        "summary": sales.summary(user) if may_sell else None,
        "error": error,
    }
    return TemplateResponse(request, "boutique/sales.html", context, status=status)


@login_required
@require_GET
def dashboard(request):
    """The seller's account status and figures; people who cannot sell learn that selling
    needs a membership."""
    return _page(request)


def _absolute(request, name: str) -> str:
    return request.build_absolute_uri(reverse(name))


def _to_stripe(request, account):
    link = connect.onboarding_link(
        account,
        refresh_url=_absolute(request, "sales:refresh"),
        return_url=_absolute(request, "sales:return"),
    )
    return _see_other(link)


def _not_configured(request):
    if checkout.payment_mode() == checkout.Mode.DEMO:
        error = _(
            "This site runs demonstration payments: a Stripe account can be connected once it "
            "runs with Stripe. Meanwhile your shares are kept as pending payouts."
        )
    else:
        error = _(
            "Online payments are not open yet: a Stripe account can be connected once they are."
        )
    return _page(request, status=503, error=error)


def _stripe_failed(request):
    return _page(
        request,
        status=502,
        error=_("Stripe could not be reached. Please try again in a few minutes."),
    )


@login_required
@require_POST
def onboard(request):
    """Create the seller's Express account (once) and send them to Stripe to complete it."""
    if not connect.may_sell(request.user):
        return _page(request, status=403, error=_("Selling resources requires APOP membership."))
    if not stripe_gateway.is_configured():
        return _not_configured(request)
    try:
        account = connect.ensure_account(request.user)
        return _to_stripe(request, account)
    except stripe_gateway.GatewayError:
        return _stripe_failed(request)


@login_required
@require_GET
def refresh(request):
    """Stripe sends people here when their onboarding link expired: make a new one."""
    account = connect.account_of(request.user)
    if account is None:
        return redirect("sales:dashboard")
    if not stripe_gateway.is_configured():
        return _not_configured(request)
    try:
        return _to_stripe(request, account)
    except stripe_gateway.GatewayError:
        return _stripe_failed(request)


@login_required
@require_GET
def stripe_return(request):
    """Back from Stripe: read the account's state, release pending payouts when it can
    receive, and say where the seller stands."""
    account = connect.account_of(request.user)
    if account is None or not stripe_gateway.is_configured():
        return redirect("sales:dashboard")
    try:
        account = connect.refresh_from_stripe(account)
    except stripe_gateway.GatewayError:
        # Stripe's account.updated event will bring the same news a little later.
        messages.warning(
            request,
            _("We could not check your Stripe account right now; this page will update shortly."),
        )
        return redirect("sales:dashboard")
    if account.can_receive:
        messages.success(
            request, _("Your Stripe account is ready: your shares of sales are paid into it.")
        )
    else:
        messages.warning(
            request,
            _("Stripe still needs information before it can pay you. Continue when you are ready."),
        )
    return redirect("sales:dashboard")


@login_required
@require_GET
def export(request):
    """The seller's sold lines as CSV, for their spreadsheet or accountant."""
    response = HttpResponse(sales.export_csv(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}"'
    return response
