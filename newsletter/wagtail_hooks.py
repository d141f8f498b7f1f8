"""The « Infolettre » admin menu: editors write and schedule editions and read what each sending
did (sent, skipped, failed)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Edition


def _state(edition: Edition) -> str:
    if edition.started_at:
        return gettext("Sent")
    return gettext("Scheduled") if edition.send_on else gettext("Draft")


class EditionViewSet(ModelViewSet):
    model = Edition
    url_prefix = "infolettre"
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    add_to_reference_index = False
    list_display = [
        "title",
        "send_on",
        Column("state", label=_("State"), accessor=_state),
        "sent_count",
        "skipped_count",
        "failed_count",
    ]


@hooks.register("register_admin_viewset")
def register_editions():
    return EditionViewSet("newsletter_editions")
