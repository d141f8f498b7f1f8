"""Stripe's webhook endpoints, outside the language prefix: /stripe/webhook/ (the platform's
events) and /stripe/webhook/connect/ (the connected accounts' events), each with its secret."""

from django.urls import path

from . import webhooks

app_name = "stripe_webhooks"

urlpatterns = [
    path("webhook/", webhooks.platform_webhook, name="platform"),
    path("webhook/connect/", webhooks.connect_webhook, name="connect"),
]
