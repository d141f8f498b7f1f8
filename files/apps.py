from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    name = "files"
    verbose_name = _("Files and downloads")

    def ready(self):
        from resources.models import presenters

        from . import receivers  # noqa: F401  (packages follow publications)
        from .review import links_for

        # The editors' review summary (resources/review.py) links to a look at each file.
        presenters.register("review_file_links", links_for)
