"""Search fixtures: the two implementations behind one fixture, and a small known catalogue.

`search_backend` is "database" (the embedded default) or "opensearch" (the real node started by
scripts/services.sh, reached through APOP_TEST_OPENSEARCH_URL); contract tests take it and must
pass on both. Each test that uses the node gets an index prefix of its own, dropped after."""

import pytest

from resources.models import ResourceIndexPage, ResourcePage
from search import indexing
from search.connection import get_engine
from tests.factories import build_member, build_resource
from tests.helpers import ON_CI
from tests.search.helpers import OPENSEARCH_URL, drop_indices, use_engine


def _require(url: str, what: str) -> None:
    if url:
        return
    message = f"{what} is not running (scripts/services.sh start)"
    if ON_CI:
        pytest.fail(message)
    pytest.skip(f"{message} — SKIPPED: run `make test` to test search on the real node")


@pytest.fixture
def opensearch(settings):
    """The product searching the real OpenSearch node, on indices of this test only."""
    _require(OPENSEARCH_URL, "The OpenSearch node")
    prefix = use_engine(settings, "opensearch", OPENSEARCH_URL)
    yield get_engine()
    drop_indices(prefix)


@pytest.fixture(params=["database", "opensearch"])
def search_backend(request, settings):
    """Each contract test runs once per implementation."""
    if request.param == "database":
        settings.APOP_SEARCH = {**settings.APOP_SEARCH, "ENGINE": "", "URL": ""}
        yield "database"
        return
    request.getfixturevalue("opensearch")
    yield "opensearch"


# The known catalogue: (key, title, fields). Counts in the tests below follow from it.
RESOURCES = [
    (
        "calcul",
        "Calcul différentiel : exercices corrigés",
        {
            "disciplines": ("201",),
            "courses": ("201-NYA-05",),
            "summary": "Des exercices sur les dérivées et les limites, avec solutions.",
            "tags": ("dérivées",),
            "licence": "CC-BY-NC-SA-4.0",
            "price_cents": 0,
            "download_count": 40,
            "levels": ("collegial_preuniversitaire",),
        },
    ),
    (
        "finance",
        "Mathématiques financières appliquées",
        {
            "disciplines": ("201",),
            "summary": "Intérêts composés, annuités et amortissement d'un prêt.",
            "tags": ("finance",),
            "licence": "LicenseRef-APOP-All-Rights-Reserved",
            "price_cents": 1500,
            "download_count": 5,
        },
    ),
    (
        "integral",
        "Examen de calcul intégral",
        {
            "disciplines": ("201",),
            "courses": ("201-NYB-05",),
            "summary": "Un examen type avec son corrigé détaillé.",
            "tags": ("intégrales", "examen"),
            "licence": "CC-BY-4.0",
            "price_cents": 800,
            "download_count": 12,
        },
    ),
    (
        "python",
        "Introduction à la programmation Python",
        {
            "disciplines": ("420",),
            "summary": "Un exercice guidé par semaine pour apprendre à programmer.",
            "tags": ("python", "programmation"),
            "licence": "CC-BY-4.0",
            "price_cents": 0,
            "download_count": 100,
        },
    ),
    (
        "formative",
        "Grilles d'observation en classe",
        {
            "disciplines": ("420", "201"),
            "summary": "Des outils d'évaluation formative pour suivre les apprentissages.",
            "tags": ("évaluation",),
            "licence": "CC-BY-SA-4.0",
            "price_cents": 0,
            "download_count": 0,
        },
    ),
    (
        "english",
        "Python practice for beginners",
        {
            "disciplines": ("420",),
            "summary": "Short programming drills with their solutions.",
            "tags": ("python",),
            "language": "en",
            "licence": "CC-BY-4.0",
            "price_cents": 0,
            "download_count": 60,
        },
    ),
]


@pytest.fixture(scope="module")
def known_rows(module_transaction) -> dict[str, int]:
    """The known catalogue's rows, written once for the module (module_transaction, in
    tests/conftest.py), as each test used to write them; {key: id}."""
    with module_transaction.writing():
        catalogue = ResourceIndexPage.objects.get()
        author = build_member("Léa Gagnon")
        pages = {}
        for key, title, fields in RESOURCES:
            fields = dict(fields)
            downloads = fields.pop("download_count")
            page = build_resource(catalogue, title, authors=[author], **fields)
            ResourcePage.objects.filter(pk=page.pk).update(download_count=downloads)
            pages[key] = page
        pages["draft"] = build_resource(
            catalogue,
            "Calcul différentiel : brouillon",
            publish=False,
            summary="Pas encore publié.",
        )
    return {key: page.pk for key, page in pages.items()}


@pytest.fixture
def known_catalogue(known_rows, db):
    """Six published resources and one draft, indexed (by this test's implementation, after
    search_backend or opensearch); {key: page}."""
    pages = {key: ResourcePage.objects.get(pk=pk) for key, pk in known_rows.items()}
    indexing.rebuild()
    return pages
