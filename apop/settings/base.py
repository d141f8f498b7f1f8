"""Settings shared by every mode.

Everything is read from environment variables (django-environ) with embedded defaults, so that a
fresh clone runs with nothing to configure: SQLite, local files, database search, console e-mail,
tasks run immediately. Setting `DATABASE_URL`, `ELASTICSEARCH_URL` / `OPENSEARCH_URL`, the `S3_*`
variables or the `STRIPE_*` keys switches to the real services. The README lists every variable.
"""

import os
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.logging import logging_settings

from .storage import origin, public_file_origins, s3_file_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A `.env` file is a convenience for `make run` and Docker Compose; the test settings never read it
# (a .env written for the compose stack names hosts that do not exist here).
if not os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".test"):
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps first so that their templates and translations win.
    "accounts",
    "home",
    "resources",
    "search",
    "boutique",
    "files",
    "oai",  # the OAI-PMH repository (/oai)
    "submissions",  # before wagtail.admin: its workflow e-mails replace Wagtail's
    "members",
    "newsletter",
    "institutions",
    "api",  # the public JSON API (/api/v1/)
    "feeds",  # the Atom feeds (/<lang>/flux/)
    "demo",  # the demo content and its load_demo command; no other app imports it
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.wagtail_users.UsersAdminConfig",  # Wagtail's user admin, with our profile fields
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # the API docs' scripts from its static files, not from a CDN
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "csp",  # its system checks and {% load csp %}; the middleware is core.security's
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise and the API's, so that static files (SVG among them) and every JSON answer
    # get the policies too.
    "core.security.ContentSecurityPolicyMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before the API's: its headers go on its errors too
    "api.middleware.ApiMiddleware",  # JSON errors and HEAD under /api/
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: anonymous visitors' cached pages (core/page_cache.py), once the session, language,
    # CSRF cookie and user are known; everything above still treats a cached answer.
    "core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "apop.urls"
WSGI_APPLICATION = "apop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site",
                "boutique.context_processors.cart",
                "files.invitation.account_invitation",
                # Last, so that its placeholder CSRF token wins over Django's own.
                "core.page_cache.placeholders",
            ],
        },
    },
]

# --- The public API (/api/v1/): any site may read it from a browser (GET only, no cookies) ----
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 86400

# --- Database -------------------------------------------------------------------------------
# SQLite by default; `DATABASE_URL=postgres://user:pass@host:5432/name` for PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Set before any migration refers to users: changing the user model later is a known trap.
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # the Wagtail admin's own log-in form
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "/"

