"""Backups: the database with pg_dump, the files by the buckets' versioning (README, « Sauvegarde
et restauration »).

A backup is two files side by side: `apop-<UTC time>.dump` (pg_dump's custom format) and
`apop-<UTC time>.buckets.json`, the version id of every object of both buckets, listed right
after the dump. Overwritten and deleted objects keep their earlier versions in a versioned
bucket, so restoring makes each listed version current again (copied over the current one) and
deletes what was written since (a delete marker: the later versions stay, and the restore itself
can be undone). Version ids, not dates: the database's and the S3 server's clocks need not agree.
A row in the dump always finds its file; a file listed without a row (written during the dump)
is harmless.
"""

import datetime
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import storages
from django.db import connection

# The two S3 storages of apop/settings/storage.py: public previews and images, private files.
BUCKET_STORAGES = ("default", "private")


class BackupError(Exception):
    pass


@dataclass
class Restored:
    restored: int = 0  # keys whose content went back to the listed version
    removed: int = 0  # keys written after the backup
    unchanged: int = 0


def bucket_of(alias: str) -> tuple:
    """(boto3 client, bucket name) of an S3 storage."""
    storage = storages[alias]
    if not hasattr(storage, "bucket_name"):
        raise BackupError(f"the {alias!r} storage is not an S3 bucket")
    return storage.connection.meta.client, storage.bucket_name


def versioning_status(client, bucket: str) -> str:
    """'Enabled', 'Suspended' or '' (never turned on)."""
    return client.get_bucket_versioning(Bucket=bucket).get("Status", "")


def enable_versioning(client, bucket: str) -> None:
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})


def _require_versioning(client, bucket: str) -> None:
    if versioning_status(client, bucket) != "Enabled":
        raise BackupError(
            f"versioning is not enabled on bucket {bucket} (bucket_versioning --enable)"
        )


def _current(client, bucket: str) -> dict[str, str | None]:
    """Each key's current version id, None for a key whose current version is a delete marker."""
    current: dict[str, str | None] = {}
    for page in client.get_paginator("list_object_versions").paginate(Bucket=bucket):
        for entry in page.get("Versions", []):
            if entry["IsLatest"]:
                current[entry["Key"]] = entry["VersionId"]
        for entry in page.get("DeleteMarkers", []):
            if entry["IsLatest"]:
                current[entry["Key"]] = None
    return current


def bucket_manifest() -> dict[str, dict[str, str]]:
    """{bucket: {key: version id}} of the objects both buckets hold now."""
    manifest = {}
    for alias in BUCKET_STORAGES:
        client, bucket = bucket_of(alias)
        _require_versioning(client, bucket)
        manifest[bucket] = {
            key: version for key, version in _current(client, bucket).items() if version
        }
    return manifest


def restore_bucket(client, bucket: str, versions: dict[str, str], *, dry_run=False) -> Restored:
    """Make `versions` ({key: version id}) the bucket's current objects, and nothing else."""
    _require_versioning(client, bucket)
    counts = Restored()
    current = _current(client, bucket)
    for key in sorted(set(current) | set(versions)):
        wanted, now = versions.get(key), current.get(key)
        if wanted == now:
            counts.unchanged += 1
        elif wanted is None:
            counts.removed += 1
            if not dry_run:
                client.delete_object(Bucket=bucket, Key=key)
        else:
            counts.restored += 1
            if not dry_run:
                source = {"Bucket": bucket, "Key": key, "VersionId": wanted}
                client.copy_object(Bucket=bucket, Key=key, CopySource=source)
    return counts


def _libpq(database_url: str | None) -> tuple[list[str], dict]:
    """The connection arguments of pg_dump / pg_restore: a URL, or the settings' database."""
    if database_url:
        return [f"--dbname={database_url}"], dict(os.environ)
    settings = connection.settings_dict
    environment = dict(os.environ)
    if settings["PASSWORD"]:
        environment["PGPASSWORD"] = settings["PASSWORD"]  # never on the command line
    arguments = [f"--dbname={settings['NAME']}", f"--username={settings['USER']}"]
    if settings["HOST"]:
        arguments.append(f"--host={settings['HOST']}")
    if settings["PORT"]:
        arguments.append(f"--port={settings['PORT']}")
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def back_up(directory: Path) -> tuple[Path, Path]:
    """Write the dump, then the buckets' manifest, into `directory`; their paths."""
    if connection.vendor != "postgresql":
        raise BackupError("backups need PostgreSQL (pg_dump)")
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    dump = directory / f"apop-{stamp}.dump"
    arguments, environment = _libpq(None)
    partial = dump.with_suffix(".partial")
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={partial}",
            *arguments,
        ],
        environment,
    )
    manifest = directory / f"apop-{stamp}.buckets.json"
    manifest.write_text(json.dumps(bucket_manifest(), indent=1, sort_keys=True))
    partial.rename(dump)  # the dump appears whole, once its manifest is written
    return dump, manifest


def manifest_of(dump: Path) -> Path:
    return dump.with_name(dump.name.removesuffix(".dump") + ".buckets.json")


def restore_database(dump: Path, database_url: str | None = None) -> None:
    """Replace the database's tables by the dump's, in one transaction (unchanged on failure)."""
    arguments, environment = _libpq(database_url)
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *arguments,
            str(dump),
        ],
        environment,
    )


def restore_files(manifest: Path, *, dry_run=False) -> dict[str, Restored]:
    versions = json.loads(manifest.read_text())
    results = {}
    for alias in BUCKET_STORAGES:
        client, bucket = bucket_of(alias)
        # Restoring into other buckets than those saved (a new deployment) is a deliberate act:
        # the manifest names the saved buckets, the settings the current ones.
        saved = versions.get(bucket)
        if saved is None:
            raise BackupError(
                f"the backup does not list bucket {bucket} (it lists {', '.join(versions)})"
            )
        results[bucket] = restore_bucket(client, bucket, saved, dry_run=dry_run)
    return results
