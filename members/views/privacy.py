"""/<lang>/compte/confidentialite/: my consents, downloading all my data, deleting my account
(Quebec's Law 25). The rules are in accounts/privacy.py; these views ask and answer."""

import json

from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ..privacy import (
    ANONYMOUS_CREDIT,
    AccountClosingError,
    ResourcesChoice,
    close_account,
    closing_blocker,
    closure_plan,
    export_user_data,
)


@never_cache
@login_required
@require_GET
def privacy(request):
    user = request.user
    return render(
        request,
        "accounts/privacy.html",
        {
            "terms_accepted_at": user.terms_accepted_at,
            "newsletter_since": user.newsletter_opt_in_at,
        },
    )


@login_required
@require_GET
def export_data(request):
    """The JSON file of everything we hold about the logged-in user (never anyone else)."""
    data = export_user_data(request.user, request)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode(), content_type="application/json; charset=utf-8")
    filename = f"apop-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: no browser or proxy may keep a copy.
    response["Cache-Control"] = "no-store"
    return response


class DeleteAccountForm(forms.Form):
    """Closing confirmed three ways: the choice for resources (when it matters), the password,
    and an explicit checkbox."""

    resources = forms.ChoiceField(
        label=_("What should happen to your free published resources?"),
        choices=ResourcesChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to your published resources.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that deleting my account is permanent and cannot be undone."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )

    def __init__(self, *args, user, choice_matters: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not choice_matters:
            del self.fields["resources"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This password is not the right one."), code="wrong_password"
            )
        return password


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    plan = closure_plan(user)
    blocker = closing_blocker(user)
    status, page_error = 200, None
    form = DeleteAccountForm(request.POST or None, user=user, choice_matters=plan.choice_matters)
    if request.method == "POST" and blocker is not None:
        status = 409
    elif request.method == "POST":
        # Each attempt counts, so that a borrowed session cannot guess the password.
        if not ratelimit.consume(request, action="reauthenticate", user=user):
            # Not validated: the answer must not tell whether this password was the right one.
            form = DeleteAccountForm(user=user, choice_matters=plan.choice_matters)
            page_error = _("Too many attempts. Wait a minute, then try again.")
            status = 429
        elif form.is_valid():
            choice = form.cleaned_data.get("resources", ResourcesChoice.ANONYMISE)
            try:
                close_account(user, choice)
            except AccountClosingError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                logout(request)
                messages.success(
                    request,
                    _(
                        "Your account has been deleted. A confirmation has been sent to your "
                        "former e-mail address. Thank you for having been part of the APOP "
                        "boutique."
                    ),
                )
                return redirect("wagtail_serve", "")
        else:
            status = 400
    return render(
        request,
        "accounts/delete_account.html",
        {
            "form": form,
            "plan": plan,
            "blocker": blocker,
            "page_error": page_error,
            "anonymous_credit": ANONYMOUS_CREDIT,
        },
        status=status,
    )
