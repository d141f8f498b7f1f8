"""Reading OAI-PMH answers as a harvester does: every answer is validated against the official
schemas of tests/oai/schemas/ (OAI-PMH 2.0, oai_dc, IEEE LOM), then read with XPath."""

import functools
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "all.xsd")))


def validated(body: bytes) -> etree._Element:
    """The answer's root, once the schemas accept it (an AssertionError naming each fault)."""
    document = etree.fromstring(body)
    checker = schema()
    assert checker.validate(document), "\n".join(str(e) for e in checker.error_log)
    return document


def xpath(node, path: str) -> list:
    return node.xpath(path, namespaces=NS)


def texts(node, path: str) -> list[str]:
    return [found.text for found in xpath(node, path)]


def text(node, path: str) -> str:
    found = texts(node, path)
    assert len(found) == 1, f"{path}: {found}"
    return found[0]


def error_code(document) -> str | None:
    codes = [error.get("code") for error in xpath(document, "/oai:OAI-PMH/oai:error")]
    return codes[0] if codes else None


class Oai:
    """GET /oai with Django's test client; each answer validated."""

    def __init__(self, client):
        self.client = client
        self.last = None

    def __call__(self, **arguments) -> etree._Element:
        # "from" is a Python keyword: from_ stands for it.
        query = {("from" if name == "from_" else name): value for name, value in arguments.items()}
        response = self.client.get("/oai", query)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        self.last = response
        return validated(response.content)

    def identifiers(self, **arguments) -> list[str]:
        document = self(verb="ListIdentifiers", **arguments)
        return texts(document, "//oai:header/oai:identifier")

    def harvest(self, verb="ListIdentifiers", **arguments) -> list[etree._Element]:
        """Every header or record of a list, following its resumption tokens."""
        items, document = [], self(verb=verb, **arguments)
        element = "oai:header" if verb == "ListIdentifiers" else "oai:record"
        while True:
            assert error_code(document) is None, etree.tostring(document)
            items += xpath(document, f"/oai:OAI-PMH/oai:{verb}/{element}")
            token = xpath(document, f"//oai:{verb}/oai:resumptionToken")
            if not token or not token[0].text:
                return items
            document = self(verb=verb, resumptionToken=token[0].text)
