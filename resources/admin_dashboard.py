"""The editors' queue on the admin's dashboard: the resources waiting for their review, with
what decides most reviews — licence, price, disciplines — before anything is opened."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from .models import ResourcePage

MAX_ROWS = 20


class ResourcesToReviewPanel(Component):
    name = "resources_to_review"
    template_name = "resources/admin/resources_to_review.html"
    order = 215  # just before Wagtail's « Awaiting your review », which has the actions

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        states = (
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user")
            .order_by("-started_at")[:MAX_ROWS]
        )
        rows = []
        for state in states:
            resource = state.revision.as_object()
            if isinstance(resource, ResourcePage):
                rows.append({"resource": resource, "state": state})
        context["rows"] = rows
        context["heading"] = _("Resources to review")
        return context
