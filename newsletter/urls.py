from django.urls import path

from core.paths import localized_route

from . import views

app_name = "newsletter"

urlpatterns = [
    path(localized_route("desabonnement/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
