"""Catalogue URLs under /<lang>/ that are not Wagtail pages."""

from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("disciplines/", views.discipline_index, name="discipline_index"),
    path("evaluations/<int:page_id>/", views.rate_resource, name="rate"),
]
