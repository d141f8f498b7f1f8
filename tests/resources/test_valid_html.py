"""Pages are valid HTML: the strict WHATWG parser (html5lib) finds no parse error, and ids are
unique (labels, skip link and aria references depend on it)."""

import re
from collections import Counter

import html5lib
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_pages, make_resource, make_member):
    marie = make_member("Marie Tremblay")
    source = make_resource("Source", slug="source", authors=[marie], licence="CC-BY-4.0")
    make_resource(
        "Adaptation",
        slug="adaptation",
        authors=[marie],
        adapted_from_page=source,
        price_cents=500,
        member_price_cents=400,
        licence="CC-BY-4.0",
    )


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/en/",
        "/fr/a-propos/",
        "/fr/ressources/",
        "/fr/ressources/adaptation/",
        "/en/resources/source/",
        "/fr/disciplines/",
        "/fr/disciplines/201/",
        "/fr/collections/",
        "/fr/recherche/?q=source",
        "/fr/compte/login/",
        "/fr/nexiste-pas/",
    ],
)
def test_page_is_valid_html_with_unique_ids(client, pages, path):
    response = client.get(path)
    html = response.content.decode()

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)  # raises html5lib.html5parser.ParseError on the first error

    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
