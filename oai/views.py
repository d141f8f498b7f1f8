"""/oai: the OAI-PMH 2.0 repository (GET, or POST with form-encoded arguments)."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .protocol import Context, respond


@csrf_exempt  # harvesters POST without a session: nothing here changes anything
@require_http_methods(["GET", "POST"])
def repository(request):
    arguments = request.POST if request.method == "POST" else request.GET
    context = Context(base_url=request.build_absolute_uri(reverse("oai")), request=request)
    body = respond({name: arguments.getlist(name) for name in arguments}, context)
    response = HttpResponse(body, content_type="text/xml; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
