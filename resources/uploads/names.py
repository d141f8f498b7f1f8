"""Display names and storage names of uploaded files."""

import re
import unicodedata
from pathlib import PurePosixPath

from .types import ACCEPTED, FALLBACK_NAME, MAX_NAME_LENGTH

# --- Display names -----------------------------------------------------------------------------
_INVISIBLE = {"Cc", "Cf", "Cs"}  # controls, format characters (direction, zero width), surrogates
_WHITESPACE = re.compile(r"\s+")


def clean_display_name(name: str) -> str:
    """A name safe to show and to download under: the last path part only, no control or
    direction characters (they can disguise “exe.pdf” as “fdp.exe”), NFC, single spaces, no
    leading dots, at most 200 characters with the extension kept; never empty."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isspace() or unicodedata.category(c) not in _INVISIBLE)
    # Runs of spaces, tabs and line breaks become one space; a lone no-break space stays (French
    # typography puts one before a colon).
    name = _WHITESPACE.sub(
        lambda run: run.group() if run.group() in ("\u00a0", "\u202f") else " ",
        unicodedata.normalize("NFC", name),
    ).strip()
    stem, dot, extension = name.rpartition(".")
    if not (dot and extension and len(extension) <= 16 and extension.strip() == extension):
        stem, extension = name, ""
    stem = stem.lstrip(". ").rstrip(". ")
    suffix = f".{extension}" if extension else ""
    stem = stem[: MAX_NAME_LENGTH - len(suffix)].rstrip(". ") or FALLBACK_NAME
    return stem + suffix


def _extension(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower().lstrip(".")


def name_with_extension(name: str, mime: str) -> str:
    """`name`, with the canonical extension of `mime` appended when its own does not match, so
    that a download never carries an extension that contradicts its content."""
    accepted = ACCEPTED.get(mime)
    if accepted is None or _extension(name) in accepted.extensions:
        return name
    return clean_display_name(f"{name}.{accepted.extensions[0]}")


def storage_extension(mime: str, filename: str) -> str:
    """The extension of a stored file: the uploaded one when it matches the type, else the
    type's own, else none."""
    accepted = ACCEPTED.get(mime)
    if accepted is None:
        return ""
    extension = _extension(filename)
    return f".{extension if extension in accepted.extensions else accepted.extensions[0]}"
