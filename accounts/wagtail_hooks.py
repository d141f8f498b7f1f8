"""Admin registration of the accounts app."""

from wagtail.snippets.models import register_snippet

from .admin_views import InstitutionViewSet

register_snippet(InstitutionViewSet)
