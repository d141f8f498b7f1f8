"""People and what they belong to: the user (e-mail login, public profile, membership, consents),
institutions with their e-mail domains, and who follows whom. Rules about roles and prices live in
accounts/roles.py."""

import secrets
from pathlib import PurePosixPath

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .admin_forms import InstitutionAdminForm, RepresentativesPanel


def profile_photo_key(instance, filename: str) -> str:
    """Public, but under a name that says nothing about its owner."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"profiles/{secrets.token_urlsafe(16)}{suffix}"


class UserManager(BaseUserManager):
    """Creates users from an e-mail address (no username)."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # Log-in is case-insensitive on the address, like every mail system people know.
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person with an account: teacher, APOP member, editor or staff."""

    class Language(models.TextChoices):
        FRENCH = "fr", "Français"
        ENGLISH = "en", "English"

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("Shown on your author page and your resources instead of your e-mail."),
    )
    bio = models.TextField(_("biography"), blank=True, max_length=2000)
    bio_en = models.TextField(_("biography (English)"), blank=True, max_length=2000)
    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.FRENCH,
        help_text=_("Language of the e-mails we send you."),
    )
    # Public profile (the author page /auteurs/<slug>/); the e-mail address is never shown.
    slug = models.SlugField(
        _("author page address"), max_length=80, unique=True, null=True, blank=True
    )
    photo = models.ImageField(_("photo"), upload_to=profile_photo_key, blank=True)
    links = models.TextField(
        _("links"), blank=True, max_length=2000, help_text=_("One web address per line.")
    )
    disciplines = models.ManyToManyField(
        "resources.Discipline", blank=True, related_name="+", verbose_name=_("disciplines")
    )
    # Individual APOP membership: publish and sell until this date (inclusive). Staff grant it in
    # the admin; the boutique sells it.
    membership_expires_on = models.DateField(
        _("APOP membership expires on"),
        null=True,
        blank=True,
        help_text=_("Individual APOP member until this date (inclusive). Empty: not a member."),
    )
    # Consents (Quebec Law 25): separate, dated, the newsletter off unless asked for.
    terms_accepted_at = models.DateTimeField(_("terms accepted on"), null=True, blank=True)
    newsletter_opt_in_at = models.DateTimeField(
        _("newsletter subscribed on"), null=True, blank=True
    )
    # Set when the account was closed: the row stays, emptied, so that nothing points nowhere.
    deleted_at = models.DateTimeField(_("account closed on"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        """The display name, else first and last names, else « Membre APOP »: names are shown
        publicly (reviews, author credits), so never a piece of the e-mail address."""
        name = self.display_name or f"{self.first_name} {self.last_name}".strip()
        return name or str(_("APOP member"))

    def get_short_name(self):
        return self.display_name or self.first_name or str(_("APOP member"))

    def save(self, *args, **kwargs):
        if not self.slug and self.deleted_at is None:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        # From the names people chose to show, never from the e-mail address.
        name = self.display_name or f"{self.first_name} {self.last_name}".strip()
        base = slugify(name)[:60].strip("-") or f"membre-{secrets.token_hex(3)}"
        candidate, n = base, 1
        while User.objects.filter(slug=candidate).exclude(pk=self.pk).exists():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class Institution(ClusterableModel):
    """A college or organisation. Staff with a confirmed e-mail in one of its domains get member
    prices during its membership period (accounts/roles.py)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    # The membership period (an FCP year, e.g. 2026-08-01 → 2027-06-30): member prices and the
    # institution's services stop after `member_until`.
    member_from = models.DateField(
        _("member from"),
        null=True,
        blank=True,
        help_text=_("First day of the FCP membership, for example 2026-08-01."),
    )
    member_until = models.DateField(
        _("member until"),
        null=True,
        blank=True,
        help_text=_("Last day of the FCP membership (inclusive), for example 2027-06-30."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("member_from"), FieldPanel("member_until")]),
        InlinePanel("domains", label=_("E-mail domains"), min_num=1),
        RepresentativesPanel(
            "representatives",
            # Checked against the domains of the same form (accounts/admin_forms.py).
            label=_("Local representatives"),
            help_text=_(
                "People with a confirmed e-mail address in one of the institution's domains: "
                "they see its page and buy institution licences."
            ),
        ),
    ]

    base_form_class = InstitutionAdminForm

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(member_from__isnull=True)
                | models.Q(member_until__isnull=True)
                | models.Q(member_until__gte=models.F("member_from")),
                name="accounts_institution_period_in_order",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.member_from is None) != (self.member_until is None):
            missing = "member_until" if self.member_until is None else "member_from"
            raise ValidationError(
                {missing: _("Give both the first and the last day of the membership.")}
            )
        if self.member_from and self.member_until and self.member_until < self.member_from:
            raise ValidationError(
                {"member_until": _("The membership cannot end before it starts.")}
            )


class InstitutionDomain(Orderable):
    """An e-mail domain of an institution (sub-domains included: dept.cegep.qc.ca)."""

    institution = ParentalKey(Institution, related_name="domains", on_delete=models.CASCADE)
    domain = models.CharField(
        _("domain"), max_length=253, unique=True, help_text=_("For example: cegep-exemple.qc.ca")
    )

    panels = [FieldPanel("domain")]

    class Meta(Orderable.Meta):
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@").rstrip(".")
        super().save(*args, **kwargs)


class InstitutionRepresentative(Orderable):
    """A local representative (« mandataire local ») of an institution, named by staff: sees the
    institution's page, buys institution licences and receives the monthly statement."""

    institution = ParentalKey(Institution, related_name="representatives", on_delete=models.CASCADE)
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="institution_roles",
        verbose_name=_("user"),
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("local representative")
        verbose_name_plural = _("local representatives")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "user"], name="accounts_one_representative_role"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.institution}"


class Follow(models.Model):
    """A teacher follows an author: the author's new resources show in the follower's library."""

    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["follower", "author"], name="accounts_follow_unique"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("author")), name="accounts_follow_not_self"
            ),
        ]


# The Law 25 register of confidentiality incidents (its own module: a rule of its own).
from .incidents import PrivacyIncident  # noqa: E402, F401
