"""What may be uploaded: the accepted types, their labels, the refusal messages and the help
texts that list them."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

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
    "zip_nested_too_large": _(
        "The documents inside the archive “%(name)s” would take more than %(limit)s to check: "
        "send them in several smaller archives."
    ),
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
