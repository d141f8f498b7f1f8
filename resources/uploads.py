"""Upload validation shared by the submission form and the Wagtail admin.

Files are judged by their content, never by their name alone: the extension may only confirm what
the content is. Every refusal is a ValidationError with a `code` and a message in the user's
language, raised before anything reaches the storage.

- check_resource_file(uploaded) -> str: the MIME type found from the content of a resource file.
- check_image(uploaded) -> None: a preview or a profile photo (PNG, JPEG, GIF, WebP).
- clean_display_name(name) -> str: a safe name to show and download under.
"""

import codecs
import json
import re
import stat
import tempfile
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from PIL import Image

HEAD_SIZE = 64 * 1024  # enough to recognise any accepted format, and to judge text
MAX_NAME_LENGTH = 200
FALLBACK_NAME = "fichier"
# Below this size an entry cannot do harm whatever its ratio (small XML parts of office documents
# often compress more than 100:1).
ZIP_RATIO_MIN_SIZE = 1024 * 1024
# Operating-system clutter that archives made on macOS and Windows carry; ignored, not refused.
ZIP_CLUTTER = {".DS_Store", "Thumbs.db", "desktop.ini"}  # and the __MACOSX/ folder
IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


@dataclass(frozen=True)
class FileType:
    """An accepted type: its MIME type, what people call it, its extensions (canonical first)."""

    mime: str
    label: str
    extensions: tuple[str, ...]


_ODF = "application/vnd.oasis.opendocument."
_OOXML = "application/vnd.openxmlformats-officedocument."
ACCEPTED = {
    t.mime: t
    for t in (
        FileType("application/pdf", _("a PDF document"), ("pdf",)),
        FileType(_ODF + "text", _("an OpenDocument text (.odt)"), ("odt",)),
        FileType(_ODF + "text-template", _("an OpenDocument text template"), ("ott",)),
        FileType(_ODF + "spreadsheet", _("an OpenDocument spreadsheet (.ods)"), ("ods",)),
        FileType(_ODF + "spreadsheet-template", _("an OpenDocument spreadsheet"), ("ots",)),
        FileType(_ODF + "presentation", _("an OpenDocument presentation (.odp)"), ("odp",)),
        FileType(_ODF + "presentation-template", _("an OpenDocument presentation"), ("otp",)),
        FileType(_ODF + "graphics", _("an OpenDocument drawing (.odg)"), ("odg",)),
        FileType(_ODF + "formula", _("an OpenDocument formula (.odf)"), ("odf",)),
        FileType(_OOXML + "wordprocessingml.document", _("a Word document (.docx)"), ("docx",)),
        FileType(_OOXML + "spreadsheetml.sheet", _("an Excel spreadsheet (.xlsx)"), ("xlsx",)),
        FileType(
            _OOXML + "presentationml.presentation",
            _("a PowerPoint presentation (.pptx)"),
            ("pptx", "ppsx"),
        ),
        FileType("image/png", _("a PNG image"), ("png",)),
        FileType("image/jpeg", _("a JPEG image"), ("jpg", "jpeg")),
        FileType("image/gif", _("a GIF image"), ("gif",)),
        FileType("image/webp", _("a WebP image"), ("webp",)),
        FileType("text/plain", _("plain text"), ("txt", "text")),
        FileType("text/csv", _("a CSV table"), ("csv",)),
        FileType("text/tab-separated-values", _("a TSV table"), ("tsv",)),
        FileType("text/markdown", _("a Markdown text"), ("md", "markdown")),
        FileType("text/x-tex", _("a LaTeX source"), ("tex",)),
        FileType("text/vtt", _("WebVTT subtitles"), ("vtt",)),
        FileType("application/x-subrip", _("SubRip subtitles"), ("srt",)),
        FileType("application/zip", _("a ZIP archive"), ("zip",)),
        FileType("application/x-h5p", _("an H5P package"), ("h5p",)),
        FileType("audio/mpeg", _("an MP3 audio file"), ("mp3",)),
        FileType("audio/mp4", _("an MP4 audio file"), ("m4a", "mp4")),
        FileType("video/mp4", _("an MP4 video"), ("mp4", "m4v")),
    )
}
TEXT_TYPES = tuple(mime for mime in ACCEPTED if mime.startswith("text/")) + (
    "application/x-subrip",
)
IMAGE_TYPES = tuple(IMAGE_FORMATS.values())
_OOXML_PARTS = {
    "word/": _OOXML + "wordprocessingml.document",
    "xl/": _OOXML + "spreadsheetml.sheet",
    "ppt/": _OOXML + "presentationml.presentation",
}
_MP4_AUDIO_BRANDS = {b"M4A ", b"M4B "}
_MP4_VIDEO_BRANDS = {
    *(b"iso" + bytes([c]) for c in b"m23456"),
    *(b"mp4" + bytes([c]) for c in b"12"),
    b"avc1",
    b"M4V ",
    b"dash",
}

