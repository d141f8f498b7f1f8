"""Account pages under /<lang>/compte/: the member's own space. Sign-up, log-in, log-out,
e-mail confirmation and password reset are allauth's, mounted on the same prefix (apop/urls.py);
submissions have their own module (resources/submission_urls.py)."""

from django.urls import path

from core.paths import localized_route

from .views import dashboard, folders, library, privacy, profile

app_name = "accounts"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path(localized_route("profil/"), profile.edit_profile, name="profile"),
    path(localized_route("bibliotheque/"), library.library, name="library"),
    path(localized_route("bibliotheque/dossiers/nouveau/"), folders.create, name="folder_create"),
    path(localized_route("bibliotheque/dossiers/<int:folder_id>/"), folders.detail, name="folder"),
    path(
        localized_route("bibliotheque/dossiers/<int:folder_id>/renommer/"),
        folders.rename,
        name="folder_rename",
    ),
    path(
        localized_route("bibliotheque/dossiers/<int:folder_id>/supprimer/"),
        folders.delete,
        name="folder_delete",
    ),
    path(
        localized_route("bibliotheque/dossiers/<int:folder_id>/retirer/<int:resource_id>/"),
        folders.remove,
        name="folder_remove",
    ),
    path(
        localized_route("bibliotheque/classer/<int:resource_id>/"),
        folders.file_resource,
        name="file_resource",
    ),
    path(localized_route("confidentialite/"), privacy.privacy, name="privacy"),
    path(localized_route("confidentialite/export/"), privacy.export_data, name="privacy_export"),
    path(
        localized_route("confidentialite/supprimer/"), privacy.delete_account, name="delete_account"
    ),
]
