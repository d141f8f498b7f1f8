"""Public author pages: /<lang>/auteurs/<slug>/ and following an author."""

from django.urls import path

from core.paths import localized_route

from .views import authors

app_name = "authors"

urlpatterns = [
    path("<slug:slug>/", authors.author_page, name="detail"),
    path(localized_route("<slug:slug>/suivre/"), authors.follow, name="follow"),
]