# Refused whatever their content: a browser or an operating system would run them.
_DANGEROUS_EXTENSIONS = {
    "executable": "exe dll com scr msi msp cpl jar apk app dmg deb rpm bin run elf so dylib "
    "appimage gadget msc sys drv ocx",
    "script": "bat cmd sh bash zsh csh ksh ps1 psm1 vb vbs vbe js jse mjs cjs wsf wsh hta py pyw "
    "pl rb php phtml phar asp aspx jsp cgi lnk reg scf url inf applescript",
    "html": "html htm xhtml xht shtml mht mhtml",
    "svg": "svg svgz",
}
DANGEROUS_EXTENSIONS = {
    ext: code for code, exts in _DANGEROUS_EXTENSIONS.items() for ext in exts.split()
}

_EXECUTABLE_MAGIC = (
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
)

# Content that is never accepted, recognised by its first bytes.
_CONTENT_LABELS = {
    "executable": _("an executable program"),
    "script": _("a script"),
    "html": _("a web page (HTML)"),
    "svg": _("an SVG image"),
    "ole": _("an older Microsoft Office document"),
    "unknown": _("in a format that is not accepted"),
}

MESSAGES = {
    "too_large": _("“%(name)s” is larger than %(limit)s (the limit)."),
    "empty": _("“%(name)s” is empty."),
    "unreadable": _("“%(name)s” could not be read. Try sending it again."),
    "executable": _("“%(name)s” is an executable program: programs are not accepted."),
    "script": _("“%(name)s” is a script: scripts are not accepted."),
    "html": _(
        "“%(name)s” is a web page (HTML): web pages are not accepted, as they can carry scripts. "
        "Save it as PDF instead."
    ),
    "svg": _(
        "“%(name)s” is an SVG image: SVG is not accepted, as it can carry scripts. "
        "Export it as PNG instead."
    ),
    "macros": _(
        "“%(name)s” contains macros: documents with macros are not accepted. "
        "Save it without macros (.docx, .xlsx or .pptx)."
    ),
    "type_not_allowed": _(
        "“%(name)s” is not a type of file accepted here: its content is %(content)s. "
        "Accepted: %(accepted)s."
    ),
    "type_mismatch": _("“%(name)s” is not %(expected)s: its content is %(content)s."),
    "extension_mismatch": _(
        "The extension of “%(name)s” does not match its content (%(content)s): "
        "rename it with the extension .%(extension)s."
    ),
    "corrupt": _("“%(name)s” is damaged or incomplete: it cannot be read as %(content)s."),
    "h5p_invalid": _(
        "“%(name)s” is not a valid H5P package: its h5p.json description is missing or unreadable."
    ),
    "zip_corrupt": _("“%(name)s” is a damaged or incomplete ZIP archive."),
    "zip_empty": _("The archive “%(name)s” is empty."),
    "zip_unsupported": _(
        "The archive “%(name)s” uses a compression method that is not supported (“%(entry)s”). "
        "Make it again with the usual ZIP compression."
    ),
    "zip_too_many_entries": _("The archive “%(name)s” contains more than %(limit)s files."),
    "zip_too_large": _("The archive “%(name)s” would take more than %(limit)s once extracted."),
    "zip_ratio": _(
        "The archive “%(name)s” contains a file compressed to an abnormal degree (“%(entry)s”): "
        "it looks like an archive bomb."
    ),
    "zip_unsafe_path": _(
        "The archive “%(name)s” contains a path leading outside its folder (“%(entry)s”)."
    ),
    "zip_symlink": _(
        "The archive “%(name)s” contains a symbolic link (“%(entry)s”): links are not accepted."
    ),
    "zip_encrypted": _(
        "The archive “%(name)s” contains an encrypted file (“%(entry)s”): "
        "remove the password and send it again."
    ),
    "zip_nested": _(
        "The archive “%(name)s” contains another archive (“%(entry)s”): "
        "put its files directly in the main archive."
    ),
    "zip_entry_refused": _(
        "The archive “%(name)s” contains a file that is not accepted. %(reason)s"
    ),
    "image_type": _(
        "“%(name)s” is not an image in an accepted format (PNG, JPEG, GIF or WebP): "
        "its content is %(content)s."
    ),
    "image_too_many_pixels": _(
        "“%(name)s” has too many pixels: the limit is %(limit)s pixels. Make it smaller."
    ),
    "image_corrupt": _("“%(name)s” is a damaged or incomplete image."),
}


