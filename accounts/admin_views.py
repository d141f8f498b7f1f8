"""Admin screens for people: the user forms carry the APOP membership (staff grant it here) and
the display name; institutions are snippets; the Law 25 incident register."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from . import roles
from .models import Institution, PrivacyIncident

EXTRA_FIELDS = ("display_name", "membership_expires_on", "language")


class _MemberFields:
    """People sign up with an e-mail and a display name: first and last names are optional here
    too, and the e-mail language falls back to French when the form leaves it out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "language"):
            self.fields[name].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or "fr"


class MemberCreationForm(_MemberFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(EXTRA_FIELDS)


class MemberEditForm(_MemberFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(EXTRA_FIELDS)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return MemberEditForm if for_update else MemberCreationForm


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "group"
    menu_label = _("Institutions")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "name",
        "member_from",
        "member_until",
        Column(
            "is_member",
            label=_("FCP member today"),
            accessor=lambda institution: (
                gettext("Yes") if roles.is_institution_member(institution) else gettext("No")
            ),
        ),
    ]
    search_fields = ["name"]


def _owed(incident: PrivacyIncident) -> str:
    return gettext("Yes") if incident.notices_owed else "—"


class PrivacyIncidentViewSet(ModelViewSet):
    """Law 25's incident register, for staff holding its permissions (not the editors): add,
    edit, inspect; never delete — entries are kept at least five years."""

    model = PrivacyIncident
    url_prefix = "registre-incidents"
    icon = "warning"
    menu_label = _("Incident register")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None  # plain database lookups
    add_to_reference_index = False
    list_display = [
        "discovered_on",
        "circumstances",
        "people_affected",
        Column(
            "serious_injury_risk",
            label=_("risk of serious injury"),
            accessor=lambda incident: (
                gettext("Yes") if incident.serious_injury_risk else gettext("No")
            ),
        ),
        Column("notices_owed", label=_("Notices owed"), accessor=_owed),
    ]
    list_filter = ["serious_injury_risk"]
    search_fields = ["circumstances", "information_affected", "measures"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**kwargs) | {"delete_url_name": None}

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "delete"]
