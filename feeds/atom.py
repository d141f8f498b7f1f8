"""Django's Atom 1.0 writer (RFC 4287) with what our entries carry besides: every author, each
discipline as a category (its code, its name, our discipline index as the scheme), the licence
as a rel="license" link, and the summary as plain text."""

from django.utils.feedgenerator import Atom1Feed


class ResourceAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        entry = item["entry"]
        # Django writes title, link, published, updated, id and rights; the rest is ours.
        super().add_item_elements(handler, {**item, "description": None, "categories": ()})
        handler.addQuickElement("summary", entry.summary, {"type": "text"})
        for name in entry.authors:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        for term in entry.disciplines:
            attributes = {"term": term.code, "scheme": self.feed["category_scheme"]}
            handler.addQuickElement("category", "", {**attributes, "label": term.name})
        handler.addQuickElement(
            "link",
            "",
            {
                "rel": "license",
                "type": "text/html",
                "href": entry.licence_url,
                "title": item["item_copyright"],
            },
        )
