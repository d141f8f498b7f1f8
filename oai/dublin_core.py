"""The `oai_dc` format: unqualified Dublin Core as the OAI-PMH 2.0 specification binds it."""

from django.utils import translation
from lxml import etree

from core.formats import money
from resources.licences import NBSP

from .metadata import ResourceMetadata, licence_label

PREFIX = "oai_dc"
NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

PUBLISHER = (
    "APOP — Association pour les applications pédagogiques de l'ordinateur au postsecondaire"
)

# DCMI Type Vocabulary, from the files' types: what a harvester sorts resources by.
_DCMI_TYPES = (
    ("video/", "MovingImage"),
    ("audio/", "Sound"),
    ("image/", "StillImage"),
    ("text/", "Text"),
    ("application/pdf", "Text"),
    ("application/vnd.oasis.opendocument.text", "Text"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml", "Text"),
    ("application/vnd.oasis.opendocument.presentation", "Text"),
    ("application/vnd.openxmlformats-officedocument.presentationml", "Text"),
    ("application/vnd.oasis.opendocument.spreadsheet", "Dataset"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml", "Dataset"),
    ("application/zip", "Collection"),
)


def dcmi_types(formats) -> list[str]:
    found = []
    for content_type in formats:
        kind = next((k for prefix, k in _DCMI_TYPES if content_type.startswith(prefix)), None)
        kind = kind or "InteractiveResource"
        if kind not in found:
            found.append(kind)
    return found


def paid_notice(price_cents: int) -> dict[str, str]:
    """What dc:rights says of a paid resource, in French and in English."""
    texts = {}
    for lang, text in (
        (
            "fr",
            f"Ressource payante ({{price}}){NBSP}: les fichiers sont accessibles après l'achat.",
        ),
        ("en", "Paid resource ({price}): files available after purchase."),
    ):
        with translation.override(lang):
            texts[lang] = text.format(price=money(price_cents))
    return texts


def element(resource: ResourceMetadata) -> etree._Element:
    root = etree.Element(
        f"{{{NAMESPACE}}}dc",
        nsmap={"oai_dc": NAMESPACE, "dc": DC, "xsi": XSI},
    )
    root.set(f"{{{XSI}}}schemaLocation", f"{NAMESPACE} {SCHEMA}")

    def add(name: str, text: str, lang: str | None = None) -> None:
        if text:
            child = etree.SubElement(root, f"{{{DC}}}{name}")
            child.text = text
            if lang:
                child.set(XML_LANG, lang)

    lang = resource.language
    add("title", resource.title, lang)
    for name in resource.authors:
        add("creator", name)
    for term in resource.disciplines:
        add("subject", term.name_fr, "fr")
        add("subject", term.name_en, "en")
        add("subject", term.code)
    for keyword in resource.keywords:
        add("subject", keyword, lang)
    add("description", resource.summary, lang)
    add("description", resource.description, lang)
    add("publisher", PUBLISHER, "fr")
    if resource.published:
        add("date", resource.published.isoformat())
    for kind in dcmi_types(resource.formats):
        add("type", kind)
    for term in resource.types:
        add("type", term.name_fr, "fr")
    for content_type in resource.formats:
        add("format", content_type)
    add("identifier", resource.url)
    add("language", lang)
    if resource.adapted_from is not None:
        source = resource.adapted_from
        add("source", source.url or source.title)
        for relation_lang in ("fr", "en"):
            add("relation", relation_text("source", source, relation_lang), relation_lang)
    for adaptation in resource.adaptations:
        for relation_lang in ("fr", "en"):
            add("relation", relation_text("adaptation", adaptation, relation_lang), relation_lang)
    licence = resource.licence
    add("rights", resource.rights_url)
    add("rights", licence_label(licence, "fr"), "fr")
    add("rights", licence_label(licence, "en"), "en")
    if resource.is_paid:
        for notice_lang, text in paid_notice(resource.price_cents).items():
            add("rights", text, notice_lang)
    return root


_RELATIONS = {
    # kind → {language: label}
    "source": {"fr": f"Adapté de{NBSP}:", "en": "Adapted from:"},
    "adaptation": {"fr": f"A une adaptation{NBSP}:", "en": "Has adaptation:"},
}


def relation_text(kind: str, work, lang: str) -> str:
    """« Adapté de : « Titre » https://… » — a relation a person can read, with its address."""
    title = f"«{NBSP}{work.title}{NBSP}»" if lang == "fr" else f"\u201c{work.title}\u201d"
    return " ".join(part for part in (_RELATIONS[kind][lang], title, work.url) if part)
