from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        from . import signals  # noqa: F401  (publication hooks, in one place)
        from .detail import resource_page_context
        from .listing import paginate_resources, resource_cards
        from .models import presenters
        from .review import review_summary

        presenters.register("resource_page", resource_page_context)
        presenters.register("resource_list", paginate_resources)
        presenters.register("cards", resource_cards)
        presenters.register("review_summary", review_summary)
