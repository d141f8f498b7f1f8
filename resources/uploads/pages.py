"""How many pages a PDF has, for the cards and the resource page (« PDF · 12 pages »)."""

import logging

from pypdf import PasswordType, PdfReader

logger = logging.getLogger(__name__)
PDF_TYPE = "application/pdf"


def pdf_page_count(fileobj) -> int:
    """The number of pages of the PDF in `fileobj` (read from its start, left at its start);
    0 when it cannot be told (password-protected, damaged): never an error."""
    try:
        fileobj.seek(0)
        reader = PdfReader(fileobj, strict=False)
        # An empty user password only restricts permissions: the pages can be counted.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return 0
        return len(reader.pages)
    except Exception as error:  # pypdf raises many kinds of errors on malformed files
        logger.info("Pages of a PDF not counted: unreadable file (%s)", error)
        return 0
    finally:
        try:
            fileobj.seek(0)
        except Exception:  # noqa: S110 — a closed or unseekable stream: nothing to rewind
            pass
