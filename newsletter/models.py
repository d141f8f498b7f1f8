"""The bi-weekly digest (« infolettre »): editions editors write and schedule, and one delivery row
per person and edition — the record that nobody gets an edition twice, and the admin's counts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

# What an editorial text may contain: a newsletter is read in mail programs.
EDITORIAL_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Edition(models.Model):
    title = models.CharField(_("title"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    editorial = RichTextField(_("editorial text"), features=EDITORIAL_FEATURES, blank=True)
    editorial_en = RichTextField(
        _("editorial text (English)"), features=EDITORIAL_FEATURES, blank=True
    )
    collections = models.ManyToManyField(
        "resources.CollectionPage",
        blank=True,
        related_name="+",
        verbose_name=_("featured collections"),
    )
    send_on = models.DateField(
        _("send on"),
        null=True,
        blank=True,
        help_text=_("Sent by the first digest run on or after this day. Empty: a draft."),
    )
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    sent_count = models.PositiveIntegerField(_("sent"), default=0, editable=False)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0, editable=False)
    failed_count = models.PositiveIntegerField(_("failed"), default=0, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("editorial"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("editorial_en")],
            heading=_("English version (optional)"),
        ),
        FieldPanel("collections"),
        FieldPanel("send_on"),
    ]

    class Meta:
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")
        ordering = ["-send_on", "-pk"]

    def __str__(self):
        return self.title

    def title_in(self, language: str) -> str:
        return (self.title_en if language == "en" else "") or self.title

    def editorial_in(self, language: str) -> str:
        return (self.editorial_en if language == "en" else "") or self.editorial


class Delivery(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        SKIPPED = "skipped", _("skipped (nothing new)")
        FAILED = "failed", _("failed")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    resources = models.PositiveSmallIntegerField(default=0)
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["edition", "user"], name="newsletter_delivery_once")
        ]
