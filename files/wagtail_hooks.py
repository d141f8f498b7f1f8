"""The files app's admin URLs: the editors' look at a resource's files (files/review.py)."""

from django.urls import path
from wagtail import hooks

from . import review


@hooks.register("register_admin_urls")
def _admin_urls():
    return [
        path("fichiers/apercu/<str:token>/", review.preview, name="files_review_preview"),
        path("fichiers/voir/<str:token>/", review.view, name="files_review_view"),
    ]
