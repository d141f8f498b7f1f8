"""Creates the site's structure (page tree, taxonomies, editorial workflow) and, unless told
otherwise, the demo accounts and the demo catalogue. Idempotent: a second run changes nothing,
and what editors have since changed is left as it is."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from accounts.demo import ensure_demo_people
from home.demo_content import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_PRIVACY_OFFICER,
    HOME,
    PAGES,
)
from home.models import SiteLinks
from home.structure import ensure_editorial_page, ensure_home, ensure_site, ensure_site_links
from resources.demo import load_demo_catalogue
from resources.demo_catalogue import MEMBERS as DEMO_MEMBERS
from resources.moderation import ensure_editorial_setup
from resources.structure import ensure_catalogue_structure
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
        home = ensure_home(HOME)
        site = ensure_site(home)
        pages = {spec["key"]: ensure_editorial_page(home, spec) for spec in PAGES}
        ensure_site_links(site, pages)
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


def _ensure_demo_privacy_officer(site: Site) -> None:
    """Demo privacy officer in the footer; a name an editor has entered is left as it is."""
    links = SiteLinks.for_site(site)
    if links.privacy_officer_email:
        return
    for field, value in DEMO_PRIVACY_OFFICER.items():
        setattr(links, field, value)
    links.save()
