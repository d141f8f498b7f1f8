"""Placeholder: being written."""

from django.http import HttpResponse


def my_submissions(request):
    return HttpResponse("todo")


def new_submission(request):
    return HttpResponse("todo")
