"""/<lang>/compte/ventes/: the seller's page, their Stripe Connect onboarding and the export."""

from django.urls import path

from core.paths import localized_route

from . import sales_views

app_name = "sales"

urlpatterns = [
    path("", sales_views.dashboard, name="dashboard"),
    path("stripe/", sales_views.onboard, name="onboard"),
    path(localized_route("stripe/actualiser/"), sales_views.refresh, name="refresh"),
    path(localized_route("stripe/retour/"), sales_views.stripe_return, name="return"),
    path("export.csv", sales_views.export, name="export"),
]
