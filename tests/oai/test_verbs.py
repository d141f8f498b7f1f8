"""The six verbs of /oai, each answer validated against the OAI-PMH, oai_dc and LOM schemas:
Identify, ListMetadataFormats, ListSets, GetRecord in both formats (ListIdentifiers and
ListRecords: test_lists.py)."""

import datetime

import pytest
from django.utils import timezone, translation
from lxml import etree

from oai import records
from oai.models import OaiRecord
from resources import licences
from resources.models import DigitalCompetencyDimension, Discipline, ResourcePage
from tests.oai.helpers import XML_LANG, error_code, text, texts, xpath

pytestmark = pytest.mark.django_db


def full_url(page) -> str:
    with translation.override("fr"):
        return page.get_full_url()


def test_identify_describes_the_repository(oai, publish, settings):
    settings.OAI_ADMIN_EMAIL = "depot@apop.example"
    first = publish("Première")
    publish("Seconde")
    OaiRecord.objects.filter(resource_id=first.pk).update(
        datestamp=datetime.datetime(2026, 3, 1, 12, 30, 5, tzinfo=datetime.UTC)
    )

    document = oai(verb="Identify")

    identify = xpath(document, "/oai:OAI-PMH/oai:Identify")[0]
    assert text(identify, "oai:repositoryName") == "APOP boutique"
    assert text(identify, "oai:baseURL") == "http://testserver/oai"
    assert text(identify, "oai:protocolVersion") == "2.0"
    assert texts(identify, "oai:adminEmail") == ["depot@apop.example"]
    assert text(identify, "oai:earliestDatestamp") == "2026-03-01T12:30:05Z"
    assert text(identify, "oai:deletedRecord") == "persistent"
    assert text(identify, "oai:granularity") == "YYYY-MM-DDThh:mm:ssZ"
    request = xpath(document, "/oai:OAI-PMH/oai:request")[0]
    assert (request.text, dict(request.attrib)) == ("http://testserver/oai", {"verb": "Identify"})


def test_the_admin_email_defaults_to_the_sender_address():
    from django.conf import settings

    assert settings.OAI_ADMIN_EMAIL == "boutique@apop.example"


def test_the_repository_answers_a_post_as_a_get(client, publish):
    publish()

    response = client.post("/oai", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})

    assert response.status_code == 200
    assert response.content.count(b"<header>") == 1


def test_other_http_methods_are_refused(client):
    assert client.put("/oai?verb=Identify").status_code == 405


def test_list_metadata_formats(oai, publish):
    page = publish()
    expected = [
        (
            "oai_dc",
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
            "http://www.openarchives.org/OAI/2.0/oai_dc/",
        ),
        ("lom", "http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd", "http://ltsc.ieee.org/xsd/LOM"),
    ]

    for arguments in ({}, {"identifier": records.identifier(page.pk)}):
        document = oai(verb="ListMetadataFormats", **arguments)

        formats = [
            (
                text(item, "oai:metadataPrefix"),
                text(item, "oai:schema"),
                text(item, "oai:metadataNamespace"),
            )
            for item in xpath(document, "//oai:metadataFormat")
        ]
        assert formats == expected


def test_list_metadata_formats_of_an_unknown_or_deleted_record(oai, publish, committing):
    page = publish()
    with committing():
        page.unpublish()

    deleted = oai(verb="ListMetadataFormats", identifier=records.identifier(page.pk))
    unknown = oai(verb="ListMetadataFormats", identifier=records.identifier(page.pk + 1000))

    assert error_code(deleted) == "noMetadataFormats"
    assert error_code(unknown) == "idDoesNotExist"


def test_list_sets_names_every_discipline_licence_and_the_two_groups(oai):
    document = oai(verb="ListSets")

    found = {
        text(item, "oai:setSpec"): text(item, "oai:setName")
        for item in xpath(document, "//oai:set")
    }
    disciplines = Discipline.objects.all()
    assert found["discipline"] == "Disciplines de l'enseignement collégial"
    for discipline in disciplines:
        assert found[f"discipline:{discipline.code}"] == f"{discipline.code} {discipline.name_fr}"
    assert found["licence"] == "Licences"
    assert found["licence:CC-BY-NC-SA-4.0"] == (
        "CC BY-NC-SA 4.0 — Attribution - Pas d'Utilisation Commerciale - Partage dans les "
        "Mêmes Conditions 4.0 International"
    )
    assert found["licence:CC0-1.0"] == "CC0 1.0 Universel"
    assert found[f"licence:{licences.ALL_RIGHTS_RESERVED_ID}"] == (
        "Tous droits réservés — licence d'utilisation"
    )
    assert found["rel"] == "Ressources éducatives libres (REL) : licences ouvertes"
    assert found["payant"] == "Ressources payantes"
    assert len(found) == 2 + disciplines.count() + len(licences.LICENCES) + 2
    assert not xpath(document, "//oai:resumptionToken")


def test_list_sets_never_takes_a_resumption_token(oai):
    assert error_code(oai(verb="ListSets", resumptionToken="abc")) == "badResumptionToken"


