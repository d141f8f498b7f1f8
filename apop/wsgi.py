"""WSGI entry point (gunicorn apop.wsgi). Production settings unless told otherwise: a server
that forgets DJANGO_SETTINGS_MODULE must not serve debug pages."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "apop.settings.production")

application = get_wsgi_application()
