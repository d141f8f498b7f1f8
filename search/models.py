"""The database side of search: a folded copy of each published resource's text, so that the
fallback matches « mathematiques » to « Mathématiques » on SQLite and PostgreSQL alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One published resource's searchable text, lower-cased and without accents."""

    page = models.OneToOneField(
        "resources.ResourcePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    title = models.CharField(_("folded title"), max_length=255)
    text = models.TextField(_("folded text"))
    # The hash of the document last sent to the engine ("" when the engine has not got it yet,
    # e.g. it was down): `search_index --catch-up` and the next indexing task send these.
    indexed_hash = models.CharField(max_length=40, blank=True, db_index=True)
    document_hash = models.CharField(max_length=40)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title

    @property
    def is_indexed(self) -> bool:
        return self.indexed_hash == self.document_hash
