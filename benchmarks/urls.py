"""Bench only (benchmarks/settings.py): the product's URLs, and the search page written with
Wagtail's own search API (benchmarks/wagtail_page.py) that benchmarks/measures/compare.py
compares with ours."""

from django.urls import path

from apop.urls import handler500
from apop.urls import urlpatterns as product_urlpatterns
from benchmarks import wagtail_page
from benchmarks.measures.compare import WAGTAIL_SEARCH

urlpatterns = [
    path(WAGTAIL_SEARCH.lstrip("/"), wagtail_page.search, name="bench_wagtail_search"),
    *product_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
