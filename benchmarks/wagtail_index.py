"""Bench only: Wagtail's own index of the pages (Wagtail's opensearch2 backend, under the run's
index prefix), that the Wagtail search page (benchmarks/wagtail_page.py) searches. The generated
resources are not in it (benchmarks/generate.py bypasses save_revision), so the comparison
builds it first, exactly as `manage.py update_index` rebuilds the index of pages — the backend's
rebuilder (a new index, then the alias swapped), every page model's mapping, each model's
get_indexed_objects() by chunks of 1,000 in pk order — with the bench's search_fields. Other
indices (images, documents, taxonomies) are left alone. One change a Wagtail developer would
make as soon as update_index is seen crawling (36 documents/s at 1,000 resources): Wagtail does
not prefetch a ParentalManyToManyField (modelsearch's RelatedFields.select_on_queryset skips
them), so each resource cost a query per taxonomy; the resources' many-to-many fields are
prefetched here, as an override of get_indexed_objects() would. Prints its figures as JSON:

    python -m benchmarks.wagtail_index     # DJANGO_SETTINGS_MODULE=benchmarks.settings"""

import json
import os
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository on the path, Django set up
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def rebuild() -> dict:
    """The page index rebuilt; its documents (resources among them), seconds, documents/s."""
    from modelsearch.index import get_indexed_models
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend
    from wagtail.search.management.commands.update_index import Command, group_models_by_index

    from benchmarks import wagtail_page  # its search_fields: the facets' fields
    from resources.models import ResourcePage

    backend = get_search_backend()
    grouped = group_models_by_index(backend, get_indexed_models()).items()
    page_index, models = next((index, models) for index, models in grouped if Page in models)
    command = Command()
    started = time.perf_counter()
    rebuilder = backend.rebuilder_class(page_index)
    index = rebuilder.start()
    for model in models:
        index.add_model(model)
    documents = resources = 0
    for model in models:
        objects = model.get_indexed_objects()
        if model is ResourcePage:
            many = [field for field, _model, _key in wagtail_page.RELATED_FACETS.values()]
            objects = objects.prefetch_related(*many, "tags")
        for chunk in command.queryset_chunks(objects.order_by("pk")):
            index.add_items(model, chunk)
            documents += len(chunk)
            if model is ResourcePage:
                resources += len(chunk)
    rebuilder.finish()
    seconds = time.perf_counter() - started
    return {
        "index": page_index.name,
        "documents": documents,
        "resources": resources,
        "seconds": round(seconds, 2),
        "per_second": round(documents / seconds, 1) if seconds else 0.0,
    }


if __name__ == "__main__":
    print(json.dumps(rebuild()))
