"""Publication hooks of the catalogue, in one place (STYLE.md, example 5)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .detail import bump_catalogue_version
from .models import (
    CollectionPage,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    Rating,
    ResourcePage,
    ResourceType,
)
from .taxonomies import forget_terms

TAXONOMIES = (Discipline, EducationLevel, ResourceType, DigitalCompetencyDimension)


def _on_commit_bump():
    transaction.on_commit(bump_catalogue_version)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def _page_changed(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, (ResourcePage, CollectionPage)) or sender in (
        ResourcePage,
        CollectionPage,
    ):
        _on_commit_bump()


@receiver(post_delete, sender=ResourcePage)
def _resource_deleted(sender, instance, **kwargs):
    _on_commit_bump()


@receiver(post_save, sender=Rating)
@receiver(post_delete, sender=Rating)
def _rating_changed(sender, instance, **kwargs):
    # Ratings are read live; the JSON-LD's aggregateRating is part of the cached page.
    _on_commit_bump()


def _taxonomy_changed(sender, instance, **kwargs):
    transaction.on_commit(forget_terms)
    _on_commit_bump()


for _model in TAXONOMIES:
    post_save.connect(
        _taxonomy_changed, sender=_model, dispatch_uid=f"taxonomy-save-{_model.__name__}"
    )
    post_delete.connect(
        _taxonomy_changed, sender=_model, dispatch_uid=f"taxonomy-delete-{_model.__name__}"
    )
