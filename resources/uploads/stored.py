"""Files saved without the forms' validation (demo data, scripts, the benchmarks' generator):
what the model records of them, without ever refusing — the forms do."""

import mimetypes

from django.core.exceptions import ValidationError

from .checks import check_resource_file
from .pages import pdf_page_count


def sniffed_type(file, display_name: str) -> str:
    """The content's type for a file saved without form validation, else the type its name
    suggests: saving never refuses, the forms do."""
    try:
        return check_resource_file(file)
    except ValidationError:
        guessed, _encoding = mimetypes.guess_type(display_name or file.name)
        return guessed or "application/octet-stream"


def stored_page_count(file) -> int:
    """The pages of a PDF already in the storage (0 when it cannot be read there)."""
    try:
        with file.open("rb") as stored:
            return pdf_page_count(stored)
    except Exception:  # a storage's errors (missing key, network) mean "not counted"
        return 0
