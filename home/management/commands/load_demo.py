"""Creates the site's structure (page tree, taxonomies, editorial workflow) and, unless told
otherwise, the demo accounts and the demo catalogue. Idempotent: a second run changes nothing,
and what editors have since changed is left as it is."""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from accounts.demo import ensure_demo_people
from home.demo_content import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_PRIVACY_OFFICER,
    HOME,
    PAGES,
)
from home.models import HomePage, SiteLinks, StandardPage
from resources.demo import ensure_catalogue_structure, load_demo_catalogue
from resources.demo_catalogue import MEMBERS as DEMO_MEMBERS
from resources.moderation import ensure_editorial_setup
from resources.taxonomies import load_taxonomies


class Command(BaseCommand):
    help = (
        "Creates the site's pages, taxonomies and editorial workflow, then demo accounts and "
        "the demo catalogue (unless --structure-only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--structure-only",
            action="store_true",
            help="Production: pages, taxonomies and workflow only; no account, no demo resource.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        home = _ensure_home()
        site = _ensure_site(home)
        pages = {spec["key"]: _ensure_child(home, spec) for spec in PAGES}
        _ensure_site_links(site, pages)
        created_terms = load_taxonomies()
        ensure_editorial_setup(apps)
        ensure_catalogue_structure(home)
        self.stdout.write(
            f"Site ready: {len(pages) + 1} editorial pages, "
            f"{sum(created_terms.values())} taxonomy terms created, editorial workflow in place."
        )
        if options["structure_only"]:
            return
        accounts = self._ensure_accounts()
        _ensure_demo_privacy_officer(site)
        created = load_demo_catalogue(
            home, DEMO_PASSWORD, editor=accounts.get("editrice@apop.example")
        )
        ensure_demo_people([spec["email"] for spec in DEMO_MEMBERS])
        self.stdout.write(
            f"Demo catalogue: {created['resources']} resources and "
            f"{created['collections']} collections created."
        )
        self.stdout.write(f"Demo accounts (local use only), password for all: {DEMO_PASSWORD}")
        for spec in DEMO_ACCOUNTS:
            self.stdout.write(f"  {spec['email']:34} {spec['role']}")
        for spec in DEMO_MEMBERS:
            self.stdout.write(
                f"  {spec['email']:34} membre APOP / APOP member ({spec['display_name']})"
            )

    def _ensure_accounts(self):
        User = get_user_model()
        accounts = {}
        for spec in DEMO_ACCOUNTS:
            user = User.objects.filter(email__iexact=spec["email"]).first()
            if user is None:
                create = (
                    User.objects.create_superuser if spec["superuser"] else User.objects.create_user
                )
                user = create(spec["email"], DEMO_PASSWORD, display_name=spec["display_name"])
            accounts[spec["email"]] = user
        return accounts


def _ensure_root() -> Page:
    """The tree's root (Wagtail's migration makes it; a flushed test database may not have it)."""
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return root


def _ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = _ensure_root()
    home = root.add_child(instance=HomePage(slug="accueil", live=False, **HOME))
    home.save_revision().publish()
    return home


def _ensure_site(home: HomePage) -> Site:
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


def _ensure_child(home: HomePage, spec: dict) -> StandardPage:
    page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    fields = {k: v for k, v in spec.items() if k not in ("key",)}
    page = home.add_child(instance=StandardPage(live=False, **fields))
    page.save_revision().publish()
    return page


def _ensure_site_links(site: Site, pages: dict[str, StandardPage]) -> None:
    links = SiteLinks.for_site(site)
    changed = False
    for field, page in pages.items():
        if getattr(links, f"{field}_id") is None:
            setattr(links, field, page)
            changed = True
    if changed:
        links.save()


def _ensure_demo_privacy_officer(site: Site) -> None:
    """Demo privacy officer in the footer; a name an editor has entered is left as it is."""
    links = SiteLinks.for_site(site)
    if links.privacy_officer_email:
        return
    for field, value in DEMO_PRIVACY_OFFICER.items():
        setattr(links, field, value)
    links.save()
