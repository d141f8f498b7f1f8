"""The journeys' shared parts: each journey runs in French and in English, on a desktop and on a
phone (the `lang` and `viewport` fixtures multiply every test of this folder by four), and a
`Journey` records its steps — axe-core clean, a screenshot per step in test-results/, named
`<user>-<lang>-<viewport>-<nn>-<step>.png`."""

import pytest
from playwright.sync_api import expect

from core.paths import ENGLISH_WORDS
from tests.e2e.helpers import axe_in, axe_violations
from tests.factories import PASSWORD

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LOCALES = {"fr": "fr-CA", "en": "en-CA"}
OTHER_LANG = {"fr": "en", "en": "fr"}
# The header's words every journey clicks.
HEADER = {
    "fr": {"switch": "Français", "log_in": "Connexion", "account": "Mon compte"},
    "en": {"switch": "English", "log_in": "Log in", "account": "My account"},
}
# The innermost elements past the window's right edge: what makes a page scroll sideways.
WIDEST = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5
    && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
  .slice(0, 5).map(e => e.outerHTML.slice(0, 120))"""
# The page's own address and every link to the English site.
ENGLISH_ADDRESSES = """() => [location.pathname,
  ...[...document.querySelectorAll("a[href]")].map(a => new URL(a.href).pathname)]
  .filter(path => path.startsWith("/en/"))"""


def french_words(paths) -> list[str]:
    """The English site's addresses that still hold one of the site's French words
    (core/paths.py). Editorial pages keep the slug their editors gave them (/en/confidentialite/)."""
    from home.models import StandardPage

    editorial = {f"/en/{slug}/" for slug in StandardPage.objects.values_list("slug", flat=True)}
    return [
        path
        for path in paths
        if path not in editorial and set(path.split("/")) & ENGLISH_WORDS.keys()
    ]


@pytest.fixture(params=["fr", "en"])
def lang(request):
    return request.param


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, lang, viewport):
    return {
        **browser_context_args,
        "viewport": VIEWPORTS[viewport],
        "locale": LOCALES[lang],
        "accept_downloads": True,
    }


class Journey:
    """One user's way through the site: `step()` checks the page with axe-core (the whole page,
    or only `scope` — our parts of Wagtail's admin) and its width, and keeps its screenshot,
    numbered."""

    def __init__(self, user, lang, viewport, axe_source, screenshot):
        self.user, self.lang, self.viewport = user, lang, viewport
        self.axe_source, self.screenshot = axe_source, screenshot
        self.count = 0

    @property
    def phone(self) -> bool:
        return self.viewport == "phone"

    def step(self, page, name, *, scope=None):
        self.count += 1
        label = f"{self.user}-{self.lang}-{self.viewport}-{self.count:02d}-{name}"
        if scope is None:
            violations = axe_violations(page, self.axe_source)
        else:
            violations = axe_in(page, self.axe_source, scope)
        assert violations == [], label
        # Nothing scrolls sideways: on a phone a too wide table or word hides the page's edge.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[self.viewport]["width"], (label, width, page.evaluate(WIDEST))
        # English reads English: the page's address and its links to the English site.
        assert french_words(page.evaluate(ENGLISH_ADDRESSES)) == [], label
        self.screenshot(page, label)


@pytest.fixture
def journey(lang, viewport, axe_source, screenshot):
    """`journey(user)`: the Journey of this test's language and viewport."""
    return lambda user: Journey(user, lang, viewport, axe_source, screenshot)


def header_link(page, name):
    """A link of the site's header, as a person reaches it: on a phone the menus fold behind
    « Menu », opened first."""
    toggle = page.locator("[data-menu-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    return page.locator(".site-header").get_by_role("link", name=name, exact=True)


def arrive_by_the_switcher(page, site_url, lang):
    """The other language's home page, then the header's language switcher to `lang`'s."""
    page.goto(f"{site_url}/{OTHER_LANG[lang]}/")
    header_link(page, HEADER[lang]["switch"]).click()
    page.wait_for_url(f"{site_url}/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", f"{lang}-CA")


def log_in(page, lang, user):
    """Click the header's « Connexion », fill the form, come back where the user was: « Mon
    compte » in the header then."""
    before, words = page.url, HEADER[lang]
    header_link(page, words["log_in"]).click()
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form").get_by_role("button", name=words["log_in"]).click()
    page.wait_for_url(before)
    expect(header_link(page, words["account"])).to_be_visible()
