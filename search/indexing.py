"""Keeping the index in step with the catalogue.

- `update_pages(ids)`: after a publication, an unpublication, a move, a deletion, a rating or a
  taxonomy change (a task scheduled on commit, see tasks.py); it refreshes the database
  fallback's folded text first, then sends the documents to the engine. When the engine is
  down the folded text is still right (the fallback answers) and the entry stays marked as not
  indexed; the next update, or `search_index --catch-up`, sends it.
- `rebuild()`: a new timestamped index filled with the bulk helper, then one atomic alias swap
  (no moment without results), then the old indices are dropped.
- `check()`: documents missing from the engine, stale ones, and extra ones."""

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .connection import Engine, SearchUnavailable, get_engine
from .documents import index_body
from .models import SearchEntry
from .sources import (
    all_resource_ids,
    collection_documents,
    folded_entry,
    published_resources,
    resource_documents,
)

logger = logging.getLogger(__name__)
CATCH_UP_BATCH = 500


def _actions(index: str, documents: list[dict]):
    for document in documents:
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": str(document["id"]),
            "_source": document,
        }


def _save_entries(documents: list[dict], gone_ids: list[int]) -> None:
    """The folded text of these resources; entries of resources no longer published go.
    Entries whose document did not change are left alone (folding is most of the cost)."""
    current = dict(
        SearchEntry.objects.filter(page_id__in=[d["id"] for d in documents]).values_list(
            "page_id", "document_hash"
        )
    )
    entries = []
    for document in documents:
        if current.get(document["id"]) == document["updated"]:
            continue
        title, text = folded_entry(document)
        entries.append(
            SearchEntry(
                page_id=document["id"],
                title=title,
                text=text,
                document_hash=document["updated"],
                updated_at=timezone.now(),
            )
        )
    with transaction.atomic():
        if gone_ids:
            SearchEntry.objects.filter(page_id__in=gone_ids).delete()
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["title", "text", "document_hash", "updated_at"],
        )


def _mark_indexed(documents: list[dict]) -> None:
    """The engine has these versions (an entry changed since keeps waiting for its own task)."""
    if not documents:
        return
    sent = Q()
    for document in documents:
        sent |= Q(page_id=document["id"], document_hash=document["updated"])
    SearchEntry.objects.filter(sent).update(indexed_hash=F("document_hash"))


def _send(engine: Engine, documents: list[dict], gone_ids: list[str]) -> None:
    alias = engine.config.alias
    if not engine.index_names(alias):
        # No index yet (a new cluster): build it whole rather than one document at a time.
        rebuild(engine)
        return
    actions = list(_actions(alias, documents))
    actions += [{"_op_type": "delete", "_index": alias, "_id": doc_id} for doc_id in gone_ids]
    _ok, errors = engine.bulk(actions)
    # Deleting what is already gone is fine; anything else is a real failure.
    real = [error for error in errors if next(iter(error.values())).get("status") != 404]
    if real:
        raise SearchUnavailable(f"{len(real)} documents refused, first: {real[0]}")


def update_pages(resource_ids=(), collection_ids=()) -> dict:
    """Refresh these resources and collections everywhere search reads them."""
    resource_ids = sorted({int(pk) for pk in resource_ids})
    collection_ids = sorted({int(pk) for pk in collection_ids})
    documents = resource_documents(resource_ids)
    found = {document["id"] for document in documents}
    gone = [pk for pk in resource_ids if pk not in found]
    _save_entries(documents, gone)

    engine = get_engine()
    if engine is None:
        return {"indexed": 0, "removed": len(gone), "engine": False}
    # Catch up on what an earlier failure left behind, a batch at a time.
    behind = list(
        SearchEntry.objects.exclude(indexed_hash=F("document_hash"))
        .exclude(page_id__in=found)
        .values_list("page_id", flat=True)[:CATCH_UP_BATCH]
    )
    if behind:
        documents += resource_documents(behind)
    collections = collection_documents(collection_ids) if collection_ids else []
    kept = {document["id"] for document in collections}
    gone_collections = [
        f"collection-{pk}" for pk in collection_ids if f"collection-{pk}" not in kept
    ]
    try:
        _send(engine, documents + collections, [str(pk) for pk in gone] + gone_collections)
    except SearchUnavailable as error:
        logger.warning("Search index not updated (will catch up later): %s", error)
        return {"indexed": 0, "removed": 0, "engine": False}
    _mark_indexed(documents)
    return {"indexed": len(documents) + len(collections), "removed": len(gone), "engine": True}


