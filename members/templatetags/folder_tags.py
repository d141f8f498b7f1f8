"""The library's folders in templates: the checkboxes that file a resource, on the library's
lines (from the page's context, no query) and on the resource page."""

from django import template

from .. import folders

register = template.Library()


@register.simple_tag(takes_context=True)
def folder_choices(context, resource_id) -> list:
    """{% folder_choices entry.resource_id as choices %} on the library page."""
    chosen = context.get("folder_memberships", {}).get(resource_id, set())
    return folders.choices_for(context.get("folders", []), chosen)


@register.inclusion_tag("accounts/folder_box.html", takes_context=True)
def folder_box(context, page):
    """{% folder_box page %}: « Mes dossiers » on the page of a resource the template already
    knows is in the visitor's library (the buy box asked: this costs one more query, for those
    visitors only)."""
    request = context.get("request")
    return {
        "page": page,
        "choices": folders.choices_on(request.user, page.pk),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "max_length": folders.FOLDER_NAME_MAX_LENGTH,
    }
