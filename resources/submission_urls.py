"""Submission of resources by members: /<lang>/compte/depots/…"""

from django.urls import path

from . import submission_views as views

app_name = "submissions"

urlpatterns = [
    path("", views.my_submissions, name="list"),
    path("nouveau/", views.new_submission, name="new"),
]
