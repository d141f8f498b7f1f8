"""/<lang>/compte/bibliotheque/: my folders, what I added, downloaded or bought, my ratings, and
what the authors I follow published since."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from .. import folders
from ..profiles import library_for


@login_required
def library(request):
    return TemplateResponse(
        request,
        "accounts/library.html",
        {
            "library": library_for(request.user, request),
            # The folders, and which of them hold each resource (templatetags/folder_tags.py
            # turns them into each line's checkboxes, without a query).
            "folders": folders.folders_of(request.user),
            "folder_memberships": folders.memberships(request.user),
            "max_length": folders.FOLDER_NAME_MAX_LENGTH,
        },
    )