def _refuse(code: str, name: str, **params):
    return ValidationError(MESSAGES[code], code=code, params={"name": name, **params})


def _format_bytes(size: int) -> str:
    """“100 MB”, “1.5 GB”: the unit words come from Django's own catalogue (“Mo” in French)."""
    units = ((1024**3, "%s GB"), (1024**2, "%s MB"), (1024, "%s KB"))
    for factor, unit in units:
        if size >= factor:
            value = size / factor
            decimals = 0 if value == int(value) else 1
            return gettext(unit) % number_format(value, decimals)
    return ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}


_format_bytes_lazy = lazy(_format_bytes, str)
_grouped_lazy = lazy(lambda number: number_format(number, force_grouping=True), str)


def describe_allowed_types():
    """The accepted types in one sentence, for help texts and messages."""
    return _(
        "PDF, OpenDocument (ODT, ODS, ODP) and Office (DOCX, XLSX, PPTX) documents, "
        "PNG, JPEG, GIF and WebP images, plain text (TXT, CSV, Markdown), MP3 audio, MP4 video, "
        "H5P packages and ZIP archives of these files"
    )


def upload_help_text():
    """What may be sent, and how large: shown under the file fields."""
    return format_lazy(
        _("Accepted: {types}. At most {size} per file."),
        types=describe_allowed_types(),
        size=_format_bytes_lazy(settings.UPLOAD_MAX_FILE_SIZE),
    )


def accept_attribute() -> str:
    """The `accept` attribute of the file inputs: every accepted extension."""
    extensions = sorted({ext for t in ACCEPTED.values() for ext in t.extensions})
    return ",".join(f".{ext}" for ext in extensions)


IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "gif", "webp")
IMAGE_ACCEPT = ",".join(f".{ext}" for ext in IMAGE_EXTENSIONS)


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


# --- Reading ------------------------------------------------------------------------------------
def _raw(uploaded):
    """The underlying file object (an UploadedFile inside a FieldFile, a BytesIO inside...)."""
    for _depth in range(4):
        inner = getattr(uploaded, "file", None) if isinstance(uploaded, File) else None
        if inner is None:
            break
        uploaded = inner
    return uploaded


def _read_head(fileobj) -> bytes:
    fileobj.seek(0)
    return fileobj.read(HEAD_SIZE)


def _safe_entry_name(name: str) -> str:
    """An entry name fit for a message: no control characters, not endless."""
    cleaned = "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE)
    return cleaned if len(cleaned) <= 100 else cleaned[:99] + "…"