@pytest.fixture
def adapted(publish, make_member):
    """A source, and an adaptation of it by two members and a co-author, fully described."""
    source = publish("Suites numériques", slug="suites", licence="CC-BY-4.0")
    marie, daniel = make_member("Marie Tremblay"), make_member("Daniel O'Brien")
    page = publish(
        "Limites et continuité",
        slug="limites",
        authors=[marie, daniel],
        co_authors="Jean Roy",
        summary="Des exercices corrigés.",
        description="<p>Première partie.</p><p>Seconde &amp; dernière partie.</p>",
        disciplines=("201", "420"),
        levels=("collegial_preuniversitaire",),
        types=("exercices",),
        tags=("limites", "analyse"),
        licence="CC-BY-SA-4.0",
        adapted_from_page=source,
        duration_minutes=90,
        files=(("exercices.pdf", b"%PDF-1.4 exercices"), ("corrige.txt", b"Le corrige.")),
    )
    return source, page


def test_get_record_in_dublin_core(oai, adapted):
    source, page = adapted

    document = oai(
        verb="GetRecord", identifier=records.identifier(page.pk), metadataPrefix="oai_dc"
    )

    record = xpath(document, "/oai:OAI-PMH/oai:GetRecord/oai:record")[0]
    assert text(record, "oai:header/oai:identifier") == records.identifier(page.pk)
    assert texts(record, "oai:header/oai:setSpec") == [
        "discipline:201",
        "discipline:420",
        "licence:CC-BY-SA-4.0",
        "rel",
    ]
    dc = xpath(record, "oai:metadata/oai_dc:dc")[0]

    def values(name):
        return [(e.text, e.get(XML_LANG)) for e in xpath(dc, f"dc:{name}")]

    assert values("title") == [("Limites et continuité", "fr")]
    assert values("creator") == [
        ("Marie Tremblay", None),
        ("Daniel O'Brien", None),
        ("Jean Roy", None),
    ]
    assert values("subject") == [
        ("Mathématiques", "fr"),
        ("Mathematics", "en"),
        ("201", None),
        ("Informatique", "fr"),
        ("Computer Science", "en"),
        ("420", None),
        ("analyse", "fr"),
        ("limites", "fr"),
    ]
    assert values("description") == [
        ("Des exercices corrigés.", "fr"),
        ("Première partie.\nSeconde & dernière partie.", "fr"),
    ]
    assert values("publisher") == [
        (
            "APOP — Association pour les applications pédagogiques de l'ordinateur au postsecondaire",
            "fr",
        )
    ]
    assert values("date") == [(timezone.localdate(page.first_published_at).isoformat(), None)]
    assert values("type") == [("Text", None), ("Exercices et problèmes", "fr")]
    assert values("format") == [("application/pdf", None), ("text/plain", None)]
    assert values("identifier") == [(full_url(page), None)]
    assert values("language") == [("fr", None)]
    assert values("source") == [(full_url(source), None)]
    assert values("relation") == [
        (f"Adapté de\u00a0: «\u00a0Suites numériques\u00a0» {full_url(source)}", "fr"),
        (f"Adapted from: \u201cSuites numériques\u201d {full_url(source)}", "en"),
    ]
    assert values("rights") == [
        ("https://creativecommons.org/licenses/by-sa/4.0/deed.fr", None),
        ("CC BY-SA 4.0 — Attribution - Partage dans les Mêmes Conditions 4.0 International", "fr"),
        ("CC BY-SA 4.0 — Attribution-ShareAlike 4.0 International", "en"),
    ]
    source_record = oai(
        verb="GetRecord", identifier=records.identifier(source.pk), metadataPrefix="oai_dc"
    )
    assert texts(source_record, "//dc:relation") == [
        f"A une adaptation\u00a0: «\u00a0Limites et continuité\u00a0» {full_url(page)}",
        f"Has adaptation: \u201cLimites et continuité\u201d {full_url(page)}",
    ]


