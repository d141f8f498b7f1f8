"""Public author pages: /<lang>/auteurs/<slug>/ and following an author."""

from django.urls import path

from .views import authors

app_name = "authors"

urlpatterns = [
    path("<slug:slug>/", authors.author_page, name="detail"),
    path("<slug:slug>/suivre/", authors.follow, name="follow"),
]
