"""The buyer's URLs under /<lang>/: the cart, checkout, the membership offer and orders."""

from django.urls import path

from core.paths import localized_route

from . import views

app_name = "boutique"

urlpatterns = [
    path(localized_route("panier/"), views.cart_page, name="cart"),
    path(localized_route("panier/ajouter/<int:resource_id>/"), views.add, name="add"),
    path(localized_route("panier/retirer/<int:resource_id>/"), views.remove, name="remove"),
    path(
        localized_route("panier/licence/<int:resource_id>/<int:institution_id>/"),
        views.add_licence,
        name="add_licence",
    ),
    path(
        localized_route("panier/licence/<int:resource_id>/<int:institution_id>/retirer/"),
        views.remove_licence,
        name="remove_licence",
    ),
    path(localized_route("panier/adhesion/"), views.membership_line, name="add_membership"),
    path(localized_route("panier/obtenir/<int:resource_id>/"), views.obtain, name="obtain"),
    path(
        localized_route("panier/obtenir/<int:resource_id>/retirer/"), views.release, name="release"
    ),
    path(localized_route("panier/payer/"), views.start_checkout, name="checkout"),
    path(
        localized_route("panier/paiement-demo/<str:session_id>/"),
        views.demo_payment,
        name="demo_payment",
    ),
    path(localized_route("adhesion/"), views.membership, name="membership"),
    path(localized_route("commandes/<str:reference>/"), views.order_detail, name="order"),
]
