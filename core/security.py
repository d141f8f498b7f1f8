"""Security headers Django's SecurityMiddleware does not send: the Content-Security-Policy
(django-csp), with a policy of its own for the Wagtail admin only, and the Permissions-Policy.
The policies themselves are settings (apop/settings/base.py, « Security headers »)."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, which sends CONTENT_SECURITY_POLICY on every response — except
    under CONTENT_SECURITY_POLICY_ADMIN's path prefixes (the Wagtail admin), which get that
    policy instead: Wagtail's editor sets inline styles and shows data: and blob: images, which
    no public or member page is allowed. A view's own @csp_override still wins."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (
            admin
            and not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(admin["PATH_PREFIXES"]))
        ):
            parts.config = default_config(admin["DIRECTIVES"])
        return parts


def permissions_policy_header(features: dict[str, list[str]]) -> str:
    """The Permissions-Policy header's value: `camera=()` (nobody), `fullscreen=(self)`,
    `payment=(self "https://…")` — keywords bare, origins quoted."""

    def allow(token: str) -> str:
        return token if token in ("self", "src", "*") else f'"{token}"'

    return ", ".join(
        f"{feature}=({' '.join(allow(token) for token in tokens)})"
        for feature, tokens in features.items()
    )


class PermissionsPolicyMiddleware:
    """Sends PERMISSIONS_POLICY on every response: the browser features no page of ours uses
    (camera, microphone, location…) are refused to the page and to anything it embeds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
