"""The backup and restore procedure (README « Sauvegarde et restauration »), run for real on the
test PostgreSQL and S3 server: `back_up` (pg_dump and the buckets' versions), a disaster (a
resource deleted with its file, another file written), `restore_backup` into a fresh database and
the versioned buckets back as they were — so every restored row points to its file again."""

import io
import json
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection

from resources.models import ResourceFile, ResourcePage

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _url(name: str) -> str:
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT']}/{name}"


def _command(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def versioned(s3):
    """The s3 fixture's buckets with versioning on; every version removed afterwards (the s3
    fixture then removes the empty buckets)."""
    assert _command("bucket_versioning", "--enable").count("versioning Enabled") == 2
    yield s3
    for bucket in (s3.private, s3.public):
        listing = s3.client.list_object_versions(Bucket=bucket)
        for entry in listing.get("Versions", []) + listing.get("DeleteMarkers", []):
            s3.client.delete_object(Bucket=bucket, Key=entry["Key"], VersionId=entry["VersionId"])


@pytest.fixture
def spare_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _row(database: str, page_id: int):
    with psycopg.connect(_url(database)) as restored:
        return restored.execute(
            "SELECT p.title, f.file FROM wagtailcore_page p "
            "JOIN resources_resourcefile f ON f.page_id = p.id WHERE p.id = %s",
            [page_id],
        ).fetchall()


def test_a_backup_brings_back_rows_and_files_together(
    versioned, spare_database, make_resource, tmp_path
):
    saved = make_resource("Travaux pratiques d'optique", files=(("optique.pdf", b"%PDF-1.4 v1"),))
    key = ResourceFile.objects.get(page=saved).file.name
    before = versioned.keys(versioned.private)  # the file and the resource's package
    assert key in before

    dump, manifest = map(Path, _command("back_up", "--to", tmp_path).split())
    assert json.loads(manifest.read_text())[versioned.private].keys() == set(before)

    # The disaster: the resource deleted with its file, its file's key overwritten, another written.
    storages["private"].delete(key)
    saved.delete()
    later = storages["private"].save("resources/later.pdf", ContentFile(b"%PDF-1.4 later"))
    assert key not in versioned.keys(versioned.private)
    assert not ResourcePage.objects.filter(pk=saved.pk).exists()

    output = _command("restore_backup", dump, "--database-url", _url(spare_database))

    assert output.splitlines() == [
        f"database restored from {dump.name}",
        f"{versioned.public}: restored 0, removed 0, unchanged 0",
        f"{versioned.private}: restored 1, removed 1, unchanged {len(before) - 1}",
    ]
    assert _row(spare_database, saved.pk) == [("Travaux pratiques d'optique", key)]
    assert versioned.keys(versioned.private) == before  # the later file gone, the old one back
    assert later not in versioned.keys(versioned.private)
    with storages["private"].open(key) as restored_file:
        assert restored_file.read() == b"%PDF-1.4 v1"


def test_a_dry_run_changes_no_file(versioned, make_resource, tmp_path):
    make_resource("Notes", files=(("notes.pdf", b"%PDF-1.4 notes"),))
    dump, _manifest = map(Path, _command("back_up", "--to", tmp_path).split())
    later = storages["private"].save("resources/later.pdf", ContentFile(b"%PDF-1.4 later"))
    keys = versioned.keys(versioned.private)

    output = _command("restore_backup", dump, "--dry-run")

    assert f"{versioned.private}: would restore 0, removed 1," in output
    assert "database restored" not in output
    assert versioned.keys(versioned.private) == keys
    assert later in keys


def test_backing_up_refuses_buckets_without_versioning(s3, tmp_path):
    with pytest.raises(CommandError, match="versioning is not enabled on bucket"):
        call_command("back_up", "--to", tmp_path)
    assert not any(path.suffix == ".dump" for path in tmp_path.iterdir())
    assert s3.client.get_bucket_versioning(Bucket=s3.private).get("Status", "") == ""


def test_a_failed_restore_leaves_the_database_as_it_was(versioned, spare_database, tmp_path):
    broken = tmp_path / "apop-2026-12-04T03-00-00Z.dump"
    broken.write_bytes(b"PGDMP not really")
    backups_manifest = tmp_path / "apop-2026-12-04T03-00-00Z.buckets.json"
    backups_manifest.write_text(json.dumps({versioned.private: {}, versioned.public: {}}))

    with pytest.raises(CommandError, match="pg_restore failed"):
        call_command("restore_backup", broken, "--database-url", _url(spare_database))

    with psycopg.connect(_url(spare_database)) as database:
        tables = database.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)


def test_a_dump_without_its_manifest_is_refused(tmp_path):
    lonely = tmp_path / "apop-2026-12-04T03-00-00Z.dump"
    lonely.write_bytes(b"PGDMP")
    with pytest.raises(CommandError, match="missing: .*apop-2026-12-04T03-00-00Z.buckets.json"):
        call_command("restore_backup", lonely)
