"""A resource's description: members type plain text; the page stores simple, safe HTML."""

import html
import re
from html.parser import HTMLParser


def text_to_html(text: str) -> str:
    """Paragraphs (blank lines) and line breaks of plain text as rich text HTML, escaped."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(html.escape(line.strip()) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "h2", "h3", "h4", "li", "ul", "ol", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(value: str) -> str:
    """The text of rich text HTML, paragraphs separated by blank lines (for the textarea)."""
    parser = _TextExtractor()
    parser.feed(value or "")
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