# --- Accounts (django-allauth) --------------------------------------------------------------
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address at a time; the new one is confirmed before it counts
ACCOUNT_PREVENT_ENUMERATION = True  # sign-up and reset never reveal whether an account exists
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None  # ask ("remember me")
ACCOUNT_EMAIL_SUBJECT_PREFIX = "APOP boutique · "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_NOTIFICATIONS = True  # a notice when the password or the address changes
# allauth's forms in our words (labels say « courriel », no placeholders).
ACCOUNT_FORMS = {
    "login": "accounts.auth_forms.LoginForm",
    "signup": "accounts.auth_forms.SignupForm",
    "reset_password": "accounts.auth_forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.auth_forms.ResetPasswordKeyForm",
    "change_password": "accounts.auth_forms.ChangePasswordForm",
    "set_password": "accounts.auth_forms.SetPasswordForm",
    "add_email": "accounts.auth_forms.AddEmailForm",
    "reauthenticate": "accounts.auth_forms.ReauthenticateForm",
}
# Throttling (allauth's rate limits, counted in the cache): failed log-ins per address and per
# IP, reset and confirmation e-mails. The message is the same whether the account exists or not.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("ACCOUNT_LOGIN_FAILED_LIMIT", default="5/5m/key,20/5m/ip"),
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Uploads (resources/uploads.py): limits per file, for images, and for ZIP-based files (entry
# count, total size once extracted, compression ratio of one entry: archive bombs).
UPLOAD_MAX_FILE_SIZE = env.int("UPLOAD_MAX_FILE_SIZE", default=100 * 1024 * 1024)
UPLOAD_MAX_IMAGE_PIXELS = env.int("UPLOAD_MAX_IMAGE_PIXELS", default=40_000_000)
UPLOAD_MAX_IMAGE_SIZE = env.int("UPLOAD_MAX_IMAGE_SIZE", default=20 * 1024 * 1024)
UPLOAD_MAX_ZIP_ENTRIES = env.int("UPLOAD_MAX_ZIP_ENTRIES", default=1000)
UPLOAD_MAX_ZIP_TOTAL = env.int("UPLOAD_MAX_ZIP_TOTAL", default=1024 * 1024 * 1024)
UPLOAD_MAX_ZIP_RATIO = env.int("UPLOAD_MAX_ZIP_RATIO", default=100)
# The documents (OpenDocument, Office, H5P) inside one ZIP are copied to be checked: at most this
# many bytes per upload, whatever the archive declares.
UPLOAD_MAX_NESTED_TOTAL = env.int("UPLOAD_MAX_NESTED_TOTAL", default=256 * 1024 * 1024)
# Downloads (resources/throttle.py): at most this many per hour and per signed-in user, and per
# IP address (set higher: a whole college may share one address).
DOWNLOADS_PER_HOUR_PER_USER = env.int("DOWNLOADS_PER_HOUR_PER_USER", default=120)
DOWNLOADS_PER_HOUR_PER_IP = env.int("DOWNLOADS_PER_HOUR_PER_IP", default=600)
# Wagtail's image uploads (previews in the admin) obey the same limits and the same four formats.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = UPLOAD_MAX_IMAGE_PIXELS
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_IMAGE_SIZE
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# --- Cache ----------------------------------------------------------------------------------
# Taxonomies and site links are cached; use a shared cache (e.g. redis://) with several web
# processes so that an editor's change is seen everywhere at once.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://apop")}
# How long an anonymous visitor's page stays cached (core/page_cache.py) when no invalidation
# forgets it first: what an invalidation misses (a download count) is that old at most. 0: off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

# --- Languages and time ---------------------------------------------------------------------
# French (Quebec) first. URL prefixes are /fr/ and /en/; "fr-ca" falls back to the "fr" catalogue.
LANGUAGE_CODE = "fr-ca"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
# Public files (previews, images) are served from MEDIA_ROOT; resource files and packages go to
# PRIVATE_MEDIA_ROOT, outside any served folder, reachable only through the download view.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media" / "public")
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "media" / "private")

# Presigned download URLs expire within minutes (a paid file must not stay reachable): 5 at most.
S3_PRESIGNED_EXPIRY = env.int("S3_PRESIGNED_EXPIRY", default=300)
if not 1 <= S3_PRESIGNED_EXPIRY <= 300:
    raise ImproperlyConfigured("S3_PRESIGNED_EXPIRY is in seconds, between 1 and 300.")
S3_PRIVATE_BUCKET = env("S3_PRIVATE_BUCKET", default="")
S3_PUBLIC_BUCKET = env("S3_PUBLIC_BUCKET", default="")
if S3_PRIVATE_BUCKET and S3_PUBLIC_BUCKET:
    _public_files = {
        "public_bucket": S3_PUBLIC_BUCKET,
        "endpoint_url": env("S3_ENDPOINT_URL", default=None),
        "region": env("S3_REGION", default="ca-central-1"),
        # "path" for servers that do not route bucket sub-domains (MinIO, Versity…).
        "addressing_style": env("S3_ADDRESSING_STYLE", default=None),
        "public_domain": env("S3_PUBLIC_DOMAIN", default=None),
        "url_protocol": env("S3_URL_PROTOCOL", default="https:"),
    }
    _file_storages = s3_file_storages(
        private_bucket=S3_PRIVATE_BUCKET,
        access_key=env("S3_ACCESS_KEY_ID", default=None),
        secret_key=env("S3_SECRET_ACCESS_KEY", default=None),
        presigned_expiry=S3_PRESIGNED_EXPIRY,
        **_public_files,
        timeout=env.float("S3_TIMEOUT", default=20.0),
    )
    # Where browsers load previews and photos from (the CSP's img-src).
    PUBLIC_FILE_ORIGINS = public_file_origins(**_public_files)
