"""N realistic resources written in bulk to a throwaway database (benchmarks/catalogue.py draws
them, benchmarks/vocabulary.py writes their text).

    DATABASE_URL=postgres://…/apop_bench_2000 .venv/bin/python -m benchmarks.generate \\
        --count 2000 --seed 19

The database must hold the site's structure (`manage.py migrate`, `load_demo --structure-only`)
and no generated catalogue yet; its name must look like a throwaway one (benchmarks/database.py,
`make bench` makes and drops it). Then the search index is built with `search_index --rebuild`.

Bulk: no `add_child()` and no `save_revision()` per resource (about twenty queries each); each
chunk of 1,000 resources is a handful of multi-row INSERTs — the page rows with the tree paths,
depth and URL paths treebeard and Wagtail would give them, the resource rows, the taxonomy,
author, keyword, file, preview and rating rows — all in one transaction, so that a failure
leaves nothing behind. Live pages without revisions: Wagtail's own search and reference indexes
are left out (the product's search index is rebuilt from the rows). Files are a dozen small real
PDFs in the private storage that every resource's file rows point at; previews one image per
discipline."""

import argparse
import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository on the path, Django set up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Page  # noqa: E402

from benchmarks.catalogue import (  # noqa: E402
    CATALOGUE_DAYS,
    DEFAULT_AUTHORS,
    DEFAULT_SEED,
    EMAIL_DOMAIN,
    FILE_POOL,
    Planner,
    ResourceSpec,
)
from benchmarks.database import check_throwaway  # noqa: E402
from demo import sample_files  # noqa: E402
from resources.detail import bump_catalogue_version  # noqa: E402
from resources.models import (  # noqa: E402
    Course,
    DigitalCompetencyDimension,
    Discipline,
    EducationLevel,
    Rating,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourcePreview,
    ResourceTag,
    ResourceType,
)
from resources.models.pages import private_storage  # noqa: E402

CHUNK = 1000
NO_PASSWORD = "!bench-account-without-password"  # "!" first: Django's unusable password
COMMENTS = {
    "fr": ["Très utile en classe.", "Clair et bien structuré.", "Un peu long, mais complet."],
    "en": ["Very useful in class.", "Clear and well organised.", "A bit long, but thorough."],
}
# ResourcePage's many-to-many fields and the taxonomy each draws from (None: the authors).
M2M = ("authors", "disciplines", "courses", "levels", "types", "dimensions")


class GenerationError(Exception):
    """The database cannot take a generated catalogue (see the message)."""


@dataclass
class GenerationReport:
    resources: int
    authors: int
    ratings: int
    tags: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.resources / self.seconds if self.seconds else 0.0


def published_child(index: Page, position: int, slug: str, published) -> dict:
    """The tree and publication fields of a live page written in bulk as the `position`-th child
    of `index` (Wagtail's treebeard path, its URL path), published at `published`."""
    return {
        "slug": slug,
        "locale_id": index.locale_id,
        "path": Page._get_path(index.path, index.depth + 1, position),
        "depth": index.depth + 1,
        "numchild": 0,
        "url_path": f"{index.url_path}{slug}/",
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": published,
        "last_published_at": published,
    }


def insert_resource_pages(pages: list[ResourcePage]) -> None:
    """Insert new ResourcePage objects whose tree fields (path, depth, url_path) are set; their
    ids are set on them. The caller adds them to their parent's `numchild`."""
    # Multi-table inheritance: the wagtailcore_page rows first (their ids come back), then the
    # resource rows that point at them.
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
        page._state.adding = False
    fields = ResourcePage._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(fields, pages))
    for start in range(0, len(pages), batch):
        ResourcePage._base_manager._insert(
            pages[start : start + batch], fields=fields, using=connection.alias
        )


