"""The `lom` format: IEEE LOM (1484.12.1) in its XML binding (1484.12.3), filled as Quebec's
application profile, Normetic, asks: general, life cycle (contributors as vCard 3.0), meta-
metadata, technical, educational (context = ordre d'enseignement), rights (cost, copyright, the
licence), relations (adapted from / adapted into) and classifications (discipline with its
official code, digital competency dimensions).

Vocabularies: LOMv1.0 values wherever LOM has one; the Quebec terms (ordres d'enseignement,
resource types) travel beside them under their own source, which is why the binding's
loose-vocabulary composite schema (lomLoose.xsd) is the one announced."""

from lxml import etree

from .dublin_core import PUBLISHER, paid_notice
from .metadata import ResourceMetadata, licence_label

PREFIX = "lom"
NAMESPACE = "http://ltsc.ieee.org/xsd/LOM"
SCHEMA = "http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LOM_VOCABULARY = "LOMv1.0"
PROFILE = "NORMETICv1.2"

DISCIPLINE_SOURCE = {
    "fr": "Disciplines de l'enseignement collégial (codes officiels, Québec)",
    "en": "Quebec college disciplines (official codes)",
}
COMPETENCY_SOURCE = {
    "fr": "Cadre de référence de la compétence numérique (MEES, 2019)",
    "en": "Digital Competency Framework (MEES, 2019)",
}
LEVEL_SOURCE = "Ordres d'enseignement (Québec)"
TYPE_SOURCE = "Types de ressources (APOP)"

# Ordres d'enseignement → LOMv1.0 educational context (5.6).
_CONTEXTS = {
    "prescolaire": "school",
    "primaire": "school",
    "secondaire": "school",
    "fp": "training",
    "fga": "training",
    "collegial_preuniversitaire": "higher education",
    "collegial_technique": "higher education",
    "universitaire": "higher education",
}
# Our resource types → LOMv1.0 learning resource types (5.2), where one fits.
_RESOURCE_TYPES = {
    "notes-de-cours": "narrative text",
    "exercices": "exercise",
    "evaluation": "exam",
    "presentation": "slide",
    "laboratoire": "experiment",
    "simulation": "simulation",
    "manuel": "narrative text",
    "etude-de-cas": "problem statement",
}


def _sub(parent, name: str, text: str | None = None, **attributes) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NAMESPACE}}}{name}", **attributes)
    if text is not None:
        child.text = text
    return child


def _lang_string(parent, name: str, texts: dict[str, str]) -> etree._Element | None:
    """<name><string language="fr">…</string>…</name>, skipping empty texts."""
    texts = {lang: text for lang, text in texts.items() if text}
    if not texts:
        return None
    holder = _sub(parent, name)
    for lang, text in texts.items():
        _sub(holder, "string", text, language=lang)
    return holder


def _vocabulary(parent, name: str, value: str, source: str = LOM_VOCABULARY) -> None:
    holder = _sub(parent, name)
    _sub(holder, "source", source)
    _sub(holder, "value", value)


def vcard(name: str, organisation: bool = False) -> str:
    """A vCard 3.0 (RFC 2426) for a person known by one display name, or an organisation. The
    family name is taken to be the last word of a person's name: it is all we know."""
    escaped = _vcard_text(name)
    if organisation:
        structured = ";;;;"
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escaped}", f"N:{structured}", f"ORG:{escaped}"]
    else:
        given, _space, family = name.strip().rpartition(" ")
        structured = f"{_vcard_text(family)};{_vcard_text(given)};;;"
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escaped}", f"N:{structured}"]
    return "\r\n".join([*lines, "END:VCARD"])


def _vcard_text(text: str) -> str:
    for char in ("\\", ",", ";"):
        text = text.replace(char, f"\\{char}")
    return " ".join(text.split())


def _contribute(parent, role: str, entities: list[str], when, organisation=False) -> None:
    contribute = _sub(parent, "contribute")
    _vocabulary(contribute, "role", role)
    for entity in entities:
        _sub(contribute, "entity", vcard(entity, organisation))
    if when:
        _sub(_sub(contribute, "date"), "dateTime", when.isoformat())


