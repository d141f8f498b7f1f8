"""The buyer's URLs under /<lang>/: the cart, checkout, the membership offer and orders."""

from django.urls import path

from . import views

app_name = "boutique"

urlpatterns = [
    path("panier/", views.cart_page, name="cart"),
    path("panier/ajouter/<int:resource_id>/", views.add, name="add"),
    path("panier/retirer/<int:resource_id>/", views.remove, name="remove"),
    path(
        "panier/licence/<int:resource_id>/<int:institution_id>/",
        views.add_licence,
        name="add_licence",
    ),
    path(
        "panier/licence/<int:resource_id>/<int:institution_id>/retirer/",
        views.remove_licence,
        name="remove_licence",
    ),
    path("panier/adhesion/", views.membership_line, name="add_membership"),
    path("panier/obtenir/<int:resource_id>/", views.obtain, name="obtain"),
    path("panier/obtenir/<int:resource_id>/retirer/", views.release, name="release"),
    path("panier/payer/", views.start_checkout, name="checkout"),
    path("panier/paiement-demo/<str:session_id>/", views.demo_payment, name="demo_payment"),
    path("adhesion/", views.membership, name="membership"),
    path("commandes/<str:reference>/", views.order_detail, name="order"),
]
