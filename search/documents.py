"""The search index: one elasticsearch-dsl Document for published resources and collections.

Text is indexed three ways: with a French analyzer (elision, lowercase, asciifolding, light
French stemmer) when the resource is in French, with an English one when it is in English, and
always in an accent-folded field, so that « mathematiques » finds « Mathématiques » and a French
word typed in an English resource's search still matches. Keyword fields carry the facets;
numbers and dates the sorts; `suggest` the header's autocomplete."""

from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    MetaField,
    Text,
    analyzer,
    token_filter,
)

french_elision = token_filter(
    "apop_french_elision",
    "elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stop = token_filter("apop_french_stop", "stop", stopwords="_french_")
english_stop = token_filter("apop_english_stop", "stop", stopwords="_english_")
french_stemmer = token_filter("apop_french_stemmer", "stemmer", language="light_french")
english_stemmer = token_filter("apop_english_stemmer", "stemmer", language="english")
english_possessive = token_filter(
    "apop_english_possessive", "stemmer", language="possessive_english"
)

FRENCH = analyzer(
    "apop_french",
    tokenizer="standard",
    filter=[french_elision, "lowercase", french_stop, "asciifolding", french_stemmer],
)
ENGLISH = analyzer(
    "apop_english",
    tokenizer="standard",
    filter=[english_possessive, "lowercase", english_stop, "asciifolding", english_stemmer],
)
# Both languages' stop words, so that « les » or « the » never decides whether a resource matches.
FOLDED = analyzer(
    "apop_folded",
    tokenizer="standard",
    filter=[french_elision, "lowercase", french_stop, english_stop, "asciifolding"],
)
# Autocomplete keeps every word (a title may start with « La »), folded.
SUGGEST = analyzer("apop_suggest", tokenizer="standard", filter=["lowercase", "asciifolding"])

# The text fields and their weight in a query: title > summary > tags > description.
TEXT_FIELDS = {"title": 8, "summary": 4, "tags": 2, "disciplines_text": 2, "description": 1}
LANGUAGES = ("fr", "en")


def _text_fields():
    fields = {}
    for name in TEXT_FIELDS:
        fields[name] = Text(analyzer=FOLDED)
        fields[f"{name}_fr"] = Text(analyzer=FRENCH)
        fields[f"{name}_en"] = Text(analyzer=ENGLISH)
    return fields


class ResourceDocument(Document):
    """A published resource (kind "resource") or collection (kind "collection")."""

    kind = Keyword()
    path = Keyword(index=False)  # the page's path below the site root, e.g. ressources/x/
    title_sort = Keyword()
    # The page's id: the newest-first order's tie-break, as the database search's (a number: a
    # string tie-break made deep pages slow, each hit above the page carrying its title).
    pk = Integer()
    language = Keyword()
    disciplines = Keyword()
    courses = Keyword()  # numbers, « 201-NYA-05 »
    courses_text = Text(analyzer=FOLDED)  # numbers hyphenated and compact, titles
    levels = Keyword()
    types = Keyword()
    dimensions = Keyword()
    licence = Keyword()
    price_bucket = Keyword()  # gratuit / payant
    authors = Keyword()
    author_names = Text(analyzer=FOLDED)
    formats = Keyword()  # « PDF », « DOCX »
    page_count = Integer()
    price_cents = Integer()
    member_price_cents = Integer()
    rating_average = Float()
    rating_count = Integer()
    download_count = Integer()
    popularity = Integer()
    is_validated = Boolean()
    published = Date()
    updated = Keyword()  # the page's last change, to tell stale documents (`--check`)
    suggest = Completion(analyzer=SUGGEST, search_analyzer=SUGGEST, max_input_length=100)

    class Meta:
        dynamic = MetaField("false")  # anything else in a document is kept, not indexed


for _name, _field in _text_fields().items():
    ResourceDocument._doc_type.mapping.field(_name, _field)


def index_body() -> dict:
    """Settings and mappings of a new index (one shard: the catalogue is small)."""
    index = Index("apop-resources-template")
    index.settings(number_of_shards=1, number_of_replicas=0, refresh_interval="1s")
    index.document(ResourceDocument)
    return index.to_dict()
