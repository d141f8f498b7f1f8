"""What the harness's tests share: the test PostgreSQL server and the S3 server of
scripts/services.sh, as the harness reaches them."""

import os

from django.conf import settings

from benchmarks.database import S3Buckets
from tests.conftest import S3_ENDPOINT
from tests.faults.services import database_url


def server_url() -> str:
    """The test PostgreSQL server, through its maintenance database."""
    return database_url({**settings.DATABASES["default"], "NAME": "postgres"})


def buckets(prefix: str) -> S3Buckets:
    """The buckets of this prefix on the S3 server (APOP_TEST_S3_*)."""
    return S3Buckets(
        endpoint=S3_ENDPOINT,
        access_key=os.environ.get("APOP_TEST_S3_ACCESS_KEY", ""),
        secret_key=os.environ.get("APOP_TEST_S3_SECRET_KEY", ""),
        region=os.environ.get("APOP_TEST_S3_REGION", "ca-central-1"),
        prefix=prefix,
    )
