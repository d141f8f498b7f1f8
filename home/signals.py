"""Publication hooks of the home app, in one place rather than spread through the code."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import page_cache

from .models import SiteLinks
from .site_links import forget_links


@receiver(post_save, sender=SiteLinks)
@receiver(post_delete, sender=SiteLinks)
def _site_links_changed(sender, instance, **kwargs):
    forget_links([instance.site])
    # Every page shows the footer: the cached ones too.
    page_cache.forget_all()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def _page_changed(sender, instance, **kwargs):
    # A linked page's URL or visibility may have changed; cheap to forget, costly to serve stale.
    forget_links()
    # Any page may be a cached one, or linked from one (menus, footer).
    page_cache.forget_all()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restriction_changed(sender, instance, **kwargs):
    # A page that now asks for a password or a login must not stay cached for everyone.
    page_cache.forget_all()
