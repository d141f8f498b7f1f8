"""Submission of resources by members: /<lang>/compte/depots/… (thin views; the rules live in
resources/submission.py).

Anonymous visitors go to the log-in page; signed-in people who may not submit (no valid APOP
membership) get a page explaining how to become a member; a submission of someone else answers
404 (submissions.service.submission_for)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import may_submit
from core.i18n import current_language
from resources import institution_offer, licences
from submissions.forms import (
    ClassificationForm,
    DescriptionForm,
    FilesForm,
    LicenceForm,
    form_field_for,
)

from . import adapting, attachments, service

TEMPLATES = "resources/submission/"
FORMS = {
    service.DESCRIPTION: DescriptionForm,
    service.CLASSIFICATION: ClassificationForm,
    service.FILES: FilesForm,
    service.LICENCE: LicenceForm,
}
APOP_URL = "https://www.apop.qc.ca/"


def _step_url(page, step) -> str:
    return reverse("submissions:step", args=[page.pk, step])


def _gate(request):
    """None when the user may use the form; otherwise the answer to give instead."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_submit(request.user):
        return render(request, TEMPLATES + "become_member.html", {"apop_url": APOP_URL})
    return None


def _steps(page, current):
    """The step list for the progress indicator: links once the resource exists."""
    return [
        {
            "slug": slug,
            "number": number,
            "title": service.STEP_TITLES[slug],
            "url": _step_url(page, slug) if page is not None else "",
            "current": slug == current,
        }
        for number, slug in enumerate(service.STEPS, start=1)
    ]


def _render_step(request, page, step, form, **context):
    return render(
        request,
        f"{TEMPLATES}{step}.html",
        {
            "page_obj": page,
            "step": step,
            "step_title": service.STEP_TITLES[step],
            "step_number": service.STEPS.index(step) + 1,
            "step_count": len(service.STEPS),
            "steps": _steps(page, step),
            "form": form,
            **context,
        },
    )


def _after_save(request, page, step):
    if request.POST.get("action") == "leave":
        messages.success(request, _("Your draft is saved. You can come back to it at any time."))
        return redirect("submissions:list")
    return redirect(_step_url(page, service.next_step(step)))


# --- The list ---------------------------------------------------------------------------------


