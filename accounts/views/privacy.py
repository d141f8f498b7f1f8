"""Placeholder: being written."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("todo")


privacy = _todo


export_data = _todo


delete_account = _todo
