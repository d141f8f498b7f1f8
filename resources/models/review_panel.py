"""The editors' review summary: a read-only panel at the top of a resource's edit form, where the
« Révision éditoriale » workflow leads them (resources/review.py gathers what it shows)."""

from wagtail.admin.panels import Panel

from . import presenters


class ReviewSummaryPanel(Panel):
    """Licence, prices, classification, files with a look at them, source, and the licence
    rules' verdict — of the version under review — without leaving the screen."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "resources/admin/review_summary.html"

        def is_shown(self):
            # A resource being created has nothing to review yet.
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # resources/review.py, through the models' registry: it imports the models, which
            # import this panel.
            context["summary"] = presenters.present("review_summary", self.instance)
            return context
