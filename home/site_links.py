"""The footer's page links and privacy officer, cached so that rendering a page costs no query
for them."""

from django.core.cache import cache
from wagtail.models import Page

from core.i18n import current_language

from .models import SiteLinks

CACHE_SECONDS = 60 * 60
_KEY = "site-links:{site_id}:{lang}"
_LANGS = ("fr", "en")


def links_for(site, request=None) -> dict[str, str]:
    """URLs of the pages chosen in the SiteLinks setting, by field name ("" when unset), and the
    privacy officer's name, title and e-mail (SiteLinks.PRIVACY_OFFICER_FIELDS)."""
    if site is None:
        return {}
    key = _KEY.format(site_id=site.pk, lang=current_language())
    links = cache.get(key)
    if links is None:
        links = _build(site, request)
        cache.set(key, links, CACHE_SECONDS)
    return links


def _build(site, request) -> dict[str, str]:
    setting = SiteLinks.for_site(site)
    ids = {field: getattr(setting, f"{field}_id") for field in SiteLinks.LINK_FIELDS}
    pages = Page.objects.live().public().in_bulk([pk for pk in ids.values() if pk])
    links = {
        field: (pages[pk].get_url(request=request) if pk in pages else "")
        for field, pk in ids.items()
    }
    for field in SiteLinks.PRIVACY_OFFICER_FIELDS:
        links[field] = getattr(setting, field)
    # The catalogue's index pages, found by type under this site.
    from resources.models import CollectionIndexPage, ResourceIndexPage

    for key, model in (
        ("resources_index", ResourceIndexPage),
        ("collections_index", CollectionIndexPage),
    ):
        index_page = model.objects.live().descendant_of(site.root_page).first()
        links[key] = index_page.get_url(request=request) if index_page else ""
    return links


def forget_links(sites=None) -> None:
    """Drop the cached links (after a publication, a move or a settings change)."""
    from wagtail.models import Site

    site_ids = [s.pk for s in sites] if sites else list(Site.objects.values_list("pk", flat=True))
    cache.delete_many([_KEY.format(site_id=pk, lang=lang) for pk in site_ids for lang in _LANGS])
