"""The checks themselves: resource files (ZIP-based formats and archives inspected entry by
entry) and images, each refusal a ValidationError in the user's language."""

import json
import stat
import tempfile
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .names import _extension, clean_display_name
from .sniffing import (
    _has_id3_tag,
    _label,
    _mpeg_frame_length,
    _raw,
    _read_head,
    _safe_entry_name,
    _sniff,
    _unknown_label,
)
from .types import (
    _ODF,
    _OOXML_PARTS,
    ACCEPTED,
    DANGEROUS_EXTENSIONS,
    HEAD_SIZE,
    IMAGE_EXTENSIONS,
    IMAGE_FORMATS,
    IMAGE_TYPES,
    MESSAGES,
    TEXT_TYPES,
    ZIP_CLUTTER,
    ZIP_RATIO_MIN_SIZE,
    _format_bytes_lazy,
    _grouped_lazy,
    _refuse,
    describe_allowed_types,
)


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
                # What copying the documents inside may take, for the whole upload: a small
                # archive must not make the server inflate gigabytes to inspect it.
                budget = [settings.UPLOAD_MAX_NESTED_TOTAL]
                for entry in entries:
                    _check_entry(archive, entry, name, budget)
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


def _check_entry(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, archive_name: str, budget: list[int]
) -> None:
    """One file of a plain ZIP, held to the same rules as a file sent alone (its size
    included). `budget`: the bytes the documents inside may still take once copied."""
    basename = entry.filename.rsplit("/", 1)[-1]
    if entry.is_dir() or entry.filename.startswith("__MACOSX/") or basename in ZIP_CLUTTER:
        return
    shown = _safe_entry_name(entry.filename)
    try:
        if entry.file_size > settings.UPLOAD_MAX_FILE_SIZE:
            raise _refuse(
                "too_large", shown, limit=_format_bytes_lazy(settings.UPLOAD_MAX_FILE_SIZE)
            )
        if entry.file_size == 0:
            extension = _extension(entry.filename)
            if extension in DANGEROUS_EXTENSIONS:
                raise _refuse(DANGEROUS_EXTENSIONS[extension], shown)
            return
        with archive.open(entry) as stream:
            if stream.read(4).startswith(b"PK"):
                # An OpenDocument, an Office document or H5P inside: inspected from a spooled
                # copy (memory, or a temporary file when large), one level deep only, within
                # the upload's budget (the declared size may lie: the bytes are counted).
                with tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024) as copy:
                    stream.seek(0)
                    while chunk := stream.read(1024 * 1024):
                        budget[0] -= len(chunk)
                        if budget[0] < 0:
                            raise _refuse(
                                "zip_nested_too_large",
                                archive_name,
                                limit=_format_bytes_lazy(settings.UPLOAD_MAX_NESTED_TOTAL),
                            )
                        copy.write(chunk)
                    _check(copy, shown, entry.filename, depth=1)
                return
            _check(stream, shown, entry.filename, depth=1)
    except ValidationError as error:
        if error.code == "zip_nested":
            raise _refuse("zip_nested", archive_name, entry=shown) from error
        if error.code == "zip_nested_too_large":
            raise
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
