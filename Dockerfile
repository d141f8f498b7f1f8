# syntax=docker/dockerfile:1
# APOP boutique: one image for the web process (gunicorn), the task worker (db_worker) and the
# one-shot jobs (migrate, load_demo). Configuration comes from the environment at run time
# (see .env.example); nothing secret is baked into the image.
#
#   docker build -t apop-boutique .
#   docker compose up            # the whole production-like stack, see docker-compose.yml

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=apop.settings.production

WORKDIR /app

# Unprivileged user that runs every process of the image.
RUN groupadd --system --gid 1000 apop \
    && useradd --system --uid 1000 --gid apop --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin apop

# Dependencies first, in their own layer: pyproject.toml declares no packages (the apps are
# top-level folders run from /app), so `pip install .` needs only this file and is cached until
# the dependencies change. README.md* is a glob so that a missing README does not break the build.
COPY pyproject.toml README.md* ./
RUN pip install .

# The application: Django project, apps, templates, static files, message catalogues, data.
COPY . .

# Compile the message catalogues with Babel (no gettext in the image). Skipped with a notice when
# no catalogue exists yet, because `pybabel compile` fails when it finds none.
RUN if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then \
        pybabel compile -d locale -D django --statistics; \
    else \
        echo "No locale/*/LC_MESSAGES/django.po found: nothing to compile."; \
    fi

# Collect static files into STATIC_ROOT (/app/staticfiles) for WhiteNoise. The production settings
# refuse to start without SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and a shared CACHE_URL: these
# throwaway values exist only for this command (an in-memory SQLite database and a cache, neither
# ever opened; a random key) and are not kept in the image.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite://:memory: \
    CACHE_URL=redis://build-only:6379/0 \
    python manage.py collectstatic --noinput

# The only folders the app writes to without S3 (embedded default storage): owned by the app user.
# The code itself stays owned by root, read-only for the running process.
RUN mkdir -p /app/media/public /app/media/private \
    && chown -R apop:apop /app/media

USER apop

EXPOSE 8000

# No HEALTHCHECK here: the worker and the one-shot jobs share this image and serve no HTTP.
# docker-compose.yml probes the web service on /healthz.
# Worker class, threads and keep-alive: gunicorn.conf.py (shared with the tests and benchmarks).
CMD ["gunicorn", "apop.wsgi:application", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
