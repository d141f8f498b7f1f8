"""The institutions' own records (the institution, its domains and representatives are in
accounts; institution licences are boutique records)."""

from django.urls import path

from . import views

app_name = "institutions"

urlpatterns = [
    path("", views.institution_page, name="page"),
    path("releves/<int:pk>/<str:kind>/", views.statement_file, name="statement_file"),
]
