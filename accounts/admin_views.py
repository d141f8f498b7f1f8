"""Admin screens for people: the user forms carry the APOP membership (staff grant it here) and
the display name; institutions are snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Institution

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
    list_display = ["name", "fcp_member", "fcp_member_year"]
    list_filter = ["fcp_member"]
    search_fields = ["name"]
