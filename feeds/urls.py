"""The Atom feeds under /<lang>/flux/ (URLS.md)."""

from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("flux/ressources.xml", feeds.CatalogueFeed(), name="resources"),
    path("flux/disciplines/<str:code>.xml", feeds.DisciplineFeed(), name="discipline"),
    path("flux/auteurs/<slug:slug>.xml", feeds.AuthorFeed(), name="author"),
    path("flux/collections/<slug:slug>.xml", feeds.CollectionFeed(), name="collection"),
]
