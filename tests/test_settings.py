"""Settings load in each mode, switch to real services from the environment, and production
refuses to start without its secrets."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import REPO

PRODUCTION_ENV = {
    "SECRET_KEY": "p9S-3mK_vQx7Lr2Wc8Nn4Zt6Yb1Hf5Jd0Ga9Ek3Ru7Io2Pw8Ts4Xq6Vm1Bn5Cz0Dy",
    "ALLOWED_HOSTS": "boutique.apop.qc.ca",
    "DATABASE_URL": "postgres://apop:secret@db.internal:5432/apop",
    "CACHE_URL": "redis://cache.internal:6379/1",
}

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "LANGUAGE_CODE": s.LANGUAGE_CODE,
    "TIME_ZONE": s.TIME_ZONE,
    "engine": s.DATABASES["default"]["ENGINE"],
    "search": s.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "search_urls": s.WAGTAILSEARCH_BACKENDS["default"].get("URLS"),
    "tasks": s.TASKS["default"]["BACKEND"],
    "email": s.EMAIL_BACKEND,
    "public": s.STORAGES["default"]["BACKEND"],
    "public_options": {k: str(v) for k, v in s.STORAGES["default"]["OPTIONS"].items()},
    "private": s.STORAGES["private"]["BACKEND"],
    "private_options": {k: str(v) for k, v in s.STORAGES["private"]["OPTIONS"].items()},
    "media_root": str(s.MEDIA_ROOT),
    "stripe": s.STRIPE_SECRET_KEY,
    "auth_user_model": s.AUTH_USER_MODEL,
}))
"""


def run_python(settings_module, env=None, args=("-c", PRINT_SETTINGS)):
    """Run Python in a clean environment (only what a fresh shell has, plus `env`)."""
    clean = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    clean["DJANGO_SETTINGS_MODULE"] = settings_module
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=clean, capture_output=True, text=True, timeout=120
    )


