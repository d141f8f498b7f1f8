"""Loads the demo catalogue (resources/demo_catalogue.py): members, resources with real small
files and preview images, adaptation chains, collections and a few ratings. Idempotent: what
exists (by e-mail or slug) is left alone."""

import html
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from . import demo_catalogue as data
from . import demo_files
from .models import (
    CollectionItem,
    CollectionPage,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    Rating,
    ResourceFile,
    ResourcePage,
    ResourcePreview,
    ResourceType,
)
from .moderation import EDITORS_GROUP
from .ratings import rate
from .structure import ensure_catalogue_structure

REVIEWS = [
    (
        5,
        "Utilisé avec deux groupes cette session : clair, bien structuré, et les étudiants ont apprécié les exemples.",
    ),
    (4, "Très bonne base; j'ai ajusté quelques exercices au niveau de mon groupe."),
    (5, ""),
    (3, "Utile, mais il manque un corrigé détaillé pour la dernière partie."),
    (4, "Prêt à utiliser en classe, merci pour le partage!"),
]


def load_demo_catalogue(home: Page, password: str, editor=None) -> dict[str, int]:
    """Create what is missing of the demo catalogue; returns how many of each were created."""
    index, collection_index = ensure_catalogue_structure(home)
    members = {spec["key"]: _member(spec, password) for spec in data.MEMBERS}
    if editor is not None:
        editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    terms = {
        "discipline": {d.code: d for d in Discipline.objects.all()},
        "level": {lvl.code: lvl for lvl in EducationLevel.objects.all()},
        "type": {t.code: t for t in ResourceType.objects.all()},
        "dimension": {d.number: d for d in DigitalCompetencyDimension.objects.all()},
    }
    existing = {page.slug: page for page in ResourcePage.objects.child_of(index)}
    created = {"resources": 0, "collections": 0}
    now = timezone.now()
    for position, spec in enumerate(data.RESOURCES):
        if spec["key"] in existing:
            continue
        page = _resource(index, spec, members, terms, existing, position)
        # Spread publication dates over the past months so that "newest first" means something.
        published = now - timedelta(days=2 * (len(data.RESOURCES) - position), hours=position % 7)
        ResourcePage.objects.filter(pk=page.pk).update(
            first_published_at=published,
            last_published_at=published,
            validated_at=published + timedelta(days=1)
            if spec.get("validated") and editor
            else None,
            validated_by=editor if spec.get("validated") else None,
        )
        existing[spec["key"]] = page
        created["resources"] += 1
    for spec in data.COLLECTIONS:
        if CollectionPage.objects.child_of(collection_index).filter(slug=spec["key"]).exists():
            continue
        _collection(collection_index, spec, existing, terms)
        created["collections"] += 1
    teacher = get_user_model().objects.filter(email="enseignant@apop.example").first()
    if teacher is not None and not Rating.objects.filter(user=teacher).exists():
        for number, spec in enumerate(data.RESOURCES[:: max(1, len(data.RESOURCES) // 12)]):
            score, comment = REVIEWS[number % len(REVIEWS)]
            rate(teacher, existing[spec["key"]], score, comment)
    return created


def _member(spec, password):
    User = get_user_model()
    user = User.objects.filter(email__iexact=spec["email"]).first()
    if user is None:
        user = User.objects.create_user(
            spec["email"],
            password,
            display_name=spec["display_name"],
            bio=spec.get("bio_fr", ""),
            bio_en=spec.get("bio_en", ""),
        )
    return user


def _resource(index, spec, members, terms, existing, position) -> ResourcePage:
    authors = [members[key] for key in spec["authors"]]
    author_line = ", ".join(
        [u.get_full_name() for u in authors] + ([spec["co_authors"]] if spec["co_authors"] else [])
    )
    source = spec.get("adapted_from") or {}
    page = ResourcePage(
        title=spec["title"],
        slug=spec["key"],
        summary=spec["summary"],
        description=RichText(
            "".join(f"<p>{html.escape(p)}</p>" for p in spec["description"])
        ).source,
        co_authors=spec["co_authors"],
        language=spec["language"],
        licence=spec["licence"],
        price_cents=spec["price_cents"],
        member_price_cents=spec["member_price_cents"],
        duration_minutes=spec["duration_minutes"],
        pedagogical_notes=spec["pedagogical_notes"],
        adapted_from_page=existing.get(source.get("resource")) if "resource" in source else None,
        source_title=source.get("title", ""),
        source_author=source.get("author", ""),
        source_url=source.get("url", ""),
        source_licence=source.get("licence", ""),
        live=False,
    )
    page.authors = authors
    page.disciplines = [terms["discipline"][code] for code in spec["disciplines"]]
    page.levels = [terms["level"][code] for code in spec["levels"]]
    page.types = [terms["type"][code] for code in spec["types"]]
    page.dimensions = [terms["dimension"][number] for number in spec["dimensions"]]
    page.files = [_file(spec, entry, author_line) for entry in spec["files"]]
    image = _preview_image(spec, position)
    page.previews = [
        ResourcePreview(
            image=image,
            alt_text=f"Première page : {spec['title']}"
            if spec["language"] == "fr"
            else f"First page: {spec['title']}",
        )
    ]
    index.add_child(instance=page)
    page.tags.add(*spec["tags"])
    page.save_revision().publish()
    return page


def _file(spec, entry, author_line) -> ResourceFile:
    kind = entry["kind"]
    if kind == "pdf":
        content = demo_files.pdf_bytes(
            spec["title"], author_line, spec["description"], entry.get("pages", 2)
        )
    elif kind == "csv":
        content = demo_files.csv_bytes(spec["title"])
    else:
        content = demo_files.text_bytes(spec["title"], spec["description"])
    return ResourceFile(
        file=ContentFile(content, name=entry["name"]),
        display_name=entry["name"],
        size=len(content),
    )


def _preview_image(spec, position):
    Image = get_image_model()
    png = demo_files.preview_png(spec["title"], spec["disciplines"][0], position)
    image = Image(title=f"Aperçu — {spec['title']}"[:255])
    image.file = ImageFile(ContentFile(png), name=f"apercu-{spec['key']}.png")
    image.save()
    return image


def _collection(collection_index, spec, pages, terms) -> CollectionPage:
    cover = get_image_model()(title=f"Couverture — {spec['title']}"[:255])
    cover.file = ImageFile(
        ContentFile(demo_files.preview_png(spec["title"], "", 3, band_text="Collection")),
        name=f"collection-{spec['key']}.png",
    )
    cover.save()
    collection = CollectionPage(
        title=spec["title"],
        title_en=spec.get("title_en", ""),
        slug=spec["key"],
        intro=RichText(f"<p>{html.escape(spec['intro_fr'])}</p>").source,
        intro_en=RichText(f"<p>{html.escape(spec['intro_en'])}</p>").source,
        discipline=terms["discipline"].get(spec.get("discipline"))
        if spec.get("discipline")
        else None,
        featured=spec.get("featured", False),
        cover=cover,
        live=False,
    )
    # modelcluster keeps the list but not its order: the position is the editor's order.
    collection.items = [
        CollectionItem(resource=pages[key], sort_order=position)
        for position, key in enumerate(spec["resources"])
    ]
    collection_index.add_child(instance=collection)
    collection.save_revision().publish()
    return collection