def catch_up() -> int:
    """Send every resource the engine has not got in its latest version; how many were sent."""
    sent = 0
    while True:
        behind = list(
            SearchEntry.objects.exclude(indexed_hash=F("document_hash")).values_list(
                "page_id", flat=True
            )[:CATCH_UP_BATCH]
        )
        if not behind:
            return sent
        result = update_pages(behind)
        if not result["engine"]:
            raise SearchUnavailable("the search engine does not answer")
        sent += len(behind)


@dataclass
class RebuildReport:
    index: str = ""
    documents: int = 0
    seconds: float = 0.0
    swap_ms: float = 0.0  # the alias swap alone: searches go on meanwhile, on the old index
    removed_indices: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def _raise_on_errors(result: tuple[int, list]) -> None:
    _ok, errors = result
    if errors:
        raise SearchUnavailable(f"{len(errors)} documents refused, first: {errors[0]}")


def rebuild_entries() -> int:
    """The database fallback's folded text for every published resource, afresh."""
    count = 0
    for ids in all_resource_ids():
        documents = resource_documents(ids)
        _save_entries(documents, [])
        count += len(documents)
    SearchEntry.objects.exclude(page_id__in=published_resources().values("pk")).delete()
    return count


def rebuild(engine: Engine | None = None) -> RebuildReport:
    """A new index with every document, swapped in atomically; the old ones are dropped."""
    engine = engine or get_engine()
    report = RebuildReport()
    started = time.perf_counter()
    if engine is None:
        report.documents = rebuild_entries()
        report.seconds = time.perf_counter() - started
        return report
    alias = engine.config.alias
    report.index = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    body = index_body()
    # Loading is faster without refreshes; the index is refreshed once before the swap.
    body["settings"]["refresh_interval"] = "-1"
    engine.create_index(report.index, body)
    try:
        # The database builds the next chunk while a thread sends the previous ones (the thread
        # only talks HTTP: no database connection of its own).
        with ThreadPoolExecutor(max_workers=2) as sender:
            pending = []
            for ids in all_resource_ids():
                documents = resource_documents(ids)
                _save_entries(documents, [])
                actions = list(_actions(report.index, documents))
                pending.append(sender.submit(engine.bulk, actions, timeout=120))
                report.documents += len(documents)
                while len(pending) > 2:
                    _raise_on_errors(pending.pop(0).result())
            collections = collection_documents()
            if collections:
                pending.append(
                    sender.submit(engine.bulk, list(_actions(report.index, collections)))
                )
            for future in pending:
                _raise_on_errors(future.result())
        engine.put_settings(report.index, {"index": {"refresh_interval": "1s"}})
        engine.refresh(report.index)
    except Exception:
        engine.delete_index(report.index)
        raise
    # Every published resource is in the new index in its current version.
    SearchEntry.objects.exclude(indexed_hash=F("document_hash")).update(
        indexed_hash=F("document_hash")
    )
    old = engine.index_names(alias)
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": report.index, "alias": alias}})
    swap_started = time.perf_counter()
    engine.update_aliases(actions)
    report.swap_ms = (time.perf_counter() - swap_started) * 1000
    for name in engine.indices_with_prefix(f"{alias}-"):
        if name != report.index:
            engine.delete_index(name)
            report.removed_indices.append(name)
    SearchEntry.objects.exclude(page_id__in=published_resources().values("pk")).delete()
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class CheckReport:
    expected: int = 0
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    extra: int = 0

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def check(engine: Engine | None = None) -> CheckReport:
    """Compare the engine's documents with what the catalogue says they should be."""
    engine = engine or get_engine()
    if engine is None:
        raise SearchUnavailable("no search engine is configured (the database answers searches)")
    alias = engine.config.alias
    report = CheckReport()
    if not engine.index_names(alias):
        report.missing = [pk for ids in all_resource_ids() for pk in ids]
        report.expected = len(report.missing)
        return report
    for ids in all_resource_ids():
        documents = resource_documents(ids)
        report.expected += len(documents)
        stored = engine.mget_versions(alias, [str(document["id"]) for document in documents])
        for document in documents:
            version = stored.get(str(document["id"]))
            if version is None:
                report.missing.append(document["id"])
            elif version != document["updated"]:
                report.stale.append(document["id"])
    body = {"query": {"term": {"kind": "resource"}}, "size": 0, "track_total_hits": True}
    total = engine.search(alias, body)["hits"]["total"]
    in_engine = total["value"] if isinstance(total, dict) else int(total)
    report.extra = max(0, in_engine - (report.expected - len(report.missing)))
    return report
