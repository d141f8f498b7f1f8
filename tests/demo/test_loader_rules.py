"""The demo loader checks every resource with the admin's rules (field validators,
resources/rules.py, resources/licences.py): a data file that breaks one is refused as a whole,
with a message naming the record."""

import shutil

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.utils import translation

from demo import loader
from resources.models import ResourcePage


def _resource(key, **changes):
    """A valid free resource by a demo member; `changes` break it."""
    return {
        "key": key,
        "title": "Notes de cours sur les limites",
        "summary": "Un résumé de la ressource.",
        "description": ["Un premier paragraphe.", "Un second paragraphe."],
        "language": "fr",
        "authors": ["mtremblay"],
        "co_authors": "",
        "disciplines": ["201"],
        "levels": ["collegial_preuniversitaire"],
        "types": ["notes-de-cours"],
        "dimensions": [3],
        "tags": ["limites", "continuité"],
        "licence": "CC-BY-NC-4.0",
        "price_cents": 0,
        "member_price_cents": None,
        "duration_minutes": None,
        "pedagogical_notes": "",
        "adapted_from": None,
        "validated": False,
        "files": [{"name": "notes.txt", "kind": "txt", "pages": None}],
        "featured_on_home": False,
        **changes,
    }


def _data_folder(tmp_path, resources):
    """A data folder with the demo's accounts and members, these resources and nothing else."""
    for name in ("accounts", "members"):
        shutil.copy(loader.DATA_DIR / f"{name}.yaml", tmp_path / f"{name}.yaml")
    (tmp_path / "resources.yaml").write_text(
        yaml.safe_dump(resources, allow_unicode=True), encoding="utf-8"
    )
    (tmp_path / "collections.yaml").write_text("[]\n", encoding="utf-8")
    (tmp_path / "reviews.yaml").write_text("[]\n", encoding="utf-8")
    return tmp_path


def test_a_small_valid_file_loads(site_pages, tmp_path):
    folder = _data_folder(tmp_path, [_resource("notes-limites")])

    created = loader.load_demo_catalogue(site_pages, folder=folder)

    assert created == {"resources": 1, "collections": 0}
    page = ResourcePage.objects.get(slug="notes-limites")
    assert page.live is True
    assert [user.email for user in page.authors.all()] == ["marie.tremblay@apop.example"]
    assert page.files.count() == 1
    assert page.previews.count() == 1


SOURCE = _resource("source-nc-marie")

BAD_RECORDS = [
    pytest.param(
        [_resource("vente-nc-par-un-tiers", authors=[], co_authors="Un tiers", price_cents=500)],
        "vente-nc-par-un-tiers",
        ["price_cents", "Only the rights holder may sell a resource under"],
        id="NC resource sold by someone who is not its rights holder",
    ),
    pytest.param(
        [
            _resource(
                "adaptation-d-une-oeuvre-nd",
                licence="CC-BY-4.0",
                adapted_from={
                    "title": "Une œuvre",
                    "author": "Quelqu'un",
                    "url": "https://example.org/oeuvre",
                    "licence": "CC-BY-ND-4.0",
                },
            )
        ],
        "adaptation-d-une-oeuvre-nd",
        ["licence", "does not allow adaptations"],
        id="adaptation of an ND work",
    ),
    pytest.param(
        [
            _resource(
                "adaptation-sa-sous-une-autre-licence",
                licence="CC-BY-4.0",
                adapted_from={
                    "title": "Une œuvre",
                    "author": "Quelqu'un",
                    "url": "https://example.org/oeuvre",
                    "licence": "CC-BY-SA-4.0",
                },
            )
        ],
        "adaptation-sa-sous-une-autre-licence",
        ["licence", "must keep the"],
        id="adaptation of an SA work under another licence",
    ),
    pytest.param(
        [
            SOURCE,
            _resource(
                "adaptation-nc-vendue",
                authors=["sgagnon"],
                price_cents=500,
                adapted_from={"resource": "source-nc-marie"},
            ),
        ],
        "adaptation-nc-vendue",
        ["price_cents", "must be free"],
        id="paid adaptation of someone else's NC resource of the same file",
    ),
    pytest.param(
        [_resource("prix-membre-sans-prix", member_price_cents=300)],
        "prix-membre-sans-prix",
        ["member_price_cents", "A free resource has no member price."],
        id="member price on a free resource",
    ),
    pytest.param(
        [_resource("licence-inconnue", licence="CC-BY-9.0")],
        "licence-inconnue",
        ["licence", "is not a valid choice"],
        id="unknown licence id",
    ),
    pytest.param(
        [_resource("auteur-inconnu", authors=["personne"])],
        "auteur-inconnu",
        ["unknown member", "'personne'"],
        id="author who is not in members.yaml",
    ),
]


@pytest.mark.parametrize(("resources", "key", "fragments"), BAD_RECORDS)
def test_the_loader_refuses_a_record_that_breaks_a_rule(
    site_pages, tmp_path, resources, key, fragments
):
    folder = _data_folder(tmp_path, resources)

    with translation.override("en"), pytest.raises(loader.DemoDataError) as refused:
        loader.load_demo_catalogue(site_pages, folder=folder)

    message = str(refused.value)
    assert f"resources.yaml, resource '{key}'" in message
    for fragment in fragments:
        assert fragment in message
    # All or nothing: not even the valid records before it, nor the members, are left.
    assert ResourcePage.objects.count() == 0
    assert not get_user_model().objects.filter(email__endswith="@apop.example").exists()


@pytest.mark.parametrize("is_open", [True, False])
def test_an_open_collection_of_the_demo_holds_only_free_open_resources(
    site_pages, tmp_path, is_open
):
    from resources.models import CollectionPage

    folder = _data_folder(
        tmp_path,
        [
            _resource("libre"),
            _resource("vendue", licence="LicenseRef-APOP-All-Rights-Reserved", price_cents=1200),
        ],
    )
    collection = {
        "key": "melange",
        "title": "Mélange",
        "intro_fr": "Des ressources.",
        "intro_en": "Resources.",
        "discipline": None,
        "resources": ["libre", "vendue"],
        "featured": False,
        "open": is_open,
    }
    (folder / "collections.yaml").write_text(
        yaml.safe_dump([collection], allow_unicode=True), encoding="utf-8"
    )

    if not is_open:
        loader.load_demo_catalogue(site_pages, folder=folder)
        assert CollectionPage.objects.get(slug="melange").is_open is False
        return
    with translation.override("en"), pytest.raises(loader.DemoDataError) as refused:
        loader.load_demo_catalogue(site_pages, folder=folder)

    message = str(refused.value)
    assert "collections.yaml, collection 'melange'" in message
    assert "“Notes de cours sur les limites” cannot go into an open (REL) collection" in message
    assert not CollectionPage.objects.exists()
    assert ResourcePage.objects.count() == 0
