"""The Atom feeds under /<lang>/flux/ (URLS.md)."""

from django.urls import path

from core.paths import localized_route

from . import feeds

app_name = "feeds"

urlpatterns = [
    path(localized_route("flux/ressources.xml"), feeds.CatalogueFeed(), name="resources"),
    path(
        localized_route("flux/disciplines/<str:code>.xml"),
        feeds.DisciplineFeed(),
        name="discipline",
    ),
    path(localized_route("flux/auteurs/<slug:slug>.xml"), feeds.AuthorFeed(), name="author"),
    path(
        localized_route("flux/collections/<slug:slug>.xml"),
        feeds.CollectionFeed(),
        name="collection",
    ),
]