def test_get_record_in_lom_as_normetic_asks(oai, adapted):
    source, page = adapted
    identifier = records.identifier(page.pk)

    document = oai(verb="GetRecord", identifier=identifier, metadataPrefix="lom")

    lom = xpath(document, "//oai:metadata/lom:lom")[0]
    assert text(lom, "lom:general/lom:identifier/lom:entry") == full_url(page)
    assert text(lom, "lom:general/lom:title/lom:string[@language='fr']") == "Limites et continuité"
    assert texts(lom, "lom:general/lom:keyword/lom:string") == ["analyse", "limites"]
    author = xpath(lom, "lom:lifeCycle/lom:contribute[lom:role/lom:value='author']")[0]
    assert text(author, "lom:role/lom:source") == "LOMv1.0"
    assert texts(author, "lom:entity") == [
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marie Tremblay\r\nN:Tremblay;Marie;;;\r\nEND:VCARD",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Daniel O'Brien\r\nN:O'Brien;Daniel;;;\r\nEND:VCARD",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jean Roy\r\nN:Roy;Jean;;;\r\nEND:VCARD",
    ]
    assert text(lom, "lom:metaMetadata/lom:identifier/lom:entry") == identifier
    assert texts(lom, "lom:metaMetadata/lom:metadataSchema") == ["LOMv1.0", "NORMETICv1.2"]
    assert texts(lom, "lom:technical/lom:format") == ["application/pdf", "text/plain"]
    assert text(lom, "lom:technical/lom:size") == str(
        len(b"%PDF-1.4 exercices") + len(b"Le corrige.")
    )
    assert texts(lom, "lom:technical/lom:location") == [full_url(page)]
    contexts = [
        (text(c, "lom:source"), text(c, "lom:value"))
        for c in xpath(lom, "lom:educational/lom:context")
    ]
    assert contexts == [
        ("LOMv1.0", "higher education"),
        ("Ordres d'enseignement (Québec)", "Enseignement collégial – formation préuniversitaire"),
    ]
    assert text(lom, "lom:educational/lom:typicalLearningTime/lom:duration") == "PT90M"
    rights = xpath(lom, "lom:rights")[0]
    assert text(rights, "lom:cost/lom:value") == "no"
    assert text(rights, "lom:copyrightAndOtherRestrictions/lom:value") == "yes"
    assert text(rights, "lom:description/lom:string[@language='fr']") == (
        "CC BY-SA 4.0 — Attribution - Partage dans les Mêmes Conditions 4.0 International — "
        "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"
    )
    assert text(lom, "lom:relation/lom:kind/lom:value") == "isbasedon"
    assert text(lom, "lom:relation/lom:resource/lom:identifier/lom:entry") == full_url(source)
    discipline = xpath(lom, "lom:classification[lom:purpose/lom:value='discipline']")[0]
    assert texts(discipline, "lom:taxonPath/lom:taxon/lom:id") == ["201", "420"]
    assert (
        texts(discipline, "lom:taxonPath/lom:source/lom:string[@language='fr']")
        == ["Disciplines de l'enseignement collégial (codes officiels, Québec)"] * 2
    )
    assert texts(discipline, "lom:taxonPath/lom:taxon/lom:entry/lom:string[@language='en']") == [
        "Mathematics",
        "Computer Science",
    ]


def test_lom_classifies_the_competency_dimensions(oai, publish, committing):
    page = publish()
    page.dimensions = list(DigitalCompetencyDimension.objects.filter(number__in=(2, 5)))
    with committing():
        page.save_revision().publish()

    document = oai(verb="GetRecord", identifier=records.identifier(page.pk), metadataPrefix="lom")

    competency = xpath(document, "//lom:classification[lom:purpose/lom:value='competency']")[0]
    assert texts(competency, "lom:taxonPath/lom:taxon/lom:id") == ["2", "5"]
    assert (
        texts(competency, "lom:taxonPath/lom:source/lom:string[@language='fr']")
        == ["Cadre de référence de la compétence numérique (MEES, 2019)"] * 2
    )


def test_a_paid_resource_is_listed_with_its_metadata_never_its_files(oai, publish, make_member):
    author = make_member("Sophie Gagnon")
    page = publish(
        "Banque d'examens",
        authors=[author],
        licence=licences.ALL_RIGHTS_RESERVED_ID,
        price_cents=1250,
        files=(("examens.pdf", b"%PDF-1.4 examens"),),
    )
    identifier = records.identifier(page.pk)

    dc = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    lom = oai(verb="GetRecord", identifier=identifier, metadataPrefix="lom")

    assert texts(dc, "//oai:header/oai:setSpec") == [
        "discipline:201",
        f"licence:{licences.ALL_RIGHTS_RESERVED_ID}",
        "payant",
    ]
    assert texts(dc, "//dc:rights") == [
        "http://testserver/fr/conditions-utilisation/",
        "Tous droits réservés — licence d'utilisation",
        "All rights reserved — licence of use",
        "Ressource payante (12,50\u00a0$)\u00a0: les fichiers sont accessibles après l'achat.",
        "Paid resource ($12.50): files available after purchase.",
    ]
    assert text(lom, "//lom:rights/lom:cost/lom:value") == "yes"
    stored = page.files.get().file.name
    for document in (dc, lom):
        body = etree.tostring(document, encoding="unicode")
        assert "/telechargement/" not in body
        assert "examens.pdf" not in body
        assert stored not in body


def test_get_record_of_a_deleted_resource_is_its_header(oai, publish, committing):
    page = publish()
    with committing():
        ResourcePage.objects.get(pk=page.pk).delete()

    document = oai(verb="GetRecord", identifier=records.identifier(page.pk), metadataPrefix="lom")

    header = xpath(document, "//oai:record/oai:header")[0]
    assert header.get("status") == "deleted"
    assert texts(header, "oai:setSpec") == ["discipline:201", "licence:CC-BY-NC-SA-4.0", "rel"]
    assert not xpath(document, "//oai:metadata")
