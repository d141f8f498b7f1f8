"""Template filters for the catalogue: money in Quebec French or Canadian English, ratings."""

from django import template
from django.utils.translation import gettext as _

from core import formats
from core.i18n import current_language

register = template.Library()


@register.filter
def long_date(value) -> str:
    """« 22 novembre 2026 » / "November 22, 2026", in the site's time zone, on one line."""
    return formats.long_date(value)


@register.filter
def money(cents, currency=None):
    """12,50 $ in French, $12.50 in English; from integer cents, never floats."""
    return formats.money(cents, currency)


@register.filter
def price_label(cents):
    """« Gratuit » for 0, else the amount."""
    return _("Free") if not cents else money(cents)


@register.filter
def rating_text(average):
    """The average as words for screen readers: « 4,5 sur 5 »."""
    if average is None:
        return _("Not rated yet")
    value = f"{average:.1f}"
    if current_language() == "fr":
        value = value.replace(".", ",")
    return _("%(value)s out of 5") % {"value": value}


@register.filter
def stars(average):
    """Five characters: ★ for each full star (rounded), ☆ for the others (decorative)."""
    full = round(average or 0)
    return "★" * full + "☆" * (5 - full)


@register.filter
def licence_short(licence):
    """« CC BY-NC-SA 4.0 », « Tous droits réservés » / "All rights reserved"."""
    return licence.short(current_language())


@register.filter
def licence_name(licence):
    return licence.name(current_language())


@register.filter
def licence_summary(licence):
    """What the licence allows, in plain words, in the interface language."""
    return licence.summary(current_language())


@register.filter
def licence_deed(licence):
    return licence.deed_url(current_language())


@register.filter
def licence_conditions(licence):
    return licence.conditions(current_language())


@register.filter
def duration(minutes):
    """75 → « 1 h 15 », 45 → « 45 min »."""
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest}\u00a0min"
    return f"{hours}\u00a0h\u00a0{rest:02d}" if rest else f"{hours}\u00a0h"
