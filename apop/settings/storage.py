"""The two S3 file storages (django-storages), built in one place for the settings and for the
tests that run against the real S3 server; and the origins browsers load public files from."""

from urllib.parse import urlsplit

from botocore.config import Config


def s3_file_storages(
    *,
    private_bucket: str,
    public_bucket: str,
    endpoint_url: str | None,
    region: str,
    access_key: str | None,
    secret_key: str | None,
    presigned_expiry: int,
    addressing_style: str | None = None,
    public_domain: str | None = None,
    url_protocol: str = "https:",
    timeout: float = 20.0,
) -> dict:
    # botocore waits a minute per attempt and tries five times by default: a down or hanging
    # S3 server would hold a request for minutes. `timeout` seconds per attempt, two attempts.
    client_config = Config(
        s3={"addressing_style": addressing_style},
        signature_version="s3v4",
        connect_timeout=timeout,
        read_timeout=timeout,
        retries={"mode": "standard", "max_attempts": 2},
    )
    common = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key,
        "secret_key": secret_key,
        "addressing_style": addressing_style,
        # Keys are random (resources/models/pages.py): never overwrite, never guess.
        "file_overwrite": False,
        "signature_version": "s3v4",
        "client_config": client_config,
    }
    return {
        # Previews and images: public reads come from the bucket's policy (or a CDN in front of
        # it, S3_PUBLIC_DOMAIN), so their URLs carry no signature and can be cached.
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": public_bucket,
                "querystring_auth": False,
                "custom_domain": public_domain,
                "url_protocol": url_protocol,
            },
        },
        # Resource files and packages: no public access; the download view hands out presigned
        # URLs that expire within minutes.
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": presigned_expiry,
            },
        },
    }


def public_file_origins(
    *,
    public_bucket: str,
    endpoint_url: str | None,
    region: str,
    addressing_style: str | None = None,
    public_domain: str | None = None,
    url_protocol: str = "https:",
) -> list[str]:
    """The origins the browser loads public files (previews, photos) from, for the
    Content-Security-Policy's img-src: the CDN when there is one, else the bucket's own address —
    path style on an S3-compatible endpoint, or its virtual-host name (boto3 picks either when
    the style is not set)."""
    if public_domain:
        return [f"{url_protocol}//{public_domain}"]
    if endpoint_url:
        scheme, _, host = endpoint_url.partition("://")
        host = host.split("/", 1)[0]
        styles = {"path": f"{scheme}://{host}", "virtual": f"{scheme}://{public_bucket}.{host}"}
        return [styles[addressing_style]] if addressing_style in styles else list(styles.values())
    return [
        f"https://{public_bucket}.s3.{region}.amazonaws.com",
        f"https://{public_bucket}.s3.amazonaws.com",
    ]


def origin(url: str) -> str:
    """scheme://host[:port] of an absolute URL; empty for a path (/media/…)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
