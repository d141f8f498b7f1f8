"""Admin registration of the accounts app."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import InstitutionViewSet, PrivacyIncidentViewSet

register_snippet(InstitutionViewSet)


@hooks.register("register_admin_viewset")
def register_incident_register():
    return PrivacyIncidentViewSet("privacy_incidents")
