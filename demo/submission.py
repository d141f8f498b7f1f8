"""A member's submission waiting for the editors (demo/data/submission.yaml): the editor's review
journey works on a fresh `make run`, before any member has submitted anything. It goes through
the submission's own services (the five steps' rules, the workflow, the receipt), once."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from resources.models import Discipline, ResourcePage
from submissions import attachments, service
from submissions.text import text_to_html

from .loader import DATA_DIR, DemoDataError, read
from .sample_files import pdf_bytes, preview_png


@transaction.atomic
def ensure_demo_submission(folder: Path = DATA_DIR) -> ResourcePage | None:
    """The submission, in review; None when its author is not there or it exists already."""
    spec = read("submission", folder)
    author = get_user_model().objects.filter(email__iexact=spec["author"]).first()
    if author is None or ResourcePage.objects.filter(owner=author, title=spec["title"]).exists():
        return None
    page = service.create_submission(
        author,
        {
            "title": spec["title"],
            "summary": spec["summary"],
            "description": text_to_html(spec["description"]),
            "language": spec["language"],
        },
    )
    draft = service.draft_of(page)
    draft.disciplines = list(Discipline.objects.filter(code__in=spec["disciplines"]))
    draft.tags.set(spec["tags"])
    draft.licence = spec["licence"]
    service.save_draft(author, page, draft)
    upload = SimpleUploadedFile(
        spec["file"],
        pdf_bytes(spec["title"], author.get_full_name(), spec["description"].split("\n\n")),
        content_type="application/pdf",
    )
    attachments.add_files(author, page, [upload])
    code = spec["disciplines"][0]
    image = SimpleUploadedFile(
        "apercu.png", preview_png(spec["title"], code, 0), content_type="image/png"
    )
    attachments.add_preview(author, page, image, spec["preview_alt"])
    errors = service.submit_for_review(author, page)
    if errors:
        raise DemoDataError(f"submission.yaml: {errors}")
    return page