class _Writer:
    """The rows of one catalogue, chunk after chunk, in the open transaction."""

    def __init__(self, index: ResourceIndexPage, seed: int):
        self.index = index
        self.seed = seed
        self.now = timezone.now().replace(microsecond=0)
        self.content_type = ContentType.objects.get_for_model(ResourcePage)
        last = index.get_last_child()
        self.position = last._get_lastpos_in_path() if last else 0
        self.terms = {
            "disciplines": dict(Discipline.objects.values_list("code", "pk")),
            "courses": dict(Course.objects.values_list("number", "pk")),
            "levels": dict(EducationLevel.objects.values_list("code", "pk")),
            "types": dict(ResourceType.objects.values_list("code", "pk")),
            "dimensions": dict(DigitalCompetencyDimension.objects.values_list("number", "pk")),
        }
        self.through = {}
        for name in M2M:
            field = ResourcePage._meta.get_field(name)
            self.through[name] = (
                field.remote_field.through,
                f"{field.m2m_field_name()}_id",
                f"{field.m2m_reverse_field_name()}_id",
            )
        self.tags = dict(Tag.objects.values_list("name", "pk"))
        self.tag_slugs = set(Tag.objects.values_list("slug", flat=True))
        self.previews: dict[str, int] = {}
        self.files: list[tuple[str, int, int]] = []
        self.user_ids: list[int] = []
        self.ratings = 0

    # --- Once per catalogue ------------------------------------------------------------------

    def authors(self, planner: Planner) -> None:
        User = get_user_model()
        users = [
            User(
                email=author.email,
                first_name=author.first_name,
                last_name=author.last_name,
                display_name=f"{author.first_name} {author.last_name}",
                slug=author.slug,
                language=author.language,
                password=NO_PASSWORD,
                date_joined=self.now - timedelta(days=CATALOGUE_DAYS),
            )
            for author in planner.authors
        ]
        self.user_ids = [user.pk for user in User.objects.bulk_create(users)]

    def shared_files(self) -> None:
        """FILE_POOL small real PDFs (1 to 4 pages) in the private storage."""
        storage = private_storage()
        for number in range(FILE_POOL):
            pages = 1 + number % 4
            content = sample_files.pdf_bytes(
                f"Document {number + 1}",
                "APOP",
                [f"Ressource de démonstration, document {number + 1} sur {FILE_POOL}."] * 6,
                pages,
            )
            key = storage.save(
                f"resources/bench-{self.seed}-{number + 1}.pdf", ContentFile(content)
            )
            self.files.append((key, len(content), pages))

    def preview(self, code: str) -> int:
        """The preview image of a discipline, made the first time it is needed."""
        if code not in self.previews:
            Image = get_image_model()
            png = sample_files.preview_png(f"Discipline {code}", code, len(self.previews))
            image = Image(title=f"Aperçu — discipline {code}")
            image.file = ImageFile(ContentFile(png), name=f"apercu-bench-{code}.png")
            image.save()
            self.previews[code] = image.pk
        return self.previews[code]

    def _new_tags(self, specs: list[ResourceSpec]) -> None:
        new = []
        for name in dict.fromkeys(name for spec in specs for name in spec.tags):
            if name in self.tags:
                continue
            slug, suffix = slugify(name, allow_unicode=True)[:100], 1
            while slug in self.tag_slugs:
                suffix += 1
                slug = f"{slugify(name, allow_unicode=True)[:95]}_{suffix}"
            self.tag_slugs.add(slug)
            self.tags[name] = None
            new.append(Tag(name=name, slug=slug))
        for tag in Tag.objects.bulk_create(new):
            self.tags[tag.name] = tag.pk

    # --- Each chunk ----------------------------------------------------------------------------

    def chunk(self, specs: list[ResourceSpec]) -> None:
        self._new_tags(specs)
        pages = [self._page(spec) for spec in specs]
        insert_resource_pages(pages)
        for name in M2M:
            through, page_column, other_column = self.through[name]
            through.objects.bulk_create(
                through(**{page_column: page.pk, other_column: other})
                for page, spec in zip(pages, specs, strict=True)
                for other in self._related(name, spec)
            )
        ResourceTag.objects.bulk_create(
            ResourceTag(content_object_id=page.pk, tag_id=self.tags[name])
            for page, spec in zip(pages, specs, strict=True)
            for name in dict.fromkeys(spec.tags)
        )
        files = []
        for page, spec in zip(pages, specs, strict=True):
            for position, (pool_index, display_name) in enumerate(spec.files):
                key, size, page_count = self.files[pool_index]
                files.append(
                    ResourceFile(
                        page_id=page.pk,
                        sort_order=position,
                        file=key,
                        display_name=display_name,
                        size=size,
                        content_type="application/pdf",
                        page_count=page_count,
                    )
                )
        ResourceFile.objects.bulk_create(files)
        ResourcePreview.objects.bulk_create(
            ResourcePreview(
                page_id=page.pk,
                sort_order=0,
                image_id=self.preview(spec.disciplines[0]),
                alt_text=(
                    f"Première page : {spec.title}"
                    if spec.language == "fr"
                    else f"First page: {spec.title}"
                )[:255],
            )
            for page, spec in zip(pages, specs, strict=True)
        )
        ratings = [
            Rating(
                resource_id=page.pk,
                user_id=self.user_ids[rater],
                score=score,
                comment=COMMENTS[spec.language][(page.pk + rater) % 3] if rater % 3 == 0 else "",
            )
            for page, spec in zip(pages, specs, strict=True)
            for rater, score in spec.ratings
        ]
        Rating.objects.bulk_create(ratings)
        self.ratings += len(ratings)

    def _related(self, name: str, spec: ResourceSpec) -> list[int]:
        if name == "authors":
            return [self.user_ids[index] for index in spec.authors]
        codes = {
            "disciplines": spec.disciplines,
            "courses": [spec.course] if spec.course else [],
            "levels": spec.levels,
            "types": spec.types,
            "dimensions": spec.dimensions,
        }[name]
        return [self.terms[name][code] for code in codes]

    def _page(self, spec: ResourceSpec) -> ResourcePage:
        self.position += 1
        published = self.now - timedelta(minutes=spec.age_minutes)
        validated = (
            published + timedelta(days=spec.validated_after_days)
            if spec.validated_after_days is not None
            else None
        )
        return ResourcePage(
            title=spec.title,
            draft_title=spec.title,
            content_type=self.content_type,
            translation_key=spec.translation_key,
            **published_child(self.index, self.position, spec.slug, published),
            latest_revision_created_at=published,
            owner_id=self.user_ids[spec.authors[0]],
            summary=spec.summary,
            description=spec.description,
            co_authors=spec.co_authors,
            language=spec.language,
            licence=spec.licence,
            price_cents=spec.price_cents,
            member_price_cents=spec.member_price_cents,
            duration_minutes=spec.duration_minutes,
            validated_at=validated,
            rating_count=spec.rating_count,
            rating_sum=spec.rating_sum,
            download_count=spec.download_count,
        )


