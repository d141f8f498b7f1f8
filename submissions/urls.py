"""Submission of resources by members: /<lang>/compte/depots/…"""

from django.urls import path, register_converter

from core.paths import WordConverter, localized_route

from . import earnings, views

app_name = "submissions"

# The steps' names read English under /en/ (« fichiers » → « files »).
register_converter(WordConverter, "word")

urlpatterns = [
    path("", views.my_submissions, name="list"),
    path(localized_route("nouveau/"), views.new_submission, name="new"),
    path(localized_route("gains/"), earnings.earnings, name="earnings"),
    path(localized_route("adapter/<int:source_id>/"), views.adapt, name="adapt"),
    path(
        localized_route("<int:page_id>/fichiers/retirer/"),
        views.remove_upload,
        name="remove_upload",
    ),
    path(localized_route("<int:page_id>/retirer-de-la-revision/"), views.withdraw, name="withdraw"),
    path(localized_route("<int:page_id>/depublier/"), views.unpublish, name="unpublish"),
    path("<int:page_id>/<word:step>/", views.edit_step, name="step"),
]
