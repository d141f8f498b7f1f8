"""Recognising what a file is from its first bytes, whatever its name says."""

import codecs
import unicodedata

import filetype
from django.core.files import File
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .names import _INVISIBLE
from .types import (
    _CONTENT_LABELS,
    _EXECUTABLE_MAGIC,
    _MP4_AUDIO_BRANDS,
    _MP4_VIDEO_BRANDS,
    ACCEPTED,
    HEAD_SIZE,
)


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
