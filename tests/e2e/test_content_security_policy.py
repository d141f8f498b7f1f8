"""The Content-Security-Policy in a real browser: Chromium loads every public page type, the member
pages and the Wagtail admin's main screens with the policy the settings send (the same as in
production), and the test fails on any violation Chromium reports — a `securitypolicyviolation`
event in any frame, or its console's « Refused to … » message. It also checks that each page
was sent the policy, and that the listener does catch a violation (an injected inline script)."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from boutique.models import CartItem
from resources.models import CollectionIndexPage, CollectionItem, CollectionPage
from tests.boutique.helpers import paid_order
from tests.resources.helpers import a_year_from_now, make_editor, png_bytes, start_submission

pytestmark = pytest.mark.e2e

RESERVED = "LicenseRef-APOP-All-Rights-Reserved"

# Runs in every frame before the page's own scripts (CDP, not subject to the page's policy).
COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push([e.violatedDirective, e.blockedURI, e.sourceFile + ":" + e.lineNumber,
                     (e.sample || "").slice(0, 80)].join(" | "));
});
"""


class PolicyWatch:
    """Visits pages in one browser tab and gathers what Chromium reports against the policy."""

    def __init__(self, page, site_url):
        self.page = page
        self.site_url = site_url
        self.problems: list[str] = []
        self.console: list[str] = []
        page.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            self.console.append(text[:300])

    def visit(self, path: str, *, policy: str = "site") -> None:
        self.console.clear()
        response = self.page.goto(f"{self.site_url}{path}")
        self.page.wait_for_load_state("load")
        header = response.headers.get("content-security-policy", "")
        directives = dict(
            (part.strip() + " ").split(" ", 1) for part in header.split(";") if part.strip()
        )
        scripts = directives.get("script-src", "").split()
        inline = "'unsafe-inline'" in scripts
        if not scripts or inline != (policy == "admin") or "'unsafe-eval'" in scripts:
            self.problems.append(f"{path}: not sent the {policy} policy ({header!r})")
        if "content-security-policy-report-only" in response.headers:
            self.problems.append(f"{path}: a report-only policy was sent")
        reported = []
        for frame in self.page.frames:
            reported += frame.evaluate("window.__csp || []")
        for problem in [*reported, *self.console]:
            self.problems.append(f"{path} ({response.status}): {problem}")


