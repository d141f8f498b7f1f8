"""/<lang>/compte/profil/: the member edits their public profile and preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..profile_forms import ProfileForm
from ..profiles import has_author_page, save_profile


@login_required
def edit_profile(request):
    """GET: the form; POST: save it (400 with the errors next to their fields when refused)."""
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            save_profile(user, form.cleaned_data)
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
        status = 400
    else:
        form = ProfileForm(instance=user)
        status = 200
    context = {"form": form, "has_author_page": has_author_page(user)}
    return TemplateResponse(request, "accounts/profile.html", context, status=status)