else:
    _file_storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            # No base_url: these files have no public address.
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
    }
    PUBLIC_FILE_ORIGINS = [origin(MEDIA_URL)] if origin(MEDIA_URL) else []
STORAGES = {
    **_file_storages,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Search ---------------------------------------------------------------------------------
# The database implementation unless a cluster is named. Only search/ talks to the engine: one
# connection module picks the client (elasticsearch or opensearch-py) from APOP_SEARCH.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
OPENSEARCH_URL = env("OPENSEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="apop")
APOP_SEARCH = {
    "ENGINE": "opensearch" if OPENSEARCH_URL else "elasticsearch" if ELASTICSEARCH_URL else "",
    "URL": OPENSEARCH_URL or ELASTICSEARCH_URL,
    "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
    # A slow engine is a down engine: past this, pages answer from the database.
    "TIMEOUT": env.float("SEARCH_TIMEOUT", default=2.0),
}
# Wagtail's admin search uses the same cluster, in indices of its own.
if OPENSEARCH_URL:
    _search_backend = {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": [OPENSEARCH_URL],
        "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
        "TIMEOUT": 5,
    }
elif ELASTICSEARCH_URL:
    _search_backend = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
        "TIMEOUT": 5,
    }
else:
    _search_backend = {"BACKEND": "wagtail.search.backends.database"}
WAGTAILSEARCH_BACKENDS = {"default": _search_backend}

# --- Background tasks (django-tasks) --------------------------------------------------------
# "immediate" runs a task in the request that enqueues it; "database" needs `manage.py db_worker`.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = env("TASKS_BACKEND", default="immediate")
if _tasks_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {_tasks_backend!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend]}}

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
# Seconds before a silent SMTP server counts as down (Django waits forever by default); the
# e-mail's task then tries again later (core/tasks.py).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="APOP boutique <boutique@apop.example>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Payments (Stripe); only boutique/stripe_gateway.py uses these --------------------------
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_CONNECT_WEBHOOK_SECRET = env("STRIPE_CONNECT_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
# Demonstration payments (boutique/demo_payments.py): without Stripe keys, the cart pays through a
# local page that stands for Stripe Checkout and hands the same signed event to the webhook code;
# no money moves. On by default when there are no keys (`make run`); the production settings
# refuse it.
PAYMENTS_DEMO = env.bool("PAYMENTS_DEMO", default=not STRIPE_SECRET_KEY)
if PAYMENTS_DEMO and STRIPE_SECRET_KEY:
    raise ImproperlyConfigured(
        "PAYMENTS_DEMO stands for Stripe when there are no Stripe keys: with STRIPE_SECRET_KEY "
        "set, leave PAYMENTS_DEMO unset (or false)."
    )
# Seconds per request to Stripe (its library waits 80 by default, twice more on a retry): a
# checkout never hangs on a Stripe that accepts and does not answer.
STRIPE_TIMEOUT = env.float("STRIPE_TIMEOUT", default=10.0)
# How many times the Stripe client retries a request that failed on the network (with the same
# idempotency key, so never twice the same payment, refund or transfer).
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)
BOUTIQUE_COMMISSION_PERCENT = env.int("BOUTIQUE_COMMISSION_PERCENT", default=20)
BOUTIQUE_CURRENCY = "CAD"
# The yearly « Membre individuel APOP » product (editors can change it in the admin's boutique
# settings; this is the price until they do), and how many days before a membership ends its
# renewal reminder goes out and the member's dashboard starts asking them to renew.
BOUTIQUE_MEMBERSHIP_PRICE_CENTS = env.int("BOUTIQUE_MEMBERSHIP_PRICE_CENTS", default=6000)
BOUTIQUE_MEMBERSHIP_REMINDER_DAYS = env.int("BOUTIQUE_MEMBERSHIP_REMINDER_DAYS", default=30)
# Stripe Tax (GST/QST) on Checkout Sessions; off until the account is registered for it.
BOUTIQUE_AUTOMATIC_TAX = env.bool("BOUTIQUE_AUTOMATIC_TAX", default=False)

