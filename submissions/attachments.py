"""The files and previews of a submission (step 3): uploads are checked, all of them, before
anything is stored, then stored in the private storage under generated names and added to a new
draft revision (submissions/service.py keeps the drafts and their revisions)."""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.images import get_image_model

from resources import uploads
from resources.images import root_collection
from resources.models import ResourceFile, ResourcePage, ResourcePreview
from resources.models.pages import private_storage, resource_file_key

from .service import draft_of, save_draft


def file_token(name: str) -> str:
    """A short stand-in for a file's storage key in forms: the key itself stays server-side."""
    return hashlib.sha256(name.encode()).hexdigest()[:16]


def _store_file(uploaded, content_type: str) -> ResourceFile:
    """Store an accepted upload in the private storage under a generated name whose extension
    matches the content; the name people download under does not contradict it either."""
    uploaded.seek(0)
    key = private_storage().save(
        resource_file_key(ResourceFile(content_type=content_type), uploaded.name), uploaded
    )
    display_name = uploads.clean_display_name(uploaded.name)
    return ResourceFile(
        file=key,
        display_name=uploads.name_with_extension(display_name, content_type),
        size=uploaded.size,
        content_type=content_type,
    )


def check_uploads(uploaded_files, preview=None) -> list[str]:
    """Check every file and the preview image, all of them, before anything is stored: returns
    the files' MIME types; ValidationError({"files": […], "preview": […]}) naming each refused
    upload, so that the member reads every problem at once."""
    errors: dict[str, list] = {}
    content_types = []
    for uploaded in uploaded_files:
        try:
            content_types.append(uploads.check_resource_file(uploaded))
        except ValidationError as error:
            errors.setdefault("files", []).extend(error.error_list)
        uploaded.seek(0)
    if preview is not None:
        try:
            uploads.check_image(preview)
        except ValidationError as error:
            errors["preview"] = error.error_list
        preview.seek(0)
    if errors:
        raise ValidationError(errors)
    return content_types


@transaction.atomic
def add_files(user, page: ResourcePage, uploaded_files, content_types=None) -> list[ResourceFile]:
    """Store the files and add them to a new draft revision; `content_types` from
    check_uploads(), which runs here when they are not given.

    Raises ValidationError when resources.uploads refuses one of them: nothing is stored then."""
    if content_types is None:
        content_types = check_uploads(uploaded_files)
    draft = draft_of(page)
    files = list(draft.files.all())
    added = [
        _store_file(uploaded, content_type)
        for uploaded, content_type in zip(uploaded_files, content_types, strict=True)
    ]
    for position, entry in enumerate(added, start=len(files)):
        entry.sort_order = position
    draft.files = files + added
    save_draft(user, page, draft)
    return added


@transaction.atomic
def remove_file(user, page: ResourcePage, token: str) -> bool:
    """Drop a file from the draft; its stored object goes too unless the live page uses it."""
    draft = draft_of(page)
    files = list(draft.files.all())
    kept = [entry for entry in files if file_token(entry.file.name) != token]
    if len(kept) == len(files):
        return False
    removed = [entry.file.name for entry in files if file_token(entry.file.name) == token]
    draft.files = kept
    save_draft(user, page, draft)
    for name in removed:
        if not _file_in_use(page, name):
            transaction.on_commit(lambda name=name: private_storage().delete(name))
    return True


def _file_in_use(page: ResourcePage, name: str) -> bool:
    """Does a page row, or the published revision (an editor may publish it again), use it?"""
    if ResourceFile.objects.filter(file=name).exists():
        return True
    live_revision = page.live_revision
    return live_revision is not None and name in json.dumps(live_revision.content)


@transaction.atomic
def add_preview(
    user, page: ResourcePage, uploaded, alt_text: str, *, checked: bool = False
) -> ResourcePreview:
    """Check the image (unless check_uploads() did), make it a Wagtail image (public) and add
    it to a new draft revision."""
    if not checked:
        uploads.check_image(uploaded)
        uploaded.seek(0)
    image = get_image_model()(
        title=alt_text[:255],
        file=uploaded,
        collection=root_collection(),
        uploaded_by_user=user,
    )
    image.save()
    draft = draft_of(page)
    previews = list(draft.previews.all())
    preview = ResourcePreview(image=image, alt_text=alt_text, sort_order=len(previews))
    draft.previews = [*previews, preview]
    save_draft(user, page, draft)
    return preview


@transaction.atomic
def remove_preview(user, page: ResourcePage, image_id: int) -> bool:
    """Drop a preview from the draft; its image goes too unless the live page shows it."""
    draft = draft_of(page)
    previews = list(draft.previews.all())
    kept = [preview for preview in previews if preview.image_id != image_id]
    if len(kept) == len(previews):
        return False
    draft.previews = kept
    save_draft(user, page, draft)
    if not _image_in_use(page, image_id):
        get_image_model().objects.filter(pk=image_id).delete()
    return True


def _image_in_use(page: ResourcePage, image_id: int) -> bool:
    if ResourcePreview.objects.filter(image_id=image_id).exists():
        return True
    live_revision = page.live_revision
    previews = live_revision.content.get("previews", []) if live_revision is not None else []
    return any(preview.get("image") == image_id for preview in previews)
