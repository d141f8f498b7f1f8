"""A URL whose view fails with a message giving the signed-in person's e-mail (tests/core/test_sentry.py)."""

from django.urls import path


def failing(request):
    raise RuntimeError(f"cannot bill {request.user.email}")


urlpatterns = [path("boom/", failing)]
