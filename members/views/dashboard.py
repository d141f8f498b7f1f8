"""/<lang>/compte/: the member's account home, where allauth sends people after logging in."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from ..profiles import account_summary


@login_required
def dashboard(request):
    """A greeting, what the member's roles give them, and the way to every account page."""
    return TemplateResponse(
        request, "accounts/dashboard.html", {"summary": account_summary(request.user)}
    )
