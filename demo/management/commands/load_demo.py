"""Creates the site's structure (page tree, taxonomies, editorial workflow) and, unless told
otherwise, the demo accounts and the demo catalogue of demo/data/*.yaml. Idempotent: a second run
changes nothing, and what editors have since changed is left as it is."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import loader
from demo.institution import ensure_demo_institution
from demo.statements import ensure_demo_statement
from demo.submission import ensure_demo_submission
from home.structure import ensure_editorial_page, ensure_home, ensure_site, ensure_site_links
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

    def handle(self, *args, **options):
        if not options["structure_only"] and not settings.DEMO_ALLOWED:
            # The demo's accounts (a superuser among them) share a password printed in the README.
            raise CommandError(
                "The demo accounts share a public password: they are refused with these settings "
                "(DEMO_ALLOWED is off in production). Use --structure-only."
            )
        with transaction.atomic():
            self._load(options)

    def _load(self, options):
        home_texts, page_specs = loader.read_pages()
        home = ensure_home(home_texts)
        site = ensure_site(home)
        pages = {spec["key"]: ensure_editorial_page(home, spec) for spec in page_specs}
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
        accounts = loader.ensure_accounts()
        loader.ensure_demo_privacy_officer(site)
        created = loader.load_demo_catalogue(home, editor=accounts.get("editrice@apop.example"))
        loader.ensure_demo_people()
        data = loader.read("accounts")
        ensure_demo_institution(data, data["password"])
        loader.ensure_demo_edition()
        statement = ensure_demo_statement()
        submission = ensure_demo_submission()
        self.stdout.write(
            f"Demo catalogue: {created['resources']} resources and "
            f"{created['collections']} collections created."
        )
        if submission is not None:
            self.stdout.write(f"Demo submission waiting for the editors: {submission.title}")
        if statement is not None:
            self.stdout.write(
                f"Demo statement of {statement.month:%Y-%m} for {statement.institution}: "
                f"{statement.figures['downloads']['total']} staff downloads."
            )
        self.stdout.write(f"Demo accounts (local use only), password for all: {data['password']}")
        for spec in data["accounts"]:
            self.stdout.write(f"  {spec['email']:34} {spec['role']}")
        for spec in loader.read("members"):
            self.stdout.write(
                f"  {spec['email']:34} membre APOP / APOP member ({spec['display_name']})"
            )
        institution = data["institution"]
        for spec in [institution["representative"], *institution.get("staff", [])]:
            self.stdout.write(f"  {spec['email']:34} {spec['role']}")