def load(settings_module, env=None):
    result = run_python(settings_module, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_dev_settings_run_with_embedded_defaults_only():
    loaded = load("apop.settings.dev")

    assert loaded["DEBUG"] is True
    assert loaded["LANGUAGE_CODE"] == "fr-ca"
    assert loaded["TIME_ZONE"] == "America/Toronto"
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["search"] == "wagtail.search.backends.database"
    assert loaded["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert loaded["email"] == "django.core.mail.backends.console.EmailBackend"
    assert loaded["public"] == "django.core.files.storage.FileSystemStorage"
    assert loaded["private"] == "django.core.files.storage.FileSystemStorage"
    assert loaded["auth_user_model"] == "accounts.User"


def test_private_files_live_outside_the_public_media_root():
    loaded = load("apop.settings.dev")

    public_root = loaded["public_options"]["location"]
    private_root = loaded["private_options"]["location"]
    assert public_root == loaded["media_root"] == str(REPO / "media" / "public")
    assert private_root == str(REPO / "media" / "private")
    assert not private_root.startswith(public_root)
    assert loaded["private_options"]["base_url"] == "None"


def test_test_settings_load_and_use_locmem_email():
    loaded = load("apop.settings.test")

    assert loaded["DEBUG"] is False
    assert loaded["email"] == "django.core.mail.backends.locmem.EmailBackend"
    assert loaded["stripe"] == "sk_test_123"


def test_test_settings_refuse_a_live_stripe_key():
    result = run_python("apop.settings.test", {"STRIPE_SECRET_KEY": "sk_live_abc"})

    assert result.returncode == 1
    assert "Test settings accept only Stripe test keys" in result.stderr


def test_environment_switches_to_the_real_services():
    loaded = load(
        "apop.settings.dev",
        {
            "DATABASE_URL": "postgres://apop:pw@db.example:5432/apop",
            "ELASTICSEARCH_URL": "http://search.example:9200",
            "S3_PRIVATE_BUCKET": "apop-private",
            "S3_PUBLIC_BUCKET": "apop-public",
            "S3_ENDPOINT_URL": "http://s3.example:9000",
            "TASKS_BACKEND": "database",
            "EMAIL_URL": "smtp://mail.example:1025",
            "STRIPE_SECRET_KEY": "sk_test_abc",
        },
    )

    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["search"] == "wagtail.search.backends.elasticsearch8"
    assert loaded["search_urls"] == ["http://search.example:9200"]
    assert loaded["tasks"] == "django_tasks_db.DatabaseBackend"
    assert loaded["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert loaded["public"] == loaded["private"] == "storages.backends.s3.S3Storage"
    assert loaded["public_options"]["bucket_name"] == "apop-public"
    assert loaded["public_options"]["querystring_auth"] == "False"
    assert loaded["private_options"]["bucket_name"] == "apop-private"
    assert loaded["private_options"]["querystring_auth"] == "True"
    assert loaded["private_options"]["querystring_expire"] == "300"
    assert loaded["private_options"]["endpoint_url"] == "http://s3.example:9000"
    assert loaded["stripe"] == "sk_test_abc"


def test_opensearch_url_selects_the_opensearch_backend():
    loaded = load("apop.settings.dev", {"OPENSEARCH_URL": "https://search.example:9200"})

    assert loaded["search"] == "wagtail.search.backends.opensearch2"
    assert loaded["search_urls"] == ["https://search.example:9200"]


def test_production_settings_load_with_a_realistic_environment():
    loaded = load("apop.settings.production", PRODUCTION_ENV)

    assert loaded["DEBUG"] is False
    assert loaded["engine"] == "django.db.backends.postgresql"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = run_python("apop.settings.production", env, args=("manage.py", "check"))

    assert result.returncode == 1
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert f"need these environment variables: {missing} — " in result.stderr
    for present in env:
        assert f"{present} — " not in result.stderr


def test_production_passes_check_deploy_without_any_warning():
    result = run_python(
        "apop.settings.production",
        PRODUCTION_ENV,
        args=("manage.py", "check", "--deploy", "--fail-level", "WARNING"),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


@pytest.mark.parametrize(
    "secret_key",
    [
        "change-me-local-compose-only-insecure-secret-key-0123456789abcdef",  # Compose's old one
        "change-me",
        "p9S-3mK_vQx7Lr2Wc8Nn4Zt6",  # random but short
    ],
)
def test_production_refuses_a_placeholder_or_short_secret_key(secret_key):
    result = run_python(
        "apop.settings.production",
        {**PRODUCTION_ENV, "SECRET_KEY": secret_key},
        ("manage.py", "check"),
    )

    assert result.returncode == 1
    assert "SECRET_KEY is a placeholder or too short (50 characters at least)" in result.stderr


@pytest.mark.parametrize("cache_url", ["locmemcache://apop", "dummycache://"])
def test_production_refuses_a_cache_each_worker_would_keep_apart(cache_url):
    result = run_python(
        "apop.settings.production",
        {**PRODUCTION_ENV, "CACHE_URL": cache_url},
        ("manage.py", "check"),
    )

    assert result.returncode == 1
    assert "CACHE_URL names a per-process cache" in result.stderr


def test_production_finds_the_client_address_behind_its_proxy():
    script = PRINT_SETTINGS.replace(
        '"DEBUG": s.DEBUG,', '"DEBUG": s.DEBUG, "proxies": s.ALLAUTH_TRUSTED_PROXY_COUNT,'
    )

    default = json.loads(
        run_python("apop.settings.production", PRODUCTION_ENV, ("-c", script)).stdout
    )
    two = json.loads(
        run_python(
            "apop.settings.production",
            {**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": "2"},
            ("-c", script),
        ).stdout
    )

    assert (default["proxies"], two["proxies"]) == (1, 2)


def test_production_refuses_the_demo_accounts_and_their_public_password():
    result = run_python("apop.settings.production", PRODUCTION_ENV, ("manage.py", "load_demo"))

    assert result.returncode == 1
    assert "The demo accounts share a public password: they are refused" in result.stderr
    assert "Use --structure-only." in result.stderr


def test_the_system_checks_pass_with_the_development_settings():
    # `make run` starts with `migrate`, which runs them: a check error (e.g. django-csp taking a
    # module-level CSP_* name for an old setting) stops the product before it starts.
    result = run_python("apop.settings.dev", {}, ("manage.py", "check", "--fail-level", "ERROR"))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