def generate(
    count: int,
    seed: int = DEFAULT_SEED,
    authors: int = DEFAULT_AUTHORS,
    progress=None,
) -> GenerationReport:
    """Write `count` resources by `authors` authors under the resource index; all or nothing."""
    if count < 1:
        raise GenerationError("count must be at least 1")
    index = ResourceIndexPage.objects.first()
    if index is None:
        raise GenerationError(
            "No resource index page: run `manage.py load_demo --structure-only` first."
        )
    if get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        raise GenerationError("This database already holds a generated catalogue.")
    started = time.perf_counter()
    planner = Planner(seed, authors)
    with transaction.atomic():
        writer = _Writer(index, seed)
        writer.authors(planner)
        writer.shared_files()
        specs: list[ResourceSpec] = []
        for spec in planner.resources(count):
            specs.append(spec)
            if len(specs) == CHUNK:
                writer.chunk(specs)
                specs = []
                if progress:
                    progress(spec.number, time.perf_counter() - started)
        if specs:
            writer.chunk(specs)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    bump_catalogue_version()
    return GenerationReport(
        resources=count,
        authors=len(writer.user_ids),
        ratings=writer.ratings,
        tags=len(writer.tags),
        seconds=time.perf_counter() - started,
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="how many resources")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--authors", type=int, default=DEFAULT_AUTHORS)
    parser.add_argument(
        "--index",
        action="store_true",
        help="then rebuild the search index (search_index --rebuild)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    options = parser.parse_args(argv)
    check_throwaway()

    def progress(done: int, seconds: float) -> None:
        print(f"  {done:,} resources, {done / seconds:,.0f}/s", file=sys.stderr, flush=True)

    try:
        report = generate(options.count, options.seed, options.authors, progress)
    except GenerationError as error:
        sys.exit(str(error))
    result = {"generation": {**asdict(report), "per_second": report.per_second}}
    message = (
        f"{report.resources:,} resources by {report.authors:,} authors ({report.ratings:,} "
        f"ratings, {report.tags:,} keywords) in {report.seconds:.1f} s: "
        f"{report.per_second:,.0f} resources/s"
    )
    if options.index:
        from search.indexing import rebuild

        # The first rebuild also writes every resource's folded text for the database search
        # (the generator writes none); the second is what `search_index --rebuild` costs on a
        # live site, whose folded text is already current (unchanged entries are skipped).
        for key, what in (("index_first", "first rebuild"), ("index", "rebuild")):
            rebuilt = rebuild()
            result[key] = {
                "name": rebuilt.index or "database (folded text only)",
                "documents": rebuilt.documents,
                "seconds": rebuilt.seconds,
                "per_second": rebuilt.per_second,
                "swap_ms": round(rebuilt.swap_ms, 2),
            }
            message += (
                f"\n{what}, index {result[key]['name']}: {rebuilt.documents:,} documents in "
                f"{rebuilt.seconds:.1f} s, {rebuilt.per_second:,.0f} documents/s; "
                f"alias swapped in {rebuilt.swap_ms:.0f} ms"
            )
    print(json.dumps(result) if options.json else message)


if __name__ == "__main__":
    main()