# --- Submissions ----------------------------------------------------------------------------
# How many business days (Monday to Friday) the editors usually take to read a submission: the
# receipt e-mail and the review step promise an answer within them.
REVIEW_EXPECTED_DAYS = env.int("REVIEW_EXPECTED_DAYS", default=5)
# --- Security headers (core/security.py) ----------------------------------------------------
# Content-Security-Policy, enforced (never report-only) on every response, tests included. Public
# and member pages: scripts and styles from our own files only — no inline <script>, no style=""
# attribute, no on…= handler, no javascript: URL (README, « Sécurité des pages »); an inline
# script that must stay carries nonce="{{ request.csp_nonce }}". JSON-LD and other data blocks
# (<script type="application/ld+json">) are not scripts: the browser never runs them, CSP lets them
# be. Images from here and the public files' bucket or CDN; forms post here, or to Stripe
# (Checkout, and Connect's onboarding: a POST answered by a redirect there is a form navigation).
PUBLIC_IMG_SOURCES = [SELF, *PUBLIC_FILE_ORIGINS, *env.list("CSP_EXTRA_IMG_SRC", default=[])]
FORM_TARGETS = [SELF, "https://checkout.stripe.com", "https://connect.stripe.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": PUBLIC_IMG_SOURCES,
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": FORM_TARGETS,
        "base-uri": [NONE],
    }
}
# The Wagtail admin, and only it: Wagtail 8 still writes inline scripts (page explorer, editor,
# history, date pickers, inline panels), inline event handlers (the image cropper) and inline
# styles (its editor's vendor code), and its preview panel frames our own pages. Still no eval,
# no other site's script (tests/e2e/test_content_security_policy.py lists what it needs).
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Browser features no page uses, refused to our pages and to anything they would embed.
# Payment: Stripe Checkout is Stripe's own page (a redirect), never the Payment Request API here.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}

# --- Wagtail --------------------------------------------------------------------------------
# `load_demo` may create the demo accounts (public password, a superuser among them); never in
# production (apop/settings/production.py turns it off).
DEMO_ALLOWED = True
WAGTAIL_SITE_NAME = "APOP boutique"
# No Gravatar in the admin: it would send a hash of each editor's e-mail to a third party (and
# load images from outside the CSP's img-src); Wagtail shows initials or the uploaded avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The terms of use, which state the licence of use of paid, all-rights-reserved resources: that
# licence's deed in attributions, LICENCE.txt and metadata (resources/licences.py).
TERMS_OF_USE_URLS = {"fr": "/fr/conditions-utilisation/", "en": "/en/conditions-utilisation/"}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The admin has no log-in or password reset of its own: allauth's (lockout, throttled reset,
# confirmed addresses only) is the one way in (accounts/views/admin_doors.py).
WAGTAILADMIN_LOGIN_URL = "admin_login"
# Private pages and view-restricted documents send visitors to allauth's log-in too, never to
# Wagtail's own form (accounts/views/admin_doors.py answers its URL).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_I18N_ENABLED = False  # one page tree; the interface, not the content, is translated
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "odp", "txt", "xlsx", "ods", "zip"]

# --- OAI-PMH repository (/oai, the oai app) -------------------------------------------------
# The repository's name inside its record identifiers (oai:<this>:resource/<id>): harvesters
# key records on them, so it must not change once harvested. The site's host name by default.
OAI_REPOSITORY_IDENTIFIER = env(
    "OAI_REPOSITORY_IDENTIFIER", default=urlsplit(WAGTAILADMIN_BASE_URL).hostname or "localhost"
)
# Identify's adminEmail, whom harvesters write to: the address of DEFAULT_FROM_EMAIL by default.
OAI_ADMIN_EMAIL = env("OAI_ADMIN_EMAIL", default=parseaddr(DEFAULT_FROM_EMAIL)[1])
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", _("French"))]

# --- Logging --------------------------------------------------------------------------------
# Plain lines here, one JSON object per line in production (LOG_JSON); redacted either way
# (core/logging.py): no e-mail address, card number or Stripe secret reaches a log.
LOGGING = logging_settings(
    json=env.bool("LOG_JSON", default=False), level=env("LOG_LEVEL", default="INFO")
)
