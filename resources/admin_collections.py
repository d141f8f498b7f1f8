"""The admin's « Collections REL » menu: the open collections in one flat listing, with their
discipline and number of resources, instead of deep in the page tree. Wagtail's own
« Collections » (folders of images and documents) is renamed « Dossiers de médias » so that the
two words never meet (resources/wagtail_hooks.py)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import CollectionPage


class OpenCollectionIndexView(IndexView):
    page_title = _("REL collections")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(is_open=True)
            .select_related("discipline")
            .annotate(resource_count=Count("items"))
        )


class OpenCollectionViewSet(PageListingViewSet):
    model = CollectionPage
    index_view_class = OpenCollectionIndexView
    icon = "folder-open-inverse"
    menu_label = _("REL collections")
    menu_order = 205
    add_to_admin_menu = True
    columns = [
        IndexView.base_columns[0],  # the title, with its actions
        Column("discipline", label=_("Discipline"), accessor=lambda page: page.discipline or "—"),
        Column("resource_count", label=_("Resources")),
        *IndexView.base_columns[1:],
    ]


open_collection_viewset = OpenCollectionViewSet("collections_rel", url_prefix="collections-rel")
