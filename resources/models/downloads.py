"""Download records: what a library lists and what "popular" counts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Download(models.Model):
    """One download of a resource (or of one of its files), by a user when signed in. No IP
    address is kept: rate limiting works on the cache, not on this table."""

    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="download_records",
        verbose_name=_("resource"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="downloads",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("downloaded on"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        indexes = [models.Index(fields=["user", "-created_at"], name="resources_download_user")]

    def __str__(self):
        return f"{self.resource_id} — {self.created_at:%Y-%m-%d %H:%M}"