def sign_in(page, site_url, user):
    """A session made on the server side, handed to the browser (log-in has its own tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": site_url}])


def url(name, lang="fr", *args):
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.fixture
def shop(site_url, make_member, make_resource):
    author = make_member(
        "Marie Tremblay",
        membership_expires_on=a_year_from_now(),
        bio="J'enseigne les mathématiques au cégep.",
    )
    free = make_resource("Notes de cours : limites", slug="limites", authors=[author])
    paid = make_resource(
        "Examens corrigés", slug="examens", authors=[author], licence=RESERVED, price_cents=1250
    )
    collection = CollectionPage(
        title="Pour bien commencer",
        slug="pour-bien-commencer",
        intro="<p>Une sélection.</p>",
        live=False,
    )
    collection.items = [CollectionItem(resource=free, note="À lire d'abord.", sort_order=0)]
    CollectionIndexPage.objects.get().add_child(instance=collection)
    collection.save_revision().publish()
    return {"author": author, "free": free, "paid": paid, "collection": collection}


def test_the_listener_catches_a_violation(page, site_url):
    """The test of the tests: an inline script added to a page is refused and reported."""
    watch = PolicyWatch(page, site_url)
    watch.visit("/fr/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.append(s); }"
    )
    page.wait_for_function("window.__csp.length > 0")
    assert page.evaluate("window.ran") is None
    assert page.evaluate("window.__csp")[0].startswith("script-src-elem | inline")


def test_public_pages_report_no_violation(page, site_url, shop):
    watch = PolicyWatch(page, site_url)
    # Every type of page of the page tree (home, indexes, standard pages, resource, collection…).
    one_of_each = {}
    with translation.override("fr"):
        for live in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
            one_of_each.setdefault(type(live).__name__, live.url)
        free, paid = shop["free"].url, shop["paid"].url
    with translation.override("en"):
        free_en = shop["free"].url
    assert {"HomePage", "ResourcePage", "CollectionPage"} <= set(one_of_each)
    paths = [
        *one_of_each.values(),
        paid,
        "/en/",
        free_en,
        url("search") + "?q=limites",
        url("search", "en") + "?q=limites&discipline=201",
        url("resources:discipline_index"),
        url("discipline_detail", "fr", "201"),
        url("authors:detail", "fr", shop["author"].slug),
        url("boutique:cart"),
        url("boutique:membership"),
        url("account_login"),
        url("account_signup"),
        url("account_reset_password"),
        "/fr/cette-page-n-existe-pas/",  # the 404 page
        "/en/no-such-page/",
    ]
    for path in paths:
        watch.visit(path)
    # The JSON-LD block is data, not script: present, readable, and refused nothing.
    watch.visit(free)
    ld = page.locator('script[type="application/ld+json"]').text_content()
    assert json.loads(ld)["name"] == "Notes de cours : limites"
    assert watch.problems == [], "\n".join(watch.problems)


def test_member_pages_report_no_violation(page, site_url, shop, make_member):
    member = make_member("Amina Diallo", membership_expires_on=a_year_from_now())
    order = paid_order(member, [shop["paid"]], paid_at=timezone.now())
    CartItem.objects.create(user=member, resource=shop["paid"])
    client = Client()
    client.force_login(member)
    draft = start_submission(client)
    sign_in(page, site_url, member)
    watch = PolicyWatch(page, site_url)
    paths = [
        url("accounts:dashboard"),
        url("accounts:profile"),
        url("accounts:library"),
        url("accounts:privacy"),
        url("accounts:delete_account"),
        url("accounts:dashboard", "en"),
        url("boutique:cart"),
        url("boutique:order", "fr", order.reference),
        url("sales:dashboard"),
        url("submissions:list"),
        url("submissions:new"),
        *(
            url("submissions:step", "fr", draft.pk, step)
            for step in ("description", "classement", "fichiers", "licence", "verification")
        ),
        url("account_change_password"),
        url("account_email"),
        "/fr/ressources/examens/",  # the buy box and rating form of a signed-in member
    ]
    for path in paths:
        watch.visit(path)
    assert watch.problems == [], "\n".join(watch.problems)


def test_admin_screens_report_no_violation(page, site_url, shop, make_member):
    editor = make_editor(make_member)
    image = Image.objects.create(
        title="Aperçu", file=ImageFile(io.BytesIO(png_bytes((320, 200))), name="apercu.png")
    )
    document = Document.objects.create(title="Guide", file=ContentFile(b"Guide", name="guide.txt"))
    resource = shop["free"]
    with translation.override("fr"):
        public_url = resource.url
    sign_in(page, site_url, editor)
    watch = PolicyWatch(page, site_url)
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{resource.get_parent().pk}/",
        f"/admin/pages/{resource.pk}/edit/",
        f"/admin/pages/{shop['collection'].pk}/edit/",
        f"/admin/pages/{resource.pk}/history/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        f"/admin/images/{image.pk}/",
        "/admin/documents/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/snippets/",
        "/admin/reports/",
    ]
    for path in paths:
        watch.visit(path, policy="admin")
    # The page editor's preview panel frames the page under /admin/ (the admin's policy).
    watch.visit(f"/admin/pages/{resource.pk}/edit/", policy="admin")
    page.locator('[data-side-panel-toggle="preview"]').click()
    page.frame_locator("#w-preview-iframe").locator("h1").wait_for(state="attached")
    for frame in page.frames:
        watch.problems += frame.evaluate("window.__csp || []")
    # A public page seen by an editor: Wagtail's user bar, under the public policy.
    watch.visit(public_url)
    assert watch.problems == [], "\n".join(watch.problems)