def element(resource: ResourceMetadata, oai_identifier: str) -> etree._Element:
    root = etree.Element(f"{{{NAMESPACE}}}lom", nsmap={None: NAMESPACE, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{NAMESPACE} {SCHEMA}")
    lang = resource.language
    _general(root, resource, lang)
    life_cycle = _sub(root, "lifeCycle")
    if resource.authors:
        _contribute(life_cycle, "author", resource.authors, resource.published)
    _contribute(life_cycle, "publisher", [PUBLISHER], resource.published, organisation=True)
    _meta_metadata(root, oai_identifier, resource)
    technical = _sub(root, "technical")
    for content_type in resource.formats:
        _sub(technical, "format", content_type)
    if resource.formats:
        _sub(technical, "size", str(resource.size))
    # The resource's page, never a file: files are delivered by the site, to whom may have them.
    _sub(technical, "location", resource.url)
    _educational(root, resource, lang)
    _rights(root, resource)
    _relations(root, resource)
    _classifications(root, resource)
    return root


def _general(root, resource: ResourceMetadata, lang: str) -> None:
    general = _sub(root, "general")
    identifier = _sub(general, "identifier")
    _sub(identifier, "catalog", "URI")
    _sub(identifier, "entry", resource.url)
    _lang_string(general, "title", {lang: resource.title})
    _sub(general, "language", lang)
    _lang_string(general, "description", {lang: resource.summary})
    _lang_string(general, "description", {lang: resource.description})
    for keyword in resource.keywords:
        _lang_string(general, "keyword", {lang: keyword})


def _meta_metadata(root, oai_identifier: str, resource: ResourceMetadata) -> None:
    meta = _sub(root, "metaMetadata")
    identifier = _sub(meta, "identifier")
    _sub(identifier, "catalog", "oai")
    _sub(identifier, "entry", oai_identifier)
    _contribute(meta, "creator", [PUBLISHER], resource.modified, organisation=True)
    _sub(meta, "metadataSchema", LOM_VOCABULARY)
    _sub(meta, "metadataSchema", PROFILE)
    _sub(meta, "language", "fr")


def _educational(root, resource: ResourceMetadata, lang: str) -> None:
    educational = _sub(root, "educational")
    for term in resource.types:
        if term.code in _RESOURCE_TYPES:
            _vocabulary(educational, "learningResourceType", _RESOURCE_TYPES[term.code])
        _vocabulary(educational, "learningResourceType", term.name_fr, TYPE_SOURCE)
    contexts = []
    for term in resource.levels:
        context = _CONTEXTS.get(term.code, "other")
        if context not in contexts:
            contexts.append(context)
            _vocabulary(educational, "context", context)
        _vocabulary(educational, "context", term.name_fr, LEVEL_SOURCE)
    if resource.duration_minutes:
        _sub(
            _sub(educational, "typicalLearningTime"), "duration", f"PT{resource.duration_minutes}M"
        )
    _sub(educational, "language", lang)


def _rights(root, resource: ResourceMetadata) -> None:
    rights = _sub(root, "rights")
    licence = resource.licence
    _vocabulary(rights, "cost", "yes" if resource.is_paid else "no")
    # CC0 waives the author's rights; every other licence is a copyright licence.
    restricted = "no" if licence.is_public_domain else "yes"
    _vocabulary(rights, "copyrightAndOtherRestrictions", restricted)
    texts = {
        lang: f"{licence_label(licence, lang)} — {resource.rights_url}" for lang in ("fr", "en")
    }
    if resource.is_paid:
        for lang, notice in paid_notice(resource.price_cents).items():
            texts[lang] = f"{texts[lang]}. {notice}"
    _lang_string(rights, "description", texts)


def _relations(root, resource: ResourceMetadata) -> None:
    pairs = [("isbasedon", resource.adapted_from)] if resource.adapted_from else []
    pairs += [("isbasisfor", adaptation) for adaptation in resource.adaptations]
    for kind, work in pairs:
        relation = _sub(root, "relation")
        _vocabulary(relation, "kind", kind)
        target = _sub(relation, "resource")
        if work.url:
            identifier = _sub(target, "identifier")
            _sub(identifier, "catalog", "URI")
            _sub(identifier, "entry", work.url)
        _lang_string(target, "description", {"fr": work.title})


def _classifications(root, resource: ResourceMetadata) -> None:
    for purpose, source, terms in (
        ("discipline", DISCIPLINE_SOURCE, resource.disciplines),
        ("competency", COMPETENCY_SOURCE, resource.dimensions),
    ):
        if not terms:
            continue
        classification = _sub(root, "classification")
        _vocabulary(classification, "purpose", purpose)
        for term in terms:
            path = _sub(classification, "taxonPath")
            _lang_string(path, "source", source)
            taxon = _sub(path, "taxon")
            _sub(taxon, "id", term.code)
            _lang_string(taxon, "entry", {"fr": term.name_fr, "en": term.name_en})
