"""Admin screens of the catalogue: taxonomies and reviews as snippets, the editor's « ressource
validée » action on resource pages, the « Collections REL » menu, the resource chooser, the author
search, the queue of resources to review on the dashboard, and the admin's own style sheet."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views import collections as wagtail_collection_views
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .admin_choosers import resource_chooser_viewset
from .admin_collections import open_collection_viewset
from .admin_dashboard import ResourcesToReviewPanel
from .models import (
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    Rating,
    ResourcePage,
    ResourceType,
)
from .ratings import refresh_stats


class DisciplineViewSet(SnippetViewSet):
    model = Discipline
    icon = "tag"
    menu_label = _("Disciplines")
    list_display = ["code", "name_fr", "name_en", "family", "verified"]
    list_filter = ["verified", "family"]
    search_fields = ["code", "name_fr", "name_en"]
    ordering = ["code"]


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "tag"
    menu_label = _("Courses")
    list_display = ["number", "name_fr", "name_en", "discipline", "verified"]
    list_filter = ["verified", "discipline"]
    search_fields = ["number", "name_fr", "name_en"]
    ordering = ["number"]
    panels = ["number", "discipline", "name_fr", "name_en", "verified"]


class EducationLevelViewSet(SnippetViewSet):
    model = EducationLevel
    icon = "tag"
    menu_label = _("Education levels")
    list_display = ["code", "name_fr", "name_en", "position", "verified"]
    list_filter = ["verified"]


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "tag"
    menu_label = _("Resource types")
    list_display = ["code", "name_fr", "name_en", "position", "verified"]
    list_filter = ["verified"]


class DimensionViewSet(SnippetViewSet):
    model = DigitalCompetencyDimension
    icon = "tag"
    menu_label = _("Digital competency")
    list_display = ["number", "name_fr", "name_en", "verified"]
    list_filter = ["verified"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = (
        DisciplineViewSet,
        CourseViewSet,
        EducationLevelViewSet,
        ResourceTypeViewSet,
        DimensionViewSet,
    )


class RatingViewSet(SnippetViewSet):
    model = Rating
    icon = "pick"
    menu_label = _("Reviews")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["resource", "user", "score", "comment", "hidden", "updated_at"]
    list_filter = ["hidden", "score"]
    search_fields = ["comment"]
    panels = ["hidden", "score", "comment"]


register_snippet(TaxonomyGroup)
register_snippet(RatingViewSet)


@hooks.register("register_admin_viewset")
def _resource_chooser():
    return resource_chooser_viewset


@hooks.register("register_admin_viewset")
def _open_collections():
    return open_collection_viewset


# Wagtail's « Collections » are folders of images and documents; ours are curated pages. The
# folders take another name in the menu and on their page, so that « Collections » means ours.
wagtail_collection_views.Index.page_title = _("Media folders")


@hooks.register("construct_homepage_panels")
def _review_queue(request, panels):
    panels.append(ResourcesToReviewPanel())


@hooks.register("construct_settings_menu")
def _rename_media_folders(request, menu_items):
    for item in menu_items:
        if item.name == "collections":
            item.label = _("Media folders")


@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def _rating_moderated(request, instances_or_instance):
    """Hiding or deleting a review changes the resource's average."""
    instances = (
        instances_or_instance
        if isinstance(instances_or_instance, list)
        else [instances_or_instance]
    )
    for instance in instances:
        if isinstance(instance, Rating):
            refresh_stats(instance.resource_id)


@hooks.register("register_admin_urls")
def _admin_urls():
    return [
        path(
            "ressources/<int:page_id>/validation/",
            admin_views.toggle_validation,
            name="resources_toggle_validation",
        ),
        path("ressources/auteurs/", admin_views.author_search, name="resources_author_search"),
    ]


@hooks.register("insert_global_admin_css")
def _admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


def _validation_item(page, user):
    specific = page.specific_deferred
    if isinstance(specific, ResourcePage) and admin_views.may_validate(user):
        label = (
            _("Remove the “validated” badge")
            if specific.validated_at
            else _("Mark as validated resource")
        )
        yield PageMenuItem(
            label,
            reverse("resources_toggle_validation", args=[page.pk]),
            icon_name="success",
            priority=45,
            page=page,
        )


@hooks.register("register_page_listing_more_buttons")
def _validation_listing_button(page, user, next_url=None):
    yield from _validation_item(page, user)


@hooks.register("register_page_header_buttons")
def _validation_header_button(page, user, view_name, next_url=None):
    yield from _validation_item(page, user)