# --- Recognising content ------------------------------------------------------------------------
def _sniff(head: bytes) -> str:
    """What the first bytes say: an accepted MIME type, "zip", "text", or a refused kind."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(_EXECUTABLE_MAGIC) or (head.startswith(b"MZ") and b"\x00" in head[:64]):
        return "executable"  # ELF, Mach-O, Java class; MZ (Windows) only when binary follows
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return _sniff_mp4(head)
    if _has_id3_tag(head) or _mpeg_frame_length(head) is not None:
        return "audio/mpeg"  # confirmed by _check_mp3, which can read past the tag
    if _looks_like_text(head):
        return _sniff_text(head)
    return "unknown"


def _sniff_mp4(head: bytes) -> str:
    box_size = int.from_bytes(head[:4], "big")
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, min(box_size, 256), 4)]
    if brands[0] in _MP4_AUDIO_BRANDS:
        return "audio/mp4"
    if any(brand in _MP4_VIDEO_BRANDS for brand in brands):
        return "video/mp4"
    return "unknown"


_MP3_BITRATES = {
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _has_id3_tag(head: bytes) -> bool:
    """An ID3v2 tag: "ID3", a version 2 to 4, and a size written in 7-bit bytes."""
    return (
        len(head) >= 10
        and head.startswith(b"ID3")
        and head[3] in (2, 3, 4)
        and all(byte < 0x80 for byte in head[6:10])
    )


def _mpeg_frame_length(header: bytes) -> int | None:
    """The length of the MPEG audio layer III frame starting here (0 if free bitrate), or None
    when these four bytes are not such a frame header."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index == 15 or rate_index == 3:
        return None
    bitrate = _MP3_BITRATES[3 if version == 3 else 2][bitrate_index] * 1000
    padding = (header[2] >> 1) & 1
    return (144 if version == 3 else 72) * bitrate // _MP3_RATES[version][rate_index] + padding


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 (BOM or not), or an older encoding that is mostly printable; never NUL bytes."""
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f" or byte == 127)
    if controls > len(head) // 100:
        return False
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=len(head) < HEAD_SIZE)
    except UnicodeDecodeError:
        pass  # Windows-1252 or Latin-1: accepted as long as it is mostly printable (above)
    return True


def _sniff_text(head: bytes) -> str:
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1024].lower()
    if start.startswith(b"#!"):
        return "script"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")):
        return "html"
    if start.startswith(b"<svg") or (
        start.startswith((b"<?xml", b"<!doctype svg")) and b"<svg" in start
    ):
        return "svg"
    if start.startswith(b"<?xml") and b"<html" in start:
        return "html"
    return "text"


def _label(kind: str):
    accepted = ACCEPTED.get(kind)
    if accepted is not None:
        return accepted.label
    if kind == "zip":
        return ACCEPTED["application/zip"].label
    if kind == "text":
        return ACCEPTED["text/plain"].label
    return _CONTENT_LABELS.get(kind, _CONTENT_LABELS["unknown"])


def _unknown_label(head: bytes):
    """Name an unaccepted format when the `filetype` library knows it (RAR, 7-Zip, …)."""
    guess = filetype.guess(head)
    if guess is None:
        return _CONTENT_LABELS["unknown"]
    return format_lazy(_("a file of type {type}"), type=guess.mime)


# --- Resource files -----------------------------------------------------------------------------
def check_resource_file(uploaded) -> str:
    """The MIME type of a resource file, found from its content; ValidationError when refused."""
    name = clean_display_name(getattr(uploaded, "name", "") or "")
    size = getattr(uploaded, "size", None)
    if size is not None and size > settings.UPLOAD_MAX_FILE_SIZE:
        raise _refuse("too_large", name, limit=_format_bytes_lazy(settings.UPLOAD_MAX_FILE_SIZE))
    if size == 0:
        raise _refuse("empty", name)
    if getattr(uploaded, "closed", False):
        uploaded.open("rb")
    fileobj = _raw(uploaded)
    try:
        return _check(fileobj, name, getattr(uploaded, "name", "") or "", depth=0)
    except (OSError, EOFError) as error:
        raise _refuse("unreadable", name) from error
    finally:
        fileobj.seek(0)


def validate_resource_file(value) -> None:
    """Model field validator: checks a new upload; stored files were checked when they came."""
    if getattr(value, "_committed", False):
        return
    value.detected_content_type = check_resource_file(value)


def _check(fileobj, name: str, raw_name: str, depth: int) -> str:
    """Check one file (or archive entry) read from `fileobj`; `depth` 1 inside a ZIP."""
    head = _read_head(fileobj)
    if not head:
        raise _refuse("empty", name)
    kind = _sniff(head)
    if kind in {"executable", "script", "html", "svg"}:
        raise _refuse(kind, name)
    extension = _extension(raw_name)
    if extension in DANGEROUS_EXTENSIONS:
        raise _refuse(DANGEROUS_EXTENSIONS[extension], name)
    if kind == "zip":
        return _check_zip(fileobj, name, extension, depth)
    if kind in {"unknown", "ole"}:
        content = _label(kind) if kind == "ole" else _unknown_label(head)
        raise _refuse("type_not_allowed", name, content=content, accepted=describe_allowed_types())
    mime = _resolve(kind, name, extension)
    if mime in IMAGE_TYPES:
        # Decoded (at a reduced scale) when sent alone; inside a ZIP, header and checksums only.
        _check_image_content(fileobj, name, decode=depth == 0)
    elif mime == "audio/mpeg":
        _check_mp3(fileobj, head, name)
    return mime


def _resolve(kind: str, name: str, extension: str) -> str:
    """The MIME type of a recognised content, if its name's extension does not contradict it."""
    if kind == "text":
        candidates = TEXT_TYPES
    elif kind in {"audio/mp4", "video/mp4"}:
        candidates = (kind, *({"audio/mp4", "video/mp4"} - {kind}))
    else:
        candidates = (kind,)
    if not extension:
        return "text/plain" if kind == "text" else kind
    for mime in candidates:
        if extension in ACCEPTED[mime].extensions:
            return mime
    raise _contradiction(name, extension, kind)


