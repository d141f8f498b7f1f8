"""/telechargement/… (outside the language prefix: a file has no interface language)."""

from django.urls import path

from . import downloads, invitation

app_name = "downloads"

urlpatterns = [
    path("<int:resource_id>/", downloads.download_resource, name="resource"),
    path("<int:resource_id>/<int:file_id>/", downloads.download_file, name="file"),
    path("collections/<int:collection_id>/", downloads.download_collection, name="collection"),
    path("invitation/fermer/", invitation.dismiss, name="dismiss_invitation"),
]
