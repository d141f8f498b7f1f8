"""Development: `make run`. Debug pages, a fixed local-only secret, pages served by runserver."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Local only: the production settings refuse to start without a real SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-apop-boutique-local-machine")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
# WhiteNoise serves static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected in this mode; WhiteNoise reads the app folders
WHITENOISE_AUTOREFRESH = True
