"""Which failures are outages of a service the site depends on (the database, the file storage):
a visitor then gets a « try again in a few minutes » page (503) rather than an error page, and
background work tries again later rather than giving up. One definition for the views, the
error handler and the tasks."""

from django.db import InterfaceError, OperationalError


def is_database_outage(error: BaseException) -> bool:
    """PostgreSQL cannot be reached, or the connection broke (server stopped or restarted)."""
    return isinstance(error, OperationalError | InterfaceError)


def is_storage_outage(error: BaseException) -> bool:
    """The S3 server cannot be reached, times out, or answers a server error (5xx, SlowDown)."""
    from boto3.exceptions import S3UploadFailedError
    from botocore.exceptions import BotoCoreError, ClientError

    if isinstance(error, BotoCoreError | S3UploadFailedError):
        return True
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        return status >= 500 or error.response.get("Error", {}).get("Code") == "SlowDown"
    return False


def outage_of(error: BaseException) -> str:
    """ "database", "storage", or "" when the error is not an outage (a bug: a 500)."""
    if is_database_outage(error):
        return "database"
    if is_storage_outage(error):
        return "storage"
    return ""
