"""Account pages under /<lang>/compte/: the member's own space. Sign-up, log-in, log-out,
e-mail confirmation and password reset are allauth's, mounted on the same prefix (apop/urls.py);
submissions have their own module (resources/submission_urls.py)."""

from django.urls import path

from .views import dashboard, library, privacy, profile

app_name = "accounts"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("profil/", profile.edit_profile, name="profile"),
    path("bibliotheque/", library.library, name="library"),
    path("confidentialite/", privacy.privacy, name="privacy"),
    path("confidentialite/export/", privacy.export_data, name="privacy_export"),
    path("confidentialite/supprimer/", privacy.delete_account, name="delete_account"),
]
