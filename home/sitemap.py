"""/sitemap.xml: every public page at its French and its English address (the English one with
its English path, /en/resources/…), each listing both as hreflang alternates."""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap

from core.i18n import DEFAULT_LANGUAGE


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the site's live, public pages, once per language."""

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            by_language = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    by_language[code] = item.get_sitemap_urls(self.request)
            # A page may list several addresses (a routable page's sub-pages): the n-th of each
            # language are the same content.
            for versions in zip(*by_language.values(), strict=True):
                alternates = [
                    {"lang_code": code, "location": info["location"]}
                    for code, info in zip(by_language, versions, strict=True)
                ]
                # The French address for a visitor of another language (the site's default).
                default = next(a for a in alternates if a["lang_code"] == DEFAULT_LANGUAGE)
                alternates.append({"lang_code": "x-default", "location": default["location"]})
                for info in versions:
                    urls.append({**info, "alternates": alternates})
                    last_mods.add(info.get("lastmod"))
        # Empty when the whole site is private.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
