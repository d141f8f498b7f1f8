"""Plain builders of members and resources. The make_member and make_resource fixtures
(tests/conftest.py) hand them to tests; fixtures built once per module call them directly."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from resources.models import (
    CollectionIndexPage,
    CollectionItem,
    CollectionPage,
    Course,
    Discipline,
    EducationLevel,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)

_serial = itertools.count(1)
# Every built member's password: browser tests log in through the form with it.
PASSWORD = "pw-long-enough"


def build_member(name="Marie Tremblay", **fields):
    email = fields.pop("email", f"member{next(_serial)}@example.org")
    user = get_user_model().objects.create_user(email, PASSWORD, display_name=name, **fields)
    # A confirmed address, as after sign-up: allauth logs in only such accounts.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def build_resource(
    catalogue: ResourceIndexPage,
    title="Notes de cours : limites et continuité",
    *,
    authors=(),
    disciplines=("201",),
    courses=(),
    levels=("collegial_preuniversitaire",),
    types=("notes-de-cours",),
    tags=("limites",),
    files=(("notes.pdf", b"%PDF-1.4 demo"),),
    publish=True,
    **fields,
) -> ResourcePage:
    """Create (and publish) a resource under `catalogue`; keyword arguments override the
    defaults."""
    fields.setdefault("summary", "Un résumé de la ressource.")
    fields.setdefault("slug", f"ressource-{next(_serial)}")
    page = ResourcePage(title=title, live=False, **fields)
    page.authors = list(authors)
    page.disciplines = list(Discipline.objects.filter(code__in=disciplines))
    page.courses = list(Course.objects.filter(number__in=courses))
    page.levels = list(EducationLevel.objects.filter(code__in=levels))
    page.types = list(ResourceType.objects.filter(code__in=types))
    page.files = [
        ResourceFile(file=ContentFile(content, name=name), display_name=name)
        for name, content in files
    ]
    catalogue.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def build_collection(title, entries, *, slug, featured=False, publish=True, **fields):
    """Create (and publish) a collection of (resource, note) entries, the way demo/loader.py
    does."""
    collection = CollectionPage(
        title=title,
        slug=slug,
        intro=fields.pop("intro", "<p>Une sélection de l’équipe éditoriale.</p>"),
        featured=featured,
        live=False,
        **fields,
    )
    # As the admin's form does: the position in the list is the sort order (modelcluster
    # does not number children assigned in code).
    collection.items = [
        CollectionItem(resource=resource, note=note, sort_order=position)
        for position, (resource, note) in enumerate(entries)
    ]
    CollectionIndexPage.objects.get().add_child(instance=collection)
    if publish:
        collection.save_revision().publish()
        collection.refresh_from_db()
    return collection


def file_storages(folder) -> dict:
    """Both file storages (public and private) in folders under `folder`."""
    return {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "public", "base_url": "/media/"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "private", "base_url": None},
        },
    }
