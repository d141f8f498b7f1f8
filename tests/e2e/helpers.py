"""Plain helpers of the browser tests (their fixtures are in conftest.py)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _inject_axe(page, axe_source) -> None:
    # The pages' Content-Security-Policy refuses inline scripts (which add_script_tag(content=…)
    # would write): axe comes as a script file of the page's own origin, answered by Playwright.
    parts = urlsplit(page.url)
    if parts.scheme in ("http", "https"):
        url = f"{parts.scheme}://{parts.netloc}/__axe-core.js"
        page.route(
            url,
            lambda route: route.fulfill(body=axe_source, content_type="application/javascript"),
        )
        try:
            page.add_script_tag(url=url)
        finally:
            page.unroute(url)
    else:  # an e-mail opened from a file: no policy to respect
        page.add_script_tag(content=axe_source)


def _violations(result) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]


def axe_violations(page, axe_source) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of the whole page."""
    _inject_axe(page, axe_source)
    return _violations(
        page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
    )


def axe_in(page, axe_source, selector) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations inside the first element matching `selector` only
    (our parts of Wagtail's admin: its own screens are Wagtail's)."""
    _inject_axe(page, axe_source)
    return _violations(
        page.evaluate(
            "([selector, tags]) => axe.run(document.querySelector(selector),"
            " {runOnly: {type: 'tag', values: tags}})",
            [selector, WCAG_TAGS],
        )
    )


def log_in_as(context, site_url, user):
    """A session made by Django's test client, handed to the browser as its cookie."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": site_url}]
    )