def my_submissions(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    submissions = service.submissions_of(request.user)
    allowed = may_submit(request.user)
    if not allowed and not submissions:
        return render(request, TEMPLATES + "become_member.html", {"apop_url": APOP_URL})
    return render(
        request,
        TEMPLATES + "list.html",
        {"submissions": submissions, "may_submit": allowed, "apop_url": APOP_URL},
    )


# --- The steps --------------------------------------------------------------------------------


def new_submission(request):
    """Step 1 of a resource that does not exist yet; saving it creates the draft."""
    if (answer := _gate(request)) is not None:
        return answer
    if request.method == "POST":
        form = DescriptionForm(request.POST)
        if form.is_valid():
            page = service.create_submission(request.user, form.values())
            return _after_save(request, page, service.DESCRIPTION)
    else:
        form = DescriptionForm(initial={"language": current_language()})
    return _render_step(request, None, service.DESCRIPTION, form)


def adapt(request, source_id):
    """Step 1 of an adaptation of a published resource (« Adapter cette ressource »): the same
    form, which names the source; saving it creates the draft with its source set."""
    if (answer := _gate(request)) is not None:
        return answer
    try:
        source = adapting.source_for(request.user, source_id)
    except adapting.NotAdaptable as refusal:
        messages.error(request, refusal.message)
        return redirect(refusal.url)
    if request.method == "POST":
        form = DescriptionForm(request.POST)
        if form.is_valid():
            page = adapting.create_adaptation(request.user, form.values(), source)
            return _after_save(request, page, service.DESCRIPTION)
    else:
        form = DescriptionForm(initial={"language": source.page.language})
    return _render_step(request, None, service.DESCRIPTION, form, source=source)


def edit_step(request, page_id, step):
    if (answer := _gate(request)) is not None:
        return answer
    page = service.submission_for(request.user, page_id)
    if step not in service.STEPS:
        raise Http404
    if step == service.REVIEW:
        return _review(request, page)
    if service.is_in_review(page):
        # Nothing changes while the editors read it: the review step says so and offers to
        # withdraw it.
        return redirect(_step_url(page, service.REVIEW))
    if step == service.FILES:
        return _files(request, page)
    form_class = FORMS[step]
    draft = service.draft_of(page)
    if request.method == "POST":
        form = form_class(request.POST, draft=draft)
        if form.is_valid():
            form.apply(draft)
            service.save_draft(request.user, page, draft)
            return _after_save(request, page, step)
    else:
        form = form_class(initial=form_class.initial_for(draft, current_language()), draft=draft)
    return _render_step(request, page, step, form, draft=draft)


def _files(request, page):
    draft = service.draft_of(page)
    if request.method == "POST":
        form = FilesForm(request.POST, request.FILES, draft=draft)
        if _uploads_accepted(form):
            _store_uploads(request, page, form)
            draft = service.draft_of(page)
            action = request.POST.get("action")
            if action == "continue" and not list(draft.files.all()):
                form.add_error("files", _("Add at least one file."))
            elif action in ("continue", "leave"):
                return _after_save(request, page, service.FILES)
            else:
                return redirect(_step_url(page, service.FILES))
    else:
        form = FilesForm(draft=draft)
    files = [
        {"entry": entry, "token": attachments.file_token(entry.file.name)}
        for entry in draft.files.all()
    ]
    previews = list(draft.previews.all())
    return _render_step(
        request, page, service.FILES, form, draft=draft, files=files, previews=previews
    )


def _uploads_accepted(form) -> bool:
    """Whether the form is valid and every upload passes the content checks. The uploads are
    checked even when another field has an error, so that every problem shows at once; each
    refused one becomes an error next to its field."""
    valid = form.is_valid()
    data = form.cleaned_data
    try:
        form.content_types = attachments.check_uploads(
            data.get("files") or [], data.get("preview") or None
        )
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return valid


def _store_uploads(request, page, form) -> None:
    """Store what was chosen, once _uploads_accepted() passed them all."""
    data = form.cleaned_data
    if data["files"]:
        added = attachments.add_files(request.user, page, data["files"], form.content_types)
        messages.success(
            request,
            _("Added: %(names)s.") % {"names": ", ".join(f.display_name for f in added)},
        )
    if data["preview"]:
        attachments.add_preview(
            request.user, page, data["preview"], data["preview_alt"].strip(), checked=True
        )
        messages.success(request, _("The preview image is added."))


@require_POST
def remove_upload(request, page_id):
    if (answer := _gate(request)) is not None:
        return answer
    page = service.submission_for(request.user, page_id)
    if service.is_in_review(page):
        return redirect(_step_url(page, service.REVIEW))
    if token := request.POST.get("file"):
        removed = attachments.remove_file(request.user, page, token)
    else:
        try:
            removed = attachments.remove_preview(
                request.user, page, int(request.POST.get("preview"))
            )
        except (TypeError, ValueError):
            removed = False
    if removed:
        messages.success(request, _("Removed."))
    else:
        messages.error(request, _("This file was already removed."))
    return redirect(_step_url(page, service.FILES))


def _review_errors(draft) -> list[dict]:
    """The errors of the draft, each with the step and field to go and fix it."""
    found = []
    for field, field_messages in service.submission_errors(draft).items():
        step = service.FIELD_STEPS.get(field, service.DESCRIPTION)
        anchor = "id_" + form_field_for(field)
        if field in ("disciplines",):
            anchor += "_0"
        for message in field_messages:
            found.append({"message": message, "step": step, "anchor": anchor})
    return found


def _review(request, page):
    draft = service.draft_of(page)
    in_review = service.is_in_review(page)
    if request.method == "POST" and not in_review:
        errors = service.submit_for_review(request.user, page)
        if not errors:
            messages.success(
                request,
                _(
                    "Your resource is sent to the editors. We will write to you once they have read it."
                ),
            )
            return redirect("submissions:list")
    state = service.submission_state(page)
    errors = [] if in_review else _review_errors(draft)
    for error in errors:
        error["url"] = _step_url(page, error["step"]) + "#" + error["anchor"]
    return _render_step(
        request,
        page,
        service.REVIEW,
        None,
        draft=draft,
        state=state,
        in_review=in_review,
        has_changes=service.has_changes(page),
        errors=errors,
        submitted=request.method == "POST",
        review_days=settings.REVIEW_EXPECTED_DAYS,
        licence=licences.get_licence(draft.licence),
        source=draft.adapted_from_page,
        source_licence=(
            licences.get_licence(draft.source_licence) if draft.source_licence else None
        ),
        institution_price=institution_offer.price_cents(draft),
    )


# --- Withdrawing, unpublishing -----------------------------------------------------------------


@require_POST
def withdraw(request, page_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = service.submission_for(request.user, page_id)
    if service.withdraw_from_review(request.user, page):
        messages.success(request, _("Your resource is withdrawn from review: you can change it."))
    return redirect(_step_url(page, service.REVIEW))


def unpublish(request, page_id):
    """A confirmation page, then the resource leaves the site (its authors keep it as a draft).
    Former members may still take their own work off the site."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = service.submission_for(request.user, page_id)
    if not page.live:
        messages.info(request, _("This resource is not published."))
        return redirect("submissions:list")
    if request.method == "POST":
        service.unpublish(request.user, page)
        messages.success(
            request,
            _("“%(title)s” is no longer published. It stays in your submissions as a draft.")
            % {"title": page.title},
        )
        return redirect("submissions:list")
    return render(request, TEMPLATES + "confirm_unpublish.html", {"page_obj": page})
