"""/<lang>/compte/bibliotheque/dossiers/…: the library's folders (members/folders.py). Only
their owner reaches them; anybody else's folder answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.redirects import safe_next

from .. import folders

LIBRARY_FOLDERS = "accounts:library"


def _library_url() -> str:
    return reverse(LIBRARY_FOLDERS) + "#folders"


def _form_page(request, *, folder=None, name="", error=None, status=200):
    """The page of a folder's name: creating (folder None) or renaming it."""
    return TemplateResponse(
        request,
        "accounts/folder_form.html",
        {
            "folder": folder,
            "name": name,
            "error": error,
            "max_length": folders.FOLDER_NAME_MAX_LENGTH,
        },
        status=status,
    )


@login_required
def create(request):
    if request.method != "POST":
        return _form_page(request)
    name = request.POST.get("name", "")
    try:
        folder = folders.create_folder(request.user, name)
    except ValidationError as error:
        return _form_page(request, name=name, error=error.messages[0], status=400)
    messages.success(request, _("The folder “%(name)s” is created.") % {"name": folder.name})
    return redirect(safe_next(request, reverse("accounts:folder", args=[folder.pk])))


@login_required
def detail(request, folder_id):
    folder = folders.folder_of(request.user, folder_id)
    return TemplateResponse(
        request,
        "accounts/folder.html",
        {"folder": folder, "entries": folders.folder_entries(request.user, folder, request)},
    )


@login_required
def rename(request, folder_id):
    folder = folders.folder_of(request.user, folder_id)
    if request.method != "POST":
        return _form_page(request, folder=folder, name=folder.name)
    name = request.POST.get("name", "")
    try:
        folders.rename_folder(folder, name)
    except ValidationError as error:
        return _form_page(request, folder=folder, name=name, error=error.messages[0], status=400)
    messages.success(request, _("The folder is renamed “%(name)s”.") % {"name": folder.name})
    return redirect("accounts:folder", folder.pk)


@login_required
def delete(request, folder_id):
    folder = folders.folder_of(request.user, folder_id)
    if request.method != "POST":
        return TemplateResponse(request, "accounts/folder_delete.html", {"folder": folder})
    folders.delete_folder(folder)
    messages.success(
        request,
        _("The folder “%(name)s” is deleted; its resources stay in your library.")
        % {"name": folder.name},
    )
    return redirect(_library_url())


@login_required
@require_POST
def remove(request, folder_id, resource_id):
    folder = folders.folder_of(request.user, folder_id)
    if folders.remove_from_folder(folder, resource_id):
        messages.success(request, _("Removed from the folder; it stays in your library."))
    return redirect("accounts:folder", folder.pk)


@login_required
@require_POST
def file_resource(request, resource_id):
    """The folders a resource of the library is in, from the library or the resource's page."""
    back = safe_next(request, _library_url())
    try:
        names = folders.file_resource(
            request.user,
            resource_id,
            request.POST.getlist("folder"),
            request.POST.get("new_folder", ""),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(back)
    if names:
        messages.success(request, _("In your folders: %(names)s.") % {"names": ", ".join(names)})
    else:
        messages.success(request, _("In none of your folders."))
    return redirect(back)
