"""The institutions' own records (the institution, its domains and representatives are in
accounts; institution licences are boutique records): the monthly statements and who received
them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.formats import month_name


class Statement(models.Model):
    """The monthly statement (« état de compte mensuel ») of a member institution: its figures
    are computed once, when the month is over, and kept as they were sent (a refund or a
    renamed resource later does not change a statement already in the representatives' hands).
    The CSV and the PDF are drawn from these figures, in the reader's language."""

    institution = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.CASCADE,
        related_name="statements",
        verbose_name=_("institution"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    # institutions/statements.py writes and reads them: counts, amounts in cents, no staff
    # member's name or address except the buyers of the institution's own licences.
    figures = models.JSONField(_("figures"))
    created_at = models.DateTimeField(_("computed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("monthly statement")
        verbose_name_plural = _("monthly statements")
        ordering = ["-month", "institution__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "month"], name="institutions_one_statement_a_month"
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="institutions_statement_month_first_day"
            ),
        ]

    def __str__(self):
        return f"{self.institution} · {self.month:%Y-%m}"

    @property
    def month_label(self) -> str:
        """« novembre 2026 » / "November 2026", in the active language."""
        return month_name(self.month)


class StatementDelivery(models.Model):
    """A statement e-mailed to one representative: at most once (the unique constraint is what
    makes a second run of the command send nothing)."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("statement")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("representative"),
    )
    # The address it went to: the record stays meaningful if the account changes or closes.
    email = models.EmailField(_("e-mail"))
    sent_at = models.DateTimeField(_("sent on"), auto_now_add=True)

    class Meta:
        verbose_name = _("statement sent")
        verbose_name_plural = _("statements sent")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "user"], name="institutions_statement_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.statement} → {self.email}"
