"""The S3 server down or silent: a Versity S3 Gateway of this module's own, stopped, or behind a
listener that accepts and never answers. An upload and a download then show a clear page (503,
in the visitor's language), nothing in the database points to an object that is not stored,
nothing is counted; a package that could not be built is built by the task worker later."""

from types import SimpleNamespace

import boto3
import pytest
from botocore.config import Config

from apop.settings.storage import s3_file_storages
from resources.models import Download, Package, ResourcePage
from tests.faults import services
from tests.faults.helpers import run_worker, tasks_waiting, time_passes
from tests.resources.helpers import a_year_from_now, pdf_upload, start_submission, step_url
from tests.search.helpers import TcpProxy

STORAGE_DOWN = "Notre stockage de fichiers ne répond pas pour le moment"


@pytest.fixture(scope="module")
def own_s3():
    """The S3 server with two buckets; `keys(bucket)` lists what it stores."""
    process, keys = services.s3_server()
    process.start()
    client = boto3.client(
        "s3",
        endpoint_url=keys["endpoint"],
        region_name=keys["region"],
        aws_access_key_id=keys["access_key"],
        aws_secret_access_key=keys["secret_key"],
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    for bucket in ("faults-private", "faults-public"):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": keys["region"]}
        )

    def stored(bucket: str = "faults-private") -> list[str]:
        listing = client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    yield SimpleNamespace(process=process, keys=stored, **keys)
    process.stop()


@pytest.fixture
def storage_at(settings, own_s3):
    """The product's file storages on the module's S3 server, or on `endpoint` in front of it;
    one second per attempt."""

    def point(endpoint: str) -> None:
        settings.STORAGES = {
            **settings.STORAGES,
            **s3_file_storages(
                private_bucket="faults-private",
                public_bucket="faults-public",
                endpoint_url=endpoint,
                region=own_s3.region,
                access_key=own_s3.access_key,
                secret_key=own_s3.secret_key,
                presigned_expiry=settings.S3_PRESIGNED_EXPIRY,
                addressing_style="path",
                url_protocol="http:",
                timeout=1.0,
            ),
        }

    point(own_s3.endpoint)
    yield point
    own_s3.process.start()  # unless the test did


@pytest.fixture(params=["stopped", "silent"])
def s3_fault(request, own_s3, storage_at):
    """One way for the S3 server to fail: `begin()` breaks it, `end()` brings it back."""
    if request.param == "stopped":
        yield SimpleNamespace(begin=own_s3.process.stop, end=own_s3.process.start)
        return
    silent = TcpProxy(own_s3.endpoint)
    silent.delay = 3600  # accepts, never answers
    silent.start()
    yield SimpleNamespace(
        begin=lambda: storage_at(silent.url), end=lambda: storage_at(own_s3.endpoint)
    )
    silent.stop()


def latest_files(page) -> list:
    return list(ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object().files.all())


@pytest.mark.django_db
def test_an_upload_while_s3_is_down_shows_a_clear_page_and_keeps_nothing_half_saved(
    client, catalogue, make_member, own_s3, storage_at, s3_fault
):
    client.force_login(make_member("Marie Tremblay", membership_expires_on=a_year_from_now()))
    client.raise_request_exception = False  # the visitor's view of an error
    draft = start_submission(client)
    revisions = draft.revisions.count()
    upload = {"files": pdf_upload("Mes notes.pdf"), "action": "upload"}

    s3_fault.begin()
    refused = client.post(step_url(draft, "fichiers"), upload)

    assert refused.status_code == 503
    assert STORAGE_DOWN in refused.content.decode()
    assert "Traceback" not in refused.content.decode()
    assert draft.revisions.count() == revisions
    assert latest_files(draft) == []

    s3_fault.end()
    accepted = client.post(step_url(draft, "fichiers"), {**upload, "files": pdf_upload()})

    assert accepted.status_code == 302
    [entry] = latest_files(draft)
    assert entry.file.name in own_s3.keys()  # the row points to a stored object


@pytest.mark.django_db
def test_a_download_while_s3_is_down_shows_a_clear_page_and_is_not_counted(
    client, make_resource, own_s3, storage_at, s3_fault
):
    page = make_resource("Notes de cours", price_cents=0)
    entry = page.files.get()
    client.raise_request_exception = False
    url = f"/telechargement/{page.pk}/{entry.pk}/"

    s3_fault.begin()
    refused = client.get(url)

    assert refused.status_code == 503
    assert STORAGE_DOWN in refused.content.decode()
    assert Download.objects.count() == 0
    assert ResourcePage.objects.get(pk=page.pk).download_count == 0

    s3_fault.end()
    served = client.get(url)

    assert served.status_code == 302
    assert served["Location"].startswith(f"{own_s3.endpoint}/faults-private/{entry.file.name}?")
    assert Download.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_package_the_worker_could_not_store_is_built_later(
    own_s3, storage_at, database_tasks, make_resource
):
    page = make_resource("Notes de cours", price_cents=0)  # its files are stored; its package waits
    assert "build_package" in tasks_waiting()
    own_s3.process.stop()

    run_worker()

    assert not Package.objects.filter(resource=page).exclude(file="").exists()
    assert tasks_waiting() == ["build_package"]  # again in a minute

    own_s3.process.start()
    time_passes(hours=1)
    run_worker()

    package = Package.objects.get(resource=page)
    assert package.file.name in own_s3.keys()
    assert tasks_waiting() == []
