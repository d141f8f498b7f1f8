"""Upload validation shared by the submission form and the Wagtail admin.

Files are judged by their content, never by their name alone: the extension may only confirm what
the content is. Every refusal is a ValidationError with a `code` and a message in the user's
language, raised before anything reaches the storage.

- check_resource_file(uploaded) -> str: the MIME type found from the content of a resource file.
- check_image(uploaded) -> None: a preview or a profile photo (PNG, JPEG, GIF, WebP).
- clean_display_name(name) -> str: a safe name to show and download under.
- pdf_page_count(fileobj) -> int: the pages of a PDF (0 when they cannot be counted).
"""

from .checks import check_image, check_resource_file, validate_resource_file
from .names import clean_display_name, name_with_extension, storage_extension
from .pages import PDF_TYPE, pdf_page_count
from .stored import sniffed_type, stored_page_count
from .types import IMAGE_ACCEPT, accept_attribute, describe_allowed_types, upload_help_text

__all__ = [
    "IMAGE_ACCEPT",
    "PDF_TYPE",
    "accept_attribute",
    "check_image",
    "check_resource_file",
    "clean_display_name",
    "describe_allowed_types",
    "name_with_extension",
    "pdf_page_count",
    "sniffed_type",
    "storage_extension",
    "stored_page_count",
    "upload_help_text",
    "validate_resource_file",
]
