"""Content-Security-Policy and Permissions-Policy on every response (core/security.py): the
site's strict policy on public and member pages, the admin's own under /admin/ only, the same in
production, and templates that keep to the rule the policy needs (no inline script or style).
The browser test (tests/e2e/test_content_security_policy.py) checks that no page breaks it."""

import json
import re

import pytest

from apop.settings.storage import origin, public_file_origins
from tests.helpers import REPO
from tests.test_settings import PRODUCTION_ENV, run_python

SITE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "frame-src": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self' https://checkout.stripe.com https://connect.stripe.com",
    "base-uri": "'none'",
}
ADMIN_POLICY = SITE_POLICY | {
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "frame-src": "'self'",
    "frame-ancestors": "'self'",
}
PERMISSIONS = (
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "fullscreen=(self)"
)


def directives(header: str) -> dict[str, str]:
    """{"script-src": "'self'", …} of a policy header."""
    pairs = ((part.strip() + " ").split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value.strip() for name, value in pairs}


def policy(response) -> dict[str, str]:
    assert "Content-Security-Policy-Report-Only" not in response
    return directives(response["Content-Security-Policy"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/en/",
        "/fr/ressources/",
        "/fr/recherche/?q=limites",
        "/fr/compte/login/",
        "/fr/panier/",
        "/fr/page-qui-n-existe-pas/",  # 404
        "/healthz",
        "/robots.txt",
        "/api/v1/search?q=limites",
        "/static/css/apop.css",  # WhiteNoise answers before the views
        "/static/img/favicon.svg",
    ],
)
def test_every_response_sends_the_site_policy(client, site_pages, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    assert policy(response) == SITE_POLICY
    assert response["Permissions-Policy"] == PERMISSIONS


@pytest.mark.django_db
def test_a_member_page_sends_the_site_policy(client, make_member):
    client.force_login(make_member("Amina Diallo"))

    response = client.get("/fr/compte/")

    assert response.status_code == 200
    assert policy(response) == SITE_POLICY


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/"])
def test_the_admin_has_its_own_policy(client, site_pages, path):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root@example.org", "pw-long-enough")
    client.force_login(admin)

    response = client.get(path)

    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY
    assert response["Permissions-Policy"] == PERMISSIONS


@pytest.mark.django_db
def test_the_admin_policy_stays_under_admin(client, site_pages):
    """Only the /admin/ prefix: a public path that merely starts with « admin » is a site page."""
    response = client.get("/administration/")

    assert policy(response) == SITE_POLICY


def test_an_inline_script_gets_a_nonce_only_when_a_template_asks_for_one(rf, settings):
    from django.http import HttpResponse

    from core.security import ContentSecurityPolicyMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

    request = rf.get("/fr/")
    middleware = ContentSecurityPolicyMiddleware(view)
    response = middleware(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode())[1]

    assert directives(response["Content-Security-Policy"])["script-src"].split() == [
        "'self'",
        f"'nonce-{nonce}'",
    ]


@pytest.mark.parametrize(
    ("options", "origins"),
    [
        ({"public_domain": "cdn.apop.qc.ca"}, ["https://cdn.apop.qc.ca"]),
        (
            {"endpoint_url": "https://s3.example.net:9000", "addressing_style": "path"},
            ["https://s3.example.net:9000"],
        ),
        (
            {"endpoint_url": "https://s3.example.net", "addressing_style": "virtual"},
            ["https://apop-public.s3.example.net"],
        ),
        (
            {"endpoint_url": "https://s3.example.net"},
            ["https://s3.example.net", "https://apop-public.s3.example.net"],
        ),
        (
            {"endpoint_url": None},
            [
                "https://apop-public.s3.ca-central-1.amazonaws.com",
                "https://apop-public.s3.amazonaws.com",
            ],
        ),
    ],
)
def test_images_may_come_from_the_public_bucket_or_its_cdn(options, origins):
    arguments = {"public_bucket": "apop-public", "endpoint_url": None, "region": "ca-central-1"}

    assert public_file_origins(**(arguments | options)) == origins


def test_origin_of_a_url():
    assert origin("https://cdn.apop.qc.ca/media/") == "https://cdn.apop.qc.ca"
    assert origin("/media/") == ""


PRINT_HEADERS = """
import json, django
django.setup()
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.module_loading import import_string

def answer(request):
    return HttpResponse("ok")

handler = answer
for path in reversed(settings.MIDDLEWARE[:3]):
    handler = import_string(path)(handler)
site = handler(RequestFactory().get("/fr/", secure=True))
admin = handler(RequestFactory().get("/admin/", secure=True))
print(json.dumps({
    "middleware": settings.MIDDLEWARE[:3],
    "site": site["Content-Security-Policy"],
    "admin": admin["Content-Security-Policy"],
    "report_only": "Content-Security-Policy-Report-Only" in site,
    "permissions": site["Permissions-Policy"],
}))
"""


def test_production_sends_the_same_policies_with_the_cdn_for_images():
    result = run_python(
        "apop.settings.production",
        PRODUCTION_ENV
        | {
            "S3_PRIVATE_BUCKET": "apop-private",
            "S3_PUBLIC_BUCKET": "apop-public",
            "S3_PUBLIC_DOMAIN": "cdn.apop.qc.ca",
        },
        args=("-c", PRINT_HEADERS),
    )
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout)

    assert headers["middleware"] == [
        "django.middleware.security.SecurityMiddleware",
        "core.security.ContentSecurityPolicyMiddleware",
        "core.security.PermissionsPolicyMiddleware",
    ]
    site = directives(headers["site"])
    assert site == SITE_POLICY | {"img-src": "'self' https://cdn.apop.qc.ca"}
    admin = directives(headers["admin"])
    assert admin == ADMIN_POLICY | {"img-src": "'self' https://cdn.apop.qc.ca"}
    assert headers["report_only"] is False
    assert headers["permissions"] == PERMISSIONS


# --- The rule for templates ----------------------------------------------------------------------

# Data blocks the browser never runs (CSP does not apply to them).
DATA_TYPES = ("application/ld+json", "application/json")
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.DOTALL)
HANDLER_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.DOTALL)
STYLE_ELEMENT = re.compile(r"<style\b(?![^>]*\bnonce=)", re.IGNORECASE)


def page_templates():
    """Every template of ours that makes a web page (e-mails, which need inline styles and are
    read by mail programs, not under our policy, are left out)."""
    for path in sorted(REPO.glob("**/templates/**/*.html")):
        relative = path.relative_to(REPO)
        if relative.parts[0] in (".venv", "node_modules", "mutants", "staticfiles"):
            continue
        if "email" in relative.parts:
            continue
        yield relative


def test_templates_have_no_inline_script_or_style():
    """The policy refuses them: a script must be a static file (or carry the request's nonce),
    a style a class of static/css/apop.css."""
    problems = []
    for relative in page_templates():
        text = (REPO / relative).read_text()
        for match in SCRIPT_TAG.finditer(text):
            attributes = match[1]
            if "src=" in attributes or "nonce=" in attributes:
                continue
            if any(f'type="{kind}"' in attributes for kind in DATA_TYPES):
                continue
            problems.append(f"{relative}: inline <script{attributes}>")
        for pattern, what in (
            (STYLE_ATTRIBUTE, 'style="" attribute'),
            (HANDLER_ATTRIBUTE, "on…= event handler"),
            (STYLE_ELEMENT, "<style> element without nonce"),
        ):
            problems += [f"{relative}: {what}" for _ in pattern.finditer(text)]
        if "javascript:" in text:
            problems.append(f"{relative}: javascript: URL")
    assert list(page_templates())
    assert problems == []
