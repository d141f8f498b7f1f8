"""What the OAI-PMH repository lists: one row per resource ever published, kept up to date from
the catalogue's signals (oai/receivers.py) so that a list never computes anything per record.
A resource unpublished or deleted keeps its row as a tombstone, forever (deletedRecord =
persistent)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OaiRecord(models.Model):
    # A plain integer, not a foreign key: the tombstone outlives the page.
    resource_id = models.PositiveIntegerField(_("resource id"), unique=True)
    # UTC, whole seconds (the repository's granularity); moves whenever the metadata changes.
    datestamp = models.DateTimeField(_("datestamp"))
    deleted = models.BooleanField(_("deleted"), default=False)
    # The record's sets, space-separated with a space at each end (" discipline:420 rel "), so
    # that one set is one `contains` lookup; parents (discipline, licence) are implied.
    set_specs = models.TextField(_("sets"), blank=True, default="")
    # SHA-256 of the record's metadata as last disseminated; empty for a record made before we
    # knew it (the data migration): its first refresh then keeps its datestamp.
    digest = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("OAI-PMH record")
        verbose_name_plural = _("OAI-PMH records")
        indexes = [models.Index(fields=["datestamp", "resource_id"], name="oai_record_datestamp")]

    def __str__(self):
        return f"{self.resource_id} {self.datestamp:%Y-%m-%dT%H:%M:%SZ}"

    @property
    def specs(self) -> list[str]:
        return self.set_specs.split()
