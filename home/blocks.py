"""StreamField blocks for editorial pages (home, about, licence guide, privacy, terms)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class NoticeBlock(blocks.StructBlock):
    """A highlighted box: information, advice or warning."""

    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("success", _("Advice"))],
        default="info",
        label=_("Kind"),
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))

    class Meta:
        icon = "info-circle"
        label = _("Notice")
        template = "components/notice_block.html"


class FigureBlock(blocks.StructBlock):
    """An image with its text alternative and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        help_text=_("What the image shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "components/figure_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of an editorial page."""

    heading = blocks.CharBlock(
        form_classname="title",
        label=_("Section heading"),
        template="components/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4", "blockquote"],
        label=_("Paragraph"),
    )
    notice = NoticeBlock()
    figure = FigureBlock()
