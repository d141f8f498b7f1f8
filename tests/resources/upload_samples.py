"""Small sample files for the upload tests, built in memory: no binary fixtures in the repository."""

import io
import json
import stat
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reportlab.pdfgen import canvas


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    """What a form receives for one file field."""
    return SimpleUploadedFile(name, content)


def pdf() -> bytes:
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    document.drawString(72, 720, "Limites et continuité")
    document.showPage()
    document.save()
    return buffer.getvalue()


def image(fmt: str = "PNG", size=(4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#123c69").save(buffer, fmt)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` × `height` pixels, with one tiny data chunk: what a
    decompression bomb looks like before it is decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def text(content: str = "Exercices : dérivées, intégrales et séries.\n") -> bytes:
    return content.encode("utf-8")


def zip_of(entries, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP of (name, bytes) pairs, or of ZipInfo / bytes pairs for special entries."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def odf(kind: str = "text") -> bytes:
    mimetype = zipfile.ZipInfo("mimetype")
    mimetype.compress_type = zipfile.ZIP_STORED
    return zip_of(
        [
            (mimetype, f"application/vnd.oasis.opendocument.{kind}".encode()),
            ("content.xml", b'<?xml version="1.0"?><office:document-content/>'),
            ("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest/>'),
        ]
    )


def ooxml(part: str = "word", main: str = "document.xml", macros: bool = False) -> bytes:
    content_type = (
        "application/vnd.ms-word.document.macroEnabled.main+xml"
        if macros
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    )
    return zip_of(
        [
            (
                "[Content_Types].xml",
                f'<?xml version="1.0"?><Types><Override PartName="/{part}/{main}" '
                f'ContentType="{content_type}"/></Types>'.encode(),
            ),
            ("_rels/.rels", b'<?xml version="1.0"?><Relationships/>'),
            (f"{part}/{main}", b'<?xml version="1.0"?><document/>'),
        ]
    )


def h5p() -> bytes:
    description = {"title": "Quiz", "mainLibrary": "H5P.MultiChoice", "language": "fr"}
    return zip_of(
        [
            ("h5p.json", json.dumps(description).encode()),
            ("content/content.json", b"{}"),
            ("H5P.MultiChoice-1.16/library.json", b"{}"),
            ("H5P.MultiChoice-1.16/js/multichoice.js", b"var H5P = H5P || {};"),
        ]
    )


def mp3_frame() -> bytes:
    """One MPEG-1 layer III frame: 128 kb/s, 44.1 kHz, no padding: 417 bytes."""
    return b"\xff\xfb\x90\x00" + b"\x00" * 413


def mp3(with_tag: bool = True) -> bytes:
    tag = b"ID3\x03\x00\x00" + bytes([0, 0, 0, 10]) + b"\x00" * 10 if with_tag else b""
    return tag + mp3_frame() + mp3_frame()


def mp4(brand: bytes = b"isom") -> bytes:
    ftyp = brand + b"\x00\x00\x02\x00" + brand + b"mp41"
    return struct.pack(">I", 8 + len(ftyp)) + b"ftyp" + ftyp + struct.pack(">I", 8) + b"mdat"


ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 120
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 118 + b"PE\x00\x00"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'


def symlink_zip() -> bytes:
    link = zipfile.ZipInfo("raccourci")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    return zip_of([("notes.txt", text()), (link, b"/etc/passwd")])


def encrypted_zip() -> bytes:
    """A ZIP whose entry says it is encrypted (Python cannot write real ZipCrypto)."""
    data = bytearray(zip_of([("secret.txt", text())], compression=zipfile.ZIP_STORED))
    # Set bit 0 of the general purpose flags in the local header and the central directory.
    data[6] |= 0x01
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 0x01
    return bytes(data)


def bomb_zip() -> bytes:
    """One entry of 4 MB of zeros that compresses about a thousand times."""
    return zip_of([("zeros.txt", b"0" * (4 * 1024 * 1024))])


def refusal(check, name: str, content: bytes):
    """The ValidationError `check` raises for this upload (the test fails if none is raised)."""
    import pytest
    from django.core.exceptions import ValidationError

    uploaded = upload(name, content)
    with pytest.raises(ValidationError) as caught:
        check(uploaded)
    return caught.value
