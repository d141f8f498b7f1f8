"""Creates the site's page tree and (optionally) demo accounts. Idempotent: a second run changes
nothing, and pages that editors have since changed are left as they are."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.demo_content import DEMO_ACCOUNTS, HOME, PAGES
from home.models import HomePage, SiteLinks, StandardPage


class Command(BaseCommand):
    help = "Creates the home page, the editorial pages, the footer links and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo-accounts",
            action="store_true",
            help="Create the pages only (production): no account with a known password.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        home = _ensure_home()
        site = _ensure_site(home)
        pages = {spec["key"]: _ensure_child(home, spec) for spec in PAGES}
        _ensure_site_links(site, pages)
        self.stdout.write(f"Pages ready under {home.url_path} ({len(pages) + 1} pages).")
        if not options["no_demo_accounts"]:
            self._ensure_accounts()

    def _ensure_accounts(self):
        User = get_user_model()
        self.stdout.write("Demo accounts (local use only):")
        for spec in DEMO_ACCOUNTS:
            user = User.objects.filter(email__iexact=spec["email"]).first()
            if user is None:
                create = (
                    User.objects.create_superuser if spec["superuser"] else User.objects.create_user
                )
                user = create(spec["email"], spec["password"], display_name=spec["display_name"])
            self.stdout.write(f"  {spec['email']} / {spec['password']}  — {spec['role']}")


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
        return Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="APOP boutique",
        )
    if site.root_page_id != home.pk:
        previous = site.root_page
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
