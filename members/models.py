"""The library's folders: a teacher sorts the resources of their library into folders of their
own (one per course, say). Folders are private: only their owner sees them (members/folders.py
holds the rules)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

FOLDER_NAME_MAX_LENGTH = 80


class LibraryFolder(models.Model):
    """A folder of one person's library."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="library_folders",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=FOLDER_NAME_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resources = models.ManyToManyField(
        "resources.ResourcePage",
        through="LibraryFolderItem",
        related_name="+",
        verbose_name=_("resources"),
    )

    class Meta:
        verbose_name = _("library folder")
        verbose_name_plural = _("library folders")
        constraints = [
            # Two folders « Chimie 101 » and « chimie 101 » would be the same to their owner.
            models.UniqueConstraint(
                "owner", Lower("name"), name="members_one_folder_name_per_owner"
            )
        ]

    def __str__(self):
        return self.name


class LibraryFolderItem(models.Model):
    """A resource of the library in one of its owner's folders."""

    folder = models.ForeignKey(LibraryFolder, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("resource in a folder")
        verbose_name_plural = _("resources in folders")
        constraints = [
            models.UniqueConstraint(fields=["folder", "resource"], name="members_once_per_folder")
        ]
