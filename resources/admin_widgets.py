"""The admin's author chooser: people are found by typing part of a name or address, never
picked from a list of every account (which would print thousands of names and e-mails into
each resource's edit page). The form field stays the page's own ModelMultipleChoiceField."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

MIN_QUERY = 2
MAX_RESULTS = 20


def find_people(query: str):
    """Active accounts whose name or address contains `query` (at least two characters),
    closed accounts excepted; at most MAX_RESULTS, by name."""
    query = query.strip()
    if len(query) < MIN_QUERY:
        return []
    words = Q()
    for word in query.split():
        words &= (
            Q(display_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    return list(
        get_user_model()
        .objects.filter(words, is_active=True, deleted_at__isnull=True)
        .order_by("display_name", "email")[:MAX_RESULTS]
    )


class AuthorChooser(forms.Widget):
    """The chosen people as a list with « Retirer » buttons (hidden inputs carry their ids),
    and a search box whose suggestions come from the admin's author search."""

    template_name = "resources/admin/author_chooser.html"
    allow_multiple_selected = True

    class Media:
        js = ["js/admin-author-chooser.js"]

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # an empty list is an answer: no author

    def format_value(self, value):
        if value is None:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in ("", None)]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = [int(v) for v in context["widget"]["value"] if str(v).isdigit()]
        people = {user.pk: user for user in get_user_model().objects.filter(pk__in=ids)}
        context["widget"]["chosen"] = [people[pk] for pk in ids if pk in people]
        context["widget"]["search_url"] = reverse("resources_author_search")
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates, not the form renderer's (which reads only the apps' folders).
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))
