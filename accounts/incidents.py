"""The register of confidentiality incidents that Quebec's Law 25 requires of every organisation
holding personal information (Act respecting the protection of personal information in the
private sector, s. 3.8; Regulation respecting confidentiality incidents, s. 11): what happened and
when, what information and how many people, the assessed risk of serious injury, the measures,
and the notices to the Commission d'accès à l'information and to the people concerned. Entries
are kept at least five years after the incident became known, so the admin never deletes one."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class PrivacyIncident(models.Model):
    occurred_from = models.DateField(_("occurred on or from"))
    occurred_until = models.DateField(
        _("until"), null=True, blank=True, help_text=_("For an incident that lasted a period.")
    )
    discovered_on = models.DateField(_("known to us on"))
    circumstances = models.TextField(
        _("circumstances"), help_text=_("A brief description of what happened.")
    )
    information_affected = models.TextField(
        _("personal information concerned"),
        help_text=_("Which information (or why it cannot be known yet)."),
    )
    people_affected = models.PositiveIntegerField(_("number of people concerned"))
    people_affected_estimated = models.BooleanField(_("the number is an estimate"), default=False)
    risk_assessment = models.TextField(
        _("assessment of the risk"),
        help_text=_(
            "Sensitivity of the information, its probable misuse and the consequences for the "
            "people concerned."
        ),
    )
    serious_injury_risk = models.BooleanField(_("risk of serious injury"), default=False)
    measures = models.TextField(
        _("measures taken"), help_text=_("What was done to reduce the risk of injury.")
    )
    commission_notified_on = models.DateField(
        _("Commission d'accès à l'information notified on"), null=True, blank=True
    )
    people_notified_on = models.DateField(_("people concerned notified on"), null=True, blank=True)
    public_notice = models.TextField(
        _("public notice"),
        blank=True,
        help_text=_("When people were told through a public notice: when, how and why."),
    )
    created_at = models.DateTimeField(_("recorded on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("occurred_from"), FieldPanel("occurred_until")]),
                FieldPanel("discovered_on"),
                FieldPanel("circumstances"),
            ],
            heading=_("The incident"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("information_affected"),
                FieldRowPanel(
                    [FieldPanel("people_affected"), FieldPanel("people_affected_estimated")]
                ),
                FieldPanel("risk_assessment"),
                FieldPanel("serious_injury_risk"),
            ],
            heading=_("People and risk"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("measures"),
                FieldRowPanel(
                    [FieldPanel("commission_notified_on"), FieldPanel("people_notified_on")]
                ),
                FieldPanel("public_notice"),
            ],
            heading=_("Measures and notices"),
        ),
    ]

    class Meta:
        verbose_name = _("confidentiality incident")
        verbose_name_plural = _("confidentiality incidents")
        ordering = ["-discovered_on", "-pk"]

    def __str__(self):
        return f"{self.discovered_on:%Y-%m-%d} — {self.circumstances[:60]}"

    def clean(self):
        errors = {}
        if self.occurred_until and self.occurred_from and self.occurred_until < self.occurred_from:
            errors["occurred_until"] = _("The end of the period comes before its start.")
        if self.discovered_on and self.occurred_from and self.discovered_on < self.occurred_from:
            errors["discovered_on"] = _("An incident cannot be known before it occurred.")
        for name in ("commission_notified_on", "people_notified_on"):
            notified = getattr(self, name)
            if notified and self.discovered_on and notified < self.discovered_on:
                errors[name] = _("A notice cannot precede the day the incident became known.")
        if errors:
            raise ValidationError(errors)

    @property
    def notices_owed(self) -> bool:
        """A risk of serious injury obliges to notify the Commission and the people promptly. An
        entry is often written before the notices go out: not an error, but the listing shows
        what is still owed."""
        return self.serious_injury_risk and not (
            self.commission_notified_on and (self.people_notified_on or self.public_notice)
        )
