"""Catalogue URLs under /<lang>/ that are not Wagtail pages."""

from django.urls import path

from core.paths import localized_route

from . import views

app_name = "resources"

urlpatterns = [
    path("disciplines/", views.discipline_index, name="discipline_index"),
    path(localized_route("evaluations/<int:page_id>/"), views.rate_resource, name="rate"),
]
