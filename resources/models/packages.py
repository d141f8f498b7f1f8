"""Download packages: the ZIP of a resource's files with LICENCE.txt and ATTRIBUTION.txt, built
in the background when the resource is published (resources/packages.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import private_storage


class Package(models.Model):
    """The current package of a resource. `signature` digests everything the package was built
    from (files, texts, stamping version): a package whose signature differs from the resource's
    is stale and is rebuilt before anyone downloads it."""

    resource = models.OneToOneField(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="package",
        verbose_name=_("resource"),
    )
    file = models.FileField(_("file"), storage=private_storage, max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)
    signature = models.CharField(max_length=64, blank=True, editable=False)
    built_at = models.DateTimeField(_("built on"), null=True, blank=True)
    # The first-page image made for a PDF resource without previews, kept so that publishing the
    # same PDF again reuses it instead of rendering it anew.
    preview_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("generated preview"),
    )
    preview_source = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("download package")
        verbose_name_plural = _("download packages")

    def __str__(self):
        return f"{self.resource_id}: {self.file.name or '—'}"


class CollectionPackage(models.Model):
    """« Tout télécharger » of an open (REL) collection: one ZIP with a folder per resource (its
    package's files, LICENCE.txt and ATTRIBUTION.txt) and one ATTRIBUTION.txt for them all
    (files/collection_packages.py). Rebuilt when `signature` no longer matches the collection."""

    collection = models.OneToOneField(
        "resources.CollectionPage",
        on_delete=models.CASCADE,
        related_name="package",
        verbose_name=_("collection"),
    )
    file = models.FileField(_("file"), storage=private_storage, max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    signature = models.CharField(max_length=64, blank=True, editable=False)
    built_at = models.DateTimeField(_("built on"), null=True, blank=True)

    class Meta:
        verbose_name = _("collection package")
        verbose_name_plural = _("collection packages")

    def __str__(self):
        return f"{self.collection_id}: {self.file.name or '—'}"
