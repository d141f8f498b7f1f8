"""/<lang>/compte/etablissement/ (/en/account/institution/): the representative's page and the
past statements' files."""

from django.urls import path

from core.paths import localized_route

from . import views

app_name = "institutions"

urlpatterns = [
    path("", views.institution_page, name="page"),
    path(
        localized_route("releves/<int:pk>/<str:kind>/"), views.statement_file, name="statement_file"
    ),
]
