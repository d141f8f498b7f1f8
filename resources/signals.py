"""Publication hooks of the catalogue, in one place rather than spread through the code: the
cached pages' version follows every change once its transaction commits, and the apps built on
the catalogue hear of it through resources.events (search re-indexes; files builds packages on
page_published itself)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .detail import bump_catalogue_version
from .events import announce_change
from .models import (
    CollectionPage,
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    Rating,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)
from .taxonomies import forget_terms

TAXONOMIES = (Discipline, Course, EducationLevel, ResourceType, DigitalCompetencyDimension)


def _on_commit_bump():
    transaction.on_commit(bump_catalogue_version)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def _page_changed(sender, instance, **kwargs):
    page = instance.specific_deferred
    if isinstance(page, ResourcePage) or sender is ResourcePage:
        _on_commit_bump()
        announce_change(resource_ids=[instance.pk])
    elif isinstance(page, CollectionPage) or sender is CollectionPage:
        _on_commit_bump()
        announce_change(collection_ids=[instance.pk])
    elif isinstance(page, ResourceIndexPage) or sender is ResourceIndexPage:
        # Its resources' URLs changed with it.
        _on_commit_bump()
        announce_change(
            resource_ids=ResourcePage.objects.child_of(instance).values_list("pk", flat=True)
        )


@receiver(post_delete, sender=ResourcePage)
def _resource_deleted(sender, instance, **kwargs):
    _on_commit_bump()
    announce_change(resource_ids=[instance.pk])


@receiver(post_delete, sender=CollectionPage)
def _collection_deleted(sender, instance, **kwargs):
    _on_commit_bump()
    announce_change(collection_ids=[instance.pk])


@receiver(post_save, sender=Rating)
@receiver(post_delete, sender=Rating)
def _rating_changed(sender, instance, **kwargs):
    # Ratings are read live; the JSON-LD's aggregateRating is part of the cached page, and the
    # index sorts by rating.
    _on_commit_bump()
    announce_change(resource_ids=[instance.resource_id])


def _taxonomy_changed(sender, instance, **kwargs):
    transaction.on_commit(forget_terms)
    _on_commit_bump()
    # Names of terms are indexed text ("mathématiques" finds the discipline's resources).
    if kwargs.get("signal") is post_save and not kwargs.get("created"):
        announce_change(resource_ids=instance.resources.values_list("pk", flat=True))


for _model in TAXONOMIES:
    post_save.connect(
        _taxonomy_changed, sender=_model, dispatch_uid=f"taxonomy-save-{_model.__name__}"
    )
    post_delete.connect(
        _taxonomy_changed, sender=_model, dispatch_uid=f"taxonomy-delete-{_model.__name__}"
    )
