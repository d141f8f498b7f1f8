"""The admin's resource chooser: wherever a form points at a resource (a collection's items, the
source of an adaptation), the editor searches the published resources and sees each one's licence
and price before choosing — an open (REL) collection takes only free, openly licensed ones."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from core.formats import money
from core.i18n import current_language

from .models import ResourcePage


def licence_text(resource) -> str:
    return resource.licence_info.short(current_language())


def price_text(resource) -> str:
    return str(_("Free")) if resource.is_free else money(resource.price_cents)


def resource_label(resource) -> str:
    """« Titre — CC BY 4.0 · Gratuit »: what a chosen resource reads as in a form."""
    return f"{resource.title} — {licence_text(resource)} · {price_text(resource)}"


class _ResourceColumns:
    @property
    def columns(self):
        return [
            *super().columns,
            Column("licence", label=_("Licence"), accessor=licence_text),
            Column("price", label=_("Price"), accessor=price_text),
        ]

    def get_object_list(self):
        return ResourcePage.objects.live().order_by("title")


class ResourceChooseView(_ResourceColumns, ChooseView):
    pass


class ResourceChooseResultsView(_ResourceColumns, ChooseResultsView):
    pass


class ResourceChosenView(ChosenView):
    def get_display_title(self, instance):
        return resource_label(instance)


class ResourceChooserWidgetBase(BaseChooser):
    def get_display_title(self, instance):
        return resource_label(instance)


class ResourceChooserViewSet(ChooserViewSet):
    model = ResourcePage
    icon = "doc-full"
    choose_one_text = _("Choose a resource")
    choose_another_text = _("Choose another resource")
    edit_item_text = _("Edit this resource")
    choose_view_class = ResourceChooseView
    choose_results_view_class = ResourceChooseResultsView
    chosen_view_class = ResourceChosenView
    base_widget_class = ResourceChooserWidgetBase
    per_page = 20


resource_chooser_viewset = ResourceChooserViewSet(
    "resource_chooser", url_prefix="ressources/choisir"
)
