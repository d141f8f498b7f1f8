"""Plain builders of the resources tests, shared by several test modules (test_submission,
test_submission_workflow, test_packages, test_downloads_s3 and the browser tests): the member's
submission steps through the client, small real files (PDF, PNG), and what a browser posts from an
admin form."""

import datetime
import io
from pathlib import Path

import html5lib
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reportlab.pdfgen import canvas

from accounts.roles import EDITORS_GROUP, today
from resources.models import Discipline, ResourcePage

# --- The member's submission (/<lang>/compte/depots/) -------------------------------------------

BASE = "/fr/compte/depots/"
NEW = f"{BASE}nouveau/"
EN_BASE = "/en/account/submissions/"
PDF_MIME = "application/pdf"


def a_year_from_now() -> datetime.date:
    return today() + datetime.timedelta(days=365)


def make_editor(make_member):
    editor = make_member("Élise Éditrice", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return editor


def pdf_bytes(text: str = "Notes de cours") -> bytes:
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    document.drawString(72, 720, text)
    document.showPage()
    document.save()
    return buffer.getvalue()


def png_bytes(size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#123c69").save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_upload(name: str = "notes.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type=PDF_MIME)


def png_upload(name: str = "apercu.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def private_files() -> list[Path]:
    """Every file in the test's private storage folder (tests/conftest.py points it at tmp)."""
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def step_url(page, step: str, base: str = BASE) -> str:
    """A submission step's address; `step` is its French name (« fichiers »), written in the
    base's language (« files » under /en/)."""
    from core.paths import ENGLISH_WORDS

    return f"{base}{page.pk}/{ENGLISH_WORDS.get(step, step) if base.startswith('/en/') else step}/"


DESCRIPTION = {
    "title": "Exercices : limites",
    "summary": "Des exercices corrigés sur les limites.",
    "description": "Première partie.\n\nDeuxième partie <b>importante</b>.",
    "language": "fr",
    "co_authors": "",
    "action": "continue",
}


def licence_data(**overrides) -> dict:
    data = {
        "licence": "CC-BY-NC-SA-4.0",
        "price": "",
        "member_price": "",
        "adapted_from_url": "",
        "source_title": "",
        "source_author": "",
        "source_url": "",
        "source_licence": "",
        "action": "continue",
    }
    data.update(overrides)
    return data


def start_submission(client, **overrides) -> ResourcePage:
    """Step 1 through the client; returns the new draft."""
    response = client.post(NEW, {**DESCRIPTION, **overrides})
    assert response.status_code == 302, response.content.decode()[:3000]
    return ResourcePage.objects.order_by("-pk").first()


def fill_all_steps(client, title="Exercices : limites", *, with_preview=True) -> ResourcePage:
    """Steps 1 to 4 through the client, as a member would; returns the draft."""
    page = start_submission(client, title=title)
    discipline = Discipline.objects.get(code="201")
    response = client.post(
        step_url(page, "classement"),
        {"disciplines": [discipline.pk], "tags": "limites, continuité", "action": "continue"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    files = {"files": pdf_upload(), "action": "continue"}
    if with_preview:
        files.update({"preview": png_upload(), "preview_alt": "Première page des exercices"})
    response = client.post(step_url(page, "fichiers"), files)
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(step_url(page, "licence"), licence_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    return page


def latest(page) -> ResourcePage:
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


# --- Files -------------------------------------------------------------------------------------


def make_pdf(*pages: str) -> bytes:
    """A real PDF with one page per text (US Letter)."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=(612, 792))
    for text in pages:
        drawing.drawString(72, 720, text)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


# --- The admin's forms --------------------------------------------------------------------------


def form_data(html: str, form_id: str) -> dict:
    """What a browser would post from this form, untouched (file inputs send nothing)."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    form = document.find(f".//form[@id='{form_id}']")
    data: dict[str, list[str]] = {}
    for element in form.iter():
        name = element.get("name")
        if not name or "__prefix__" in name or element.get("disabled") is not None:
            continue  # the inline panels' templates for new entries are not sent
        if element.tag == "input":
            kind = element.get("type", "text")
            if kind in ("file", "submit", "button"):
                continue
            if kind in ("checkbox", "radio") and element.get("checked") is None:
                continue
            default = "on" if kind in ("checkbox", "radio") else ""
            data.setdefault(name, []).append(element.get("value", default))
        elif element.tag == "textarea":
            data.setdefault(name, []).append(element.text or "")
        elif element.tag == "select":
            for option in element.iter("option"):
                if option.get("selected") is not None:
                    data.setdefault(name, []).append(option.get("value", option.text or ""))
    return data