def _contradiction(name: str, extension: str, kind: str) -> ValidationError:
    """The refusal of a name whose extension says something else than the content."""
    named = next((t for t in ACCEPTED.values() if extension in t.extensions), None)
    if named is not None:
        return _refuse("type_mismatch", name, expected=named.label, content=_label(kind))
    canonical = ACCEPTED["text/plain" if kind == "text" else kind].extensions[0]
    return _refuse("extension_mismatch", name, content=_label(kind), extension=canonical)


def _check_mp3(fileobj, head: bytes, name: str) -> None:
    """An ID3 tag must be followed by a frame; without a tag, two frames must follow each other
    (four bytes that merely look like a frame header are common in other data)."""
    if _has_id3_tag(head):
        tag_size = 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(head[6:10]))
        if head[5] & 0x10:  # a footer repeats the header
            tag_size += 10
        fileobj.seek(tag_size)
        frame = fileobj.read(4)
        if _mpeg_frame_length(frame) is None:
            raise _refuse("corrupt", name, content=ACCEPTED["audio/mpeg"].label)
        return
    length = _mpeg_frame_length(head)
    fileobj.seek(length or 0)
    following = fileobj.read(4)
    if length and following and not following.startswith(b"TAG"):
        if _mpeg_frame_length(following) is None:
            raise _refuse(
                "type_not_allowed",
                name,
                content=_unknown_label(head),
                accepted=describe_allowed_types(),
            )


