"""The library's folders: a teacher creates, renames and deletes folders of their own, and puts
any resource of their library — what they added or bought, a live entitlement — into one or
more of them. Folders are private: every function takes the owner, and a folder of somebody
else is a 404, as if it did not exist.

A resource that leaves the library (removed, refunded) stays filed but is not shown: it comes
back in its folders if it comes back in the library. Every list costs a fixed number of queries
whatever the number of folders and resources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce, Lower
from django.http import Http404
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from boutique.models import Entitlement

from .models import FOLDER_NAME_MAX_LENGTH, LibraryFolder, LibraryFolderItem
from .profiles import LibraryEntry, library_entries

# More would be a list nobody reads; a limit also keeps one account from filling the table.
MAX_FOLDERS = 100
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FolderChoice:
    """A folder as a checkbox of the form that files one resource."""

    id: int
    name: str
    checked: bool


def _library(user):
    """The ids of the resources in the user's library (live entitlements), as a subquery."""
    return Entitlement.objects.live().filter(user=user).values("resource_id")


def in_library(user, resource_id: int) -> bool:
    return Entitlement.objects.live().filter(user=user, resource_id=resource_id).exists()


def folders_of(user) -> list[LibraryFolder]:
    """The user's folders by name, each with `count`: how many of its resources are in the
    library (one query)."""
    counts = (
        LibraryFolderItem.objects.filter(folder=OuterRef("pk"), resource_id__in=_library(user))
        .values("folder")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return list(
        LibraryFolder.objects.filter(owner=user)
        .annotate(count=Coalesce(Subquery(counts), 0))
        .order_by(Lower("name"), "pk")
    )


def folder_of(user, folder_id: int) -> LibraryFolder:
    """The user's folder `folder_id`; 404 for a folder of anybody else."""
    folder = LibraryFolder.objects.filter(pk=folder_id, owner=user).first()
    if folder is None:
        raise Http404
    return folder


def memberships(user, resource_ids=None) -> dict[int, set[int]]:
    """{resource id: ids of the user's folders holding it} (one query)."""
    items = LibraryFolderItem.objects.filter(folder__owner=user)
    if resource_ids is not None:
        items = items.filter(resource_id__in=resource_ids)
    found: dict[int, set[int]] = {}
    for resource_id, folder_id in items.values_list("resource_id", "folder_id"):
        found.setdefault(resource_id, set()).add(folder_id)
    return found


def choices_for(folders, chosen: set[int]) -> list[FolderChoice]:
    return [FolderChoice(folder.pk, folder.name, folder.pk in chosen) for folder in folders]


def choices_on(user, resource_id: int) -> list[FolderChoice]:
    """The user's folders by name, checked when they hold the resource (one query)."""
    holding = LibraryFolderItem.objects.filter(folder=OuterRef("pk"), resource_id=resource_id)
    return [
        FolderChoice(folder.pk, folder.name, folder.checked)
        for folder in LibraryFolder.objects.filter(owner=user)
        .annotate(checked=Exists(holding))
        .order_by(Lower("name"), "pk")
    ]


def folder_entries(user, folder: LibraryFolder, request) -> list[LibraryEntry]:
    """The folder's resources that are in the library, latest filed first (three queries)."""
    filed = list(
        folder.items.filter(resource_id__in=_library(user))
        .order_by("-added_at", "-pk")
        .values_list("resource_id", "added_at")
    )
    dates = dict(filed)
    entries = library_entries(dates.keys(), dates, request)
    return [entries[pk] for pk, _added in filed if pk in entries]


# --- Changes --------------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """A folder name as people see it: spaces collapsed; ValidationError when empty or long."""
    cleaned = _SPACES.sub(" ", name or "").strip()
    if not cleaned:
        raise ValidationError(_("Give the folder a name."), code="required")
    if len(cleaned) > FOLDER_NAME_MAX_LENGTH:
        raise ValidationError(
            format_lazy(
                _("A folder name has {count} characters at most."), count=FOLDER_NAME_MAX_LENGTH
            ),
            code="max_length",
        )
    return cleaned


def _taken(name: str) -> ValidationError:
    return ValidationError(
        format_lazy(_("You already have a folder named “{name}”."), name=name), code="unique"
    )


@transaction.atomic
def create_folder(user, name: str) -> LibraryFolder:
    """A new private folder; ValidationError when the name is empty, too long or taken, or
    when the user has MAX_FOLDERS already."""
    name = clean_name(name)
    if LibraryFolder.objects.filter(owner=user).count() >= MAX_FOLDERS:
        raise ValidationError(
            format_lazy(
                _("Your library has {count} folders, the most it can hold: delete one first."),
                count=MAX_FOLDERS,
            ),
            code="too_many",
        )
    try:
        with transaction.atomic():
            return LibraryFolder.objects.create(owner=user, name=name)
    except IntegrityError:
        raise _taken(name) from None


@transaction.atomic
def rename_folder(folder: LibraryFolder, name: str) -> LibraryFolder:
    name = clean_name(name)
    folder.name = name
    try:
        with transaction.atomic():
            folder.save(update_fields=["name"])
    except IntegrityError:
        raise _taken(name) from None
    return folder


def delete_folder(folder: LibraryFolder) -> None:
    """The folder goes; its resources stay in the library."""
    folder.delete()


@transaction.atomic
def file_resource(user, resource_id: int, folder_ids, new_folder: str = "") -> list[str]:
    """Put a resource of the library in exactly these folders of the user's (and in a new one
    when `new_folder` names it); returns the names of the folders it is now in. Raises
    ValidationError, changing nothing, when the resource is not in the library or the new
    folder cannot be made; a folder id that is not the user's is ignored."""
    if not in_library(user, resource_id):
        raise ValidationError(
            _("Add this resource to your library first: folders hold what your library holds."),
            code="not_in_library",
        )
    folders = {folder.pk: folder for folder in LibraryFolder.objects.filter(owner=user)}
    wanted = {int(pk) for pk in folder_ids if str(pk).isdigit() and int(pk) in folders}
    if (new_folder or "").strip():
        created = create_folder(user, new_folder)
        folders[created.pk] = created
        wanted.add(created.pk)
    current = set(
        LibraryFolderItem.objects.filter(folder__owner=user, resource_id=resource_id).values_list(
            "folder_id", flat=True
        )
    )
    LibraryFolderItem.objects.filter(
        folder_id__in=current - wanted, resource_id=resource_id
    ).delete()
    LibraryFolderItem.objects.bulk_create(
        [LibraryFolderItem(folder_id=pk, resource_id=resource_id) for pk in wanted - current],
        ignore_conflicts=True,  # a second tab filing it at the same time
    )
    return sorted((folders[pk].name for pk in wanted), key=str.casefold)


def remove_from_folder(folder: LibraryFolder, resource_id: int) -> bool:
    deleted, _kinds = folder.items.filter(resource_id=resource_id).delete()
    return bool(deleted)
