"""Upload validation shared by the submission form and the admin. Placeholder: being written.

Contract (the submission form relies on it):
- check_resource_file(uploaded) -> str: the MIME type found from the content; raises
  django.core.exceptions.ValidationError with a message in the user's language when refused.
- check_image(uploaded) -> None: a preview or profile photo; same ValidationError on refusal.
- clean_display_name(name) -> str: a safe name to show and download under.
"""

from pathlib import PurePosixPath


def check_resource_file(uploaded) -> str:
    return getattr(uploaded, "content_type", "") or "application/octet-stream"


def check_image(uploaded) -> None:
    return None


def clean_display_name(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).name.strip() or "fichier"