# --- ZIP-based files ----------------------------------------------------------------------------
def _check_zip(fileobj, name: str, extension: str, depth: int) -> str:
    """Inspect an archive without extracting it; then tell an OpenDocument, an Office document or
    an H5P package from a plain ZIP, whose entries must each be accepted files."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
        raise _refuse("zip_corrupt", name) from error
    try:
        with archive:
            entries = _inspect_entries(archive, name)
            mime = _container_type(archive, entries, name)
            mime = _resolve(mime, name, extension) if mime != "zip" else mime
            if mime == "zip":
                if depth > 0:  # _check_entry names the outer archive in the message
                    raise _refuse("zip_nested", name, entry=name)
                mime = _resolve("application/zip", name, extension)
                for entry in entries:
                    _check_entry(archive, entry, name)
            return mime
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as error:
        raise _refuse("zip_corrupt", name) from error


def _inspect_entries(archive: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    """The safety rules every ZIP-based file obeys: entry count, total and ratio, paths, links,
    encryption, compression method."""
    entries = archive.infolist()
    if not entries:
        raise _refuse("zip_empty", name)
    if len(entries) > settings.UPLOAD_MAX_ZIP_ENTRIES:
        raise _refuse("zip_too_many_entries", name, limit=settings.UPLOAD_MAX_ZIP_ENTRIES)
    total = 0
    for entry in entries:
        shown = _safe_entry_name(entry.filename)
        parts = entry.filename.replace("\\", "/").split("/")
        if (
            entry.filename.startswith(("/", "\\"))
            or (len(entry.filename) > 1 and entry.filename[1] == ":")
            or ".." in parts
        ):
            raise _refuse("zip_unsafe_path", name, entry=shown)
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise _refuse("zip_symlink", name, entry=shown)
        if entry.flag_bits & 0x1:
            raise _refuse("zip_encrypted", name, entry=shown)
        if entry.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
            raise _refuse("zip_unsupported", name, entry=shown)
        if (
            entry.file_size > ZIP_RATIO_MIN_SIZE
            and entry.file_size > settings.UPLOAD_MAX_ZIP_RATIO * max(entry.compress_size, 1)
        ):
            raise _refuse("zip_ratio", name, entry=shown)
        total += entry.file_size
        if total > settings.UPLOAD_MAX_ZIP_TOTAL:
            raise _refuse(
                "zip_too_large", name, limit=_format_bytes_lazy(settings.UPLOAD_MAX_ZIP_TOTAL)
            )
    return entries


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The start of one entry: never more than `limit` bytes in memory, whatever it declares."""
    with archive.open(name) as stream:
        return stream.read(limit)


def _container_type(archive: zipfile.ZipFile, entries, name: str) -> str:
    """The MIME type of an OpenDocument, Office document or H5P package, else "zip"."""
    names = {entry.filename for entry in entries}
    if "mimetype" in names:
        declared = _read_entry(archive, "mimetype", 200).decode("ascii", "replace").strip()
        if declared in ACCEPTED and declared.startswith(_ODF):
            return declared
        content = format_lazy(_("a file of type {type}"), type=_safe_entry_name(declared))
        raise _refuse("type_not_allowed", name, content=content, accepted=describe_allowed_types())
    if "[Content_Types].xml" in names:
        content_types = _read_entry(archive, "[Content_Types].xml", HEAD_SIZE * 4)
        if any(n.lower().endswith("vbaproject.bin") for n in names) or (
            b"macroenabled" in content_types.lower()
        ):
            raise _refuse("macros", name)
        for prefix, mime in _OOXML_PARTS.items():
            if any(n.startswith(prefix) for n in names):
                return mime
        raise _refuse("corrupt", name, content=_("an Office document"))
    if "h5p.json" in names:
        try:
            description = json.loads(_read_entry(archive, "h5p.json", HEAD_SIZE * 16))
        except ValueError as error:
            raise _refuse("h5p_invalid", name) from error
        if not (isinstance(description, dict) and description.get("mainLibrary")):
            raise _refuse("h5p_invalid", name)
        return "application/x-h5p"
    return "zip"


