"""Plain helpers of the log-in and sign-up tests (their fixtures are in conftest.py)."""

import re

PASSWORD = "pw-long-enough-2026"


def link_in(message) -> str:
    """The one link of an account e-mail that leads into the site (not the home page)."""
    links = re.findall(r"https?://\S+", message.body)
    return next(link for link in links if "/compte/" in link or "/account/" in link)
