"""The demo's month of staff downloads (demo/statements.py, demo/data/statements.yaml) and the
privacy policy's paragraph on the statements."""

import datetime
import shutil

import pytest

from accounts.models import Institution, InstitutionDomain
from accounts.roles import staff_user_ids
from demo import loader
from demo.statements import ensure_demo_statement
from institutions.models import Statement
from resources.models import Download

DECEMBER_3 = datetime.date(2026, 12, 3)


def test_the_demo_staff_download_resources_of_the_catalogue_in_the_institutions_domain():
    domain = loader.read("accounts")["institution"]["domain"]
    slugs = {record["key"] for record in loader.read("resources")}
    staff = loader.read("statements")["staff"]

    assert {spec["email"].split("@")[1] for spec in staff} == {domain}
    assert [slug for spec in staff for slug, _n in spec["downloads"] if slug not in slugs] == []
    assert sum(n for spec in staff for _slug, n in spec["downloads"]) == 17


@pytest.fixture
def demo_folder(tmp_path, make_resource):
    """accounts.yaml of the demo, and a small statements.yaml over two resources."""
    shutil.copy(loader.DATA_DIR / "accounts.yaml", tmp_path / "accounts.yaml")
    (tmp_path / "statements.yaml").write_text(
        "staff:\n"
        "  - {email: claire.roy@cegep.example, display_name: Claire Roy,\n"
        "     downloads: [[demo-limites, 3], [demo-python, 1]]}\n"
        "  - {email: marc.bouchard@cegep.example, display_name: Marc Bouchard,\n"
        "     downloads: [[demo-python, 2]]}\n",
        encoding="utf-8",
    )
    make_resource("Limites", slug="demo-limites", disciplines=("201",))
    make_resource("Python", slug="demo-python", disciplines=("420",))
    college = Institution.objects.create(
        name="Cégep de démonstration",
        member_from=datetime.date(2026, 8, 1),
        member_until=datetime.date(2027, 6, 30),
    )
    InstitutionDomain.objects.create(institution=college, domain="cegep.example")
    return tmp_path


@pytest.mark.django_db
def test_the_demo_makes_a_month_of_staff_downloads_and_its_statement_once(demo_folder):
    statement = ensure_demo_statement(demo_folder, today=DECEMBER_3)
    again = ensure_demo_statement(demo_folder, today=DECEMBER_3)

    assert again.pk == statement.pk
    assert Statement.objects.count() == 1
    assert statement.month == datetime.date(2026, 11, 1)
    assert statement.figures["downloads"]["total"] == 6
    by_resource = statement.figures["downloads"]["by_resource"]
    assert [(row["title"], row["downloads"]) for row in by_resource] == [
        ("Limites", 3),
        ("Python", 3),
    ]
    assert statement.figures["active_staff"] == 2
    assert len(staff_user_ids(statement.institution)) == 2
    assert Download.objects.count() == 6


@pytest.mark.django_db
def test_without_the_demo_institution_the_demo_makes_no_statement(demo_folder):
    InstitutionDomain.objects.all().delete()

    assert ensure_demo_statement(demo_folder, today=DECEMBER_3) is None
    assert not Download.objects.exists()


def test_the_privacy_policy_tells_what_the_representatives_receive():
    _home, pages = loader.read_pages()
    privacy = next(page for page in pages if page["key"] == "privacy_page")
    french = " ".join(str(value) for _kind, value in privacy["body"])
    english = " ".join(str(value) for _kind, value in privacy["body_en"])

    assert "un état de compte qui compte les téléchargements du personnel" in french
    assert "sans jamais nommer personne" in french
    assert "a statement that counts staff downloads" in english
    assert "without ever naming anyone" in english
