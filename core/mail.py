"""The site's e-mails, sent one way: subject, text and HTML rendered from templates in the
recipient's language, the subject on one line after the site's name (« APOP boutique · … »),
the HTML as an alternative of the text, from DEFAULT_FROM_EMAIL.

A template `x` is three files: `x_subject.txt`, `x.txt` and `x.html`. Their context always has
`language`, `site_name` and `site_url` (the home page in that language, absolute)."""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

# Line breaks and runs of spaces, not the no-break spaces of « 23 novembre 2026 » or of French
# guillemets (str.split() would eat those).
_SPACES = re.compile(r"[ \t\r\n]+")


def site_root() -> str:
    """The site's address, without the final slash: links in e-mails are absolute."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def one_line(text: str) -> str:
    """A rendered subject on one line."""
    return _SPACES.sub(" ", text).strip()


def render_email(
    template: str, context: dict, *, to: list[str], language: str, root: str | None = None
) -> EmailMultiAlternatives:
    """The message of `template` for `to`, rendered in `language`; `root` is the address of the
    site the links lead to (the default site's otherwise)."""
    with translation.override(language):
        context = {
            **context,
            "language": language,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": (root or site_root()) + reverse("wagtail_serve", args=[""]),
        }
        subject = one_line(render_to_string(f"{template}_subject.txt", context))
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.WAGTAIL_SITE_NAME} · {subject}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    message.attach_alternative(html, "text/html")
    return message


def send_email(
    template: str, context: dict, *, to: list[str], language: str, root: str | None = None
) -> None:
    """Render `template` in `language` and send it now (callers inside a transaction use
    send_email_on_commit, or schedule their own work with transaction.on_commit)."""
    render_email(template, context, to=to, language=language, root=root).send()


def send_email_on_commit(
    template: str, context: dict, *, to: list[str], language: str, root: str | None = None
) -> None:
    """Render now, send once the current transaction commits (nothing if it rolls back)."""
    message = render_email(template, context, to=to, language=language, root=root)
    transaction.on_commit(message.send)
