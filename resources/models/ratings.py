"""Ratings and reviews of resources."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.Model):
    """A user's rating (1–5) of a resource with an optional comment; one per user, editable."""

    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="ratings",
        verbose_name=_("resource"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ratings",
        verbose_name=_("user"),
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[
            MinValueValidator(1, _("A rating is from 1 to 5 stars.")),
            MaxValueValidator(5, _("A rating is from 1 to 5 stars.")),
        ],
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    hidden = models.BooleanField(
        _("hidden"),
        default=False,
        help_text=_("Hidden reviews are not shown and do not count in the average."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "user"], name="resources_one_rating_per_user"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="resources_rating_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.score}/5 — {self.resource_id} — {self.user_id}"