def _check_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, archive_name: str) -> None:
    """One file of a plain ZIP, held to the same rules as a file sent alone."""
    basename = entry.filename.rsplit("/", 1)[-1]
    if entry.is_dir() or entry.filename.startswith("__MACOSX/") or basename in ZIP_CLUTTER:
        return
    shown = _safe_entry_name(entry.filename)
    try:
        if entry.file_size == 0:
            extension = _extension(entry.filename)
            if extension in DANGEROUS_EXTENSIONS:
                raise _refuse(DANGEROUS_EXTENSIONS[extension], shown)
            return
        with archive.open(entry) as stream:
            if stream.read(4).startswith(b"PK"):
                # An OpenDocument, an Office document or H5P inside: inspected from a spooled
                # copy (memory, or a temporary file when large), one level deep only.
                with tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024) as copy:
                    stream.seek(0)
                    while chunk := stream.read(1024 * 1024):
                        copy.write(chunk)
                    _check(copy, shown, entry.filename, depth=1)
                return
            _check(stream, shown, entry.filename, depth=1)
    except ValidationError as error:
        if error.code == "zip_nested":
            raise _refuse("zip_nested", archive_name, entry=shown) from error
        inner = error  # `error` is unbound when the except block ends; the lazy text outlives it
        reason = lazy(lambda: " ".join(inner.messages), str)()
        raise ValidationError(
            MESSAGES["zip_entry_refused"],
            code="zip_entry_refused",
            params={"name": archive_name, "reason": reason, "entry": shown, "cause": error.code},
        ) from error


# --- Images -------------------------------------------------------------------------------------
def _check_image_content(fileobj, name: str, *, decode: bool) -> str:
    """Pixels counted from the header before anything is decoded, then the data verified (and,
    with `decode`, decoded at a reduced scale to catch truncated files). Returns the MIME type."""
    limit = settings.UPLOAD_MAX_IMAGE_PIXELS
    too_many = _refuse("image_too_many_pixels", name, limit=_grouped_lazy(limit))
    fileobj.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(fileobj, formats=list(IMAGE_FORMATS)) as image:
                mime = IMAGE_FORMATS[image.format]
                width, height = image.size
                # Every frame of an animation is decoded too (Wagtail counts them the same way).
                if width * height > limit or width * height * getattr(image, "n_frames", 1) > limit:
                    raise too_many
                image.verify()
            if decode:
                fileobj.seek(0)
                with Image.open(fileobj, formats=list(IMAGE_FORMATS)) as image:
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    image.load()
        except Image.DecompressionBombError as error:
            raise too_many from error
        except (OSError, SyntaxError, ValueError, KeyError, EOFError) as error:
            raise _refuse("image_corrupt", name) from error
    return mime


def check_image(uploaded) -> None:
    """A preview or a profile photo: PNG, JPEG, GIF or WebP, within the size and pixel limits,
    and readable to the end. Another image extension is tolerated (a .png that is a JPEG)."""
    name = clean_display_name(getattr(uploaded, "name", "") or "")
    limit = getattr(settings, "UPLOAD_MAX_IMAGE_SIZE", settings.UPLOAD_MAX_FILE_SIZE)
    size = getattr(uploaded, "size", None)
    if size is not None and size > limit:
        raise _refuse("too_large", name, limit=_format_bytes_lazy(limit))
    if size == 0:
        raise _refuse("empty", name)
    if getattr(uploaded, "closed", False):
        uploaded.open("rb")
    fileobj = _raw(uploaded)
    try:
        head = _read_head(fileobj)
        if not head:
            raise _refuse("empty", name)
        kind = _sniff(head)
        if kind == "svg":
            raise _refuse("svg", name)
        if kind not in IMAGE_TYPES:
            content = _unknown_label(head) if kind == "unknown" else _label(kind)
            raise _refuse("image_type", name, content=content)
        extension = _extension(getattr(uploaded, "name", "") or "")
        if extension in DANGEROUS_EXTENSIONS:
            raise _refuse(DANGEROUS_EXTENSIONS[extension], name)
        if extension and extension not in IMAGE_EXTENSIONS:
            raise _contradiction(name, extension, kind)
        _check_image_content(fileobj, name, decode=True)
    except (OSError, EOFError) as error:
        raise _refuse("unreadable", name) from error
    finally:
        fileobj.seek(0)
