"""The site's page tree and its Wagtail site: the home page, the editorial pages and the footer's
links to them. Run by `load_demo` (with --structure-only in production), which gives the pages'
first texts. Idempotent: a page that exists is left as an editor made it."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .models import HomePage, SiteLinks, StandardPage


def ensure_home(texts: dict) -> HomePage:
    """The home page, created and published with these texts (title, intro, …) if missing."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = _ensure_root()
    home = root.add_child(instance=HomePage(slug="accueil", live=False, **texts))
    home.save_revision().publish()
    return home


def _ensure_root() -> Page:
    """The tree's root (Wagtail's migration makes it; a flushed test database may not have it)."""
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return root


def ensure_site(home: HomePage) -> Site:
    """The default site, rooted at the home page, at the address of WAGTAILADMIN_BASE_URL."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # The address people use (make run: 127.0.0.1:8000), so that absolute URLs in
        # attributions, feeds and e-mails point somewhere real.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        return Site.objects.create(
            hostname=base.hostname or "localhost",
            port=base.port or (443 if base.scheme == "https" else 80),
            root_page=home,
            is_default_site=True,
            site_name="APOP boutique",
        )
    if site.root_page_id != home.pk:
        # Wagtail's placeholder site (localhost:80): give it the real address too.
        previous = site.root_page
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or site.hostname
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page = home
        site.site_name = site.site_name or "APOP boutique"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" placeholder: remove it once replaced.
        if type(previous.specific) is Page and previous.is_leaf():
            previous.delete()
    return site


def ensure_editorial_page(home: HomePage, spec: dict) -> StandardPage:
    """The page with spec's slug under the home page; created and published from spec's fields
    (its "key" aside) if missing."""
    page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    fields = {k: v for k, v in spec.items() if k not in ("key",)}
    page = home.add_child(instance=StandardPage(live=False, **fields))
    page.save_revision().publish()
    return page


def ensure_site_links(site: Site, pages: dict[str, StandardPage]) -> None:
    """Point each SiteLinks field ({field name: page}) at its page, unless an editor chose one."""
    links = SiteLinks.for_site(site)
    changed = False
    for field, page in pages.items():
        if getattr(links, f"{field}_id") is None:
            setattr(links, field, page)
            changed = True
    if changed:
        links.save()
