"""Attribution (TASL) in French and English: credit lines, HTML, ATTRIBUTION.txt, LICENCE.txt.

In the expected French strings, "\u00a0" is the non-breaking space French typography puts
inside « guillemets » and before a colon.
"""

import html

import pytest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from resources.attribution import (
    MAX_ADAPTATION_LEVELS,
    Work,
    adaptation_chain,
    attribution_file,
    attribution_html,
    attribution_text,
    join_names,
    licence_file,
)

NBSP = "\u00a0"
URL = "https://boutique.apop.example/fr/ressources/suites/"


def work(authors=("Marie Tremblay",), url=URL, licence_id="CC-BY-NC-SA-4.0", **kwargs):
    return Work(title="Les suites", authors=authors, url=url, licence_id=licence_id, **kwargs)


# --- Authors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "lang", "expected"),
    [
        ((), "fr", "auteur inconnu"),
        ((), "en", "unknown author"),
        (("A",), "fr", "A"),
        (("A", "B"), "fr", "A et B"),
        (("A", "B"), "en", "A and B"),
        (("A", "B", "C"), "fr", "A, B et C"),
        (("A", "B", "C", "D"), "en", "A, B, C and D"),
        (("A", "  ", "C"), "fr", "A et C"),
    ],
)
def test_join_names(names, lang, expected):
    assert join_names(names, lang) == expected


# --- Plain text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("authors", "lang", "expected"),
    [
        (
            ("Marie Tremblay",),
            "fr",
            f"«{NBSP}Les suites{NBSP}» de Marie Tremblay, sous licence CC BY-NC-SA 4.0. "
            f"Source{NBSP}: {URL}",
        ),
        (
            ("Marie Tremblay", "Luc Gagnon"),
            "fr",
            f"«{NBSP}Les suites{NBSP}» de Marie Tremblay et Luc Gagnon, sous licence "
            f"CC BY-NC-SA 4.0. Source{NBSP}: {URL}",
        ),
        (
            ("Marie Tremblay", "Luc Gagnon", "Amina Diallo"),
            "fr",
            f"«{NBSP}Les suites{NBSP}» de Marie Tremblay, Luc Gagnon et Amina Diallo, sous "
            f"licence CC BY-NC-SA 4.0. Source{NBSP}: {URL}",
        ),
        (
            ("Marie Tremblay",),
            "en",
            f"“Les suites” by Marie Tremblay, licensed under CC BY-NC-SA 4.0. Source: {URL}",
        ),
        (
            ("Marie Tremblay", "Luc Gagnon"),
            "en",
            "“Les suites” by Marie Tremblay and Luc Gagnon, licensed under CC BY-NC-SA 4.0. "
            f"Source: {URL}",
        ),
        (
            ("Marie Tremblay", "Luc Gagnon", "Amina Diallo"),
            "en",
            "“Les suites” by Marie Tremblay, Luc Gagnon and Amina Diallo, licensed under "
            f"CC BY-NC-SA 4.0. Source: {URL}",
        ),
        (
            (),
            "fr",
            f"«{NBSP}Les suites{NBSP}» d'un auteur inconnu, sous licence CC BY-NC-SA 4.0. "
            f"Source{NBSP}: {URL}",
        ),
        (
            (),
            "en",
            f"“Les suites” by an unknown author, licensed under CC BY-NC-SA 4.0. Source: {URL}",
        ),
    ],
)
def test_attribution_text_with_one_two_three_authors(authors, lang, expected):
    assert attribution_text(work(authors=authors), lang) == expected


def test_attribution_text_defaults_to_french():
    assert attribution_text(work()) == attribution_text(work(), "fr")
    assert attribution_text(work(), "en-ca") == attribution_text(work(), "en")


def test_french_non_breaking_spaces_sit_inside_the_guillemets_and_before_the_colon():
    text = attribution_text(work(authors=("Luc",), url="https://x.org"), "fr")

    assert text == (
        f"«{NBSP}Les suites{NBSP}» de Luc, sous licence CC BY-NC-SA 4.0. Source{NBSP}: https://x.org"
    )
    assert [i for i, char in enumerate(text) if char == NBSP] == [1, 12, 59]
    assert text[0:2] == f"«{NBSP}"
    assert text[12:14] == f"{NBSP}»"
    assert text[53:61] == f"Source{NBSP}:"
    assert "« " not in text
    assert " »" not in text
    assert " :" not in text


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (("Amina Diallo",), "d'Amina Diallo"),
        (("Émile Roy", "Marie Tremblay"), "d'Émile Roy et Marie Tremblay"),
        (("Marie Tremblay", "Amina Diallo"), "de Marie Tremblay et Amina Diallo"),
        (("Hélène Roy",), "de Hélène Roy"),
        (("Yves Roy",), "de Yves Roy"),
    ],
)
def test_french_elides_de_before_a_vowel(authors, expected):
    text = attribution_text(work(authors=authors, url=""), "fr")

    assert text == f"«{NBSP}Les suites{NBSP}» {expected}, sous licence CC BY-NC-SA 4.0."


def test_attribution_text_without_url_has_no_source():
    assert attribution_text(work(url=""), "fr") == (
        f"«{NBSP}Les suites{NBSP}» de Marie Tremblay, sous licence CC BY-NC-SA 4.0."
    )
    assert attribution_text(work(url=""), "en") == (
        "“Les suites” by Marie Tremblay, licensed under CC BY-NC-SA 4.0."
    )


def test_cc0():
    cc0 = work(authors=("Luc",), url="", licence_id="CC0-1.0")

    assert attribution_text(cc0, "fr") == (
        f"«{NBSP}Les suites{NBSP}» de Luc, dédié au domaine public (CC0 1.0)."
    )
    assert (
        attribution_text(cc0, "en")
        == "“Les suites” by Luc, dedicated to the public domain (CC0 1.0)."
    )


def test_all_rights_reserved():
    reserved = work(authors=("Luc",), url="", licence_id="LicenseRef-APOP-All-Rights-Reserved")

    assert attribution_text(reserved, "fr") == (
        f"«{NBSP}Les suites{NBSP}» de Luc. Tous droits réservés; utilisation selon la licence "
        "d'utilisation de la boutique APOP."
    )
    assert attribution_text(reserved, "en") == (
        "“Les suites” by Luc. All rights reserved; used under the APOP boutique licence of use."
    )


def chain_of_two():
    original = Work(
        title="Suites et séries",
        authors=("Jean Roy",),
        url="https://openstax.example/series",
        licence_id="CC-BY-4.0",
    )
    translation = Work(
        title="Series",
        authors=("Ann Lee", "Bo Chen"),
        url="",
        licence_id="CC-BY-SA-4.0",
        adapted_from=original,
    )
    return Work(
        title="Les suites",
        authors=("Marie Tremblay",),
        url=URL,
        licence_id="CC-BY-SA-4.0",
        adapted_from=translation,
    )


def test_adaptation_chain_of_two_levels_in_french():
    assert attribution_text(chain_of_two(), "fr") == (
        f"«{NBSP}Les suites{NBSP}» de Marie Tremblay, sous licence CC BY-SA 4.0. "
        f"Source{NBSP}: {URL} "
        f"Adapté de «{NBSP}Series{NBSP}» d'Ann Lee et Bo Chen, sous licence CC BY-SA 4.0. "
        f"Lui-même adapté de «{NBSP}Suites et séries{NBSP}» de Jean Roy, sous licence CC BY 4.0. "
        f"Source{NBSP}: https://openstax.example/series"
    )


def test_adaptation_chain_of_two_levels_in_english():
    assert attribution_text(chain_of_two(), "en") == (
        f"“Les suites” by Marie Tremblay, licensed under CC BY-SA 4.0. Source: {URL} "
        "Adapted from “Series” by Ann Lee and Bo Chen, licensed under CC BY-SA 4.0. "
        "Itself adapted from “Suites et séries” by Jean Roy, licensed under CC BY 4.0. "
        "Source: https://openstax.example/series"
    )


def test_a_cyclic_adaptation_chain_stops_after_ten_levels():
    looped = Work(title="T", authors=("Luc",), url="", licence_id="CC-BY-4.0")
    object.__setattr__(looped, "adapted_from", looped)  # a data error: adapted from itself

    text = attribution_text(looped, "en")

    assert len(adaptation_chain(looped)) == MAX_ADAPTATION_LEVELS == 10
    assert text.count("Adapted from") == 1
    assert text.count("Itself adapted from") == 9


# --- HTML ---------------------------------------------------------------------------------------


def test_attribution_html_links_the_title_and_the_licence():
    result = attribution_html(work(authors=("Luc",)), "en")

    assert isinstance(result, SafeString)
    assert result == (
        f'“<a href="{URL}">Les suites</a>” by Luc, licensed under '
        '<a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.en" rel="license">'
        f'CC BY-NC-SA 4.0</a>. Source: <a href="{URL}">{URL}</a>'
    )


def test_attribution_html_links_the_french_deed_in_french():
    result = attribution_html(work(authors=("Luc",), url=""), "fr")

    assert result == (
        f"«{NBSP}Les suites{NBSP}» de Luc, sous licence "
        '<a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr" rel="license">'
        "CC BY-NC-SA 4.0</a>."
    )


def test_attribution_html_escapes_every_field():
    hostile = Work(
        title="<script>alert(1)</script> & co",
        authors=("Tom & Jerry", '"Bob" <b>'),
        url='https://x.org/?a=1&b="2"',
        licence_id="CC-BY-4.0",
    )

    result = attribution_html(hostile, "en")

    assert result == (
        '“<a href="https://x.org/?a=1&amp;b=&quot;2&quot;">'
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a>” "
        "by Tom &amp; Jerry and &quot;Bob&quot; &lt;b&gt;, licensed under "
        '<a href="https://creativecommons.org/licenses/by/4.0/deed.en" rel="license">CC BY 4.0</a>. '
        'Source: <a href="https://x.org/?a=1&amp;b=&quot;2&quot;">'
        "https://x.org/?a=1&amp;b=&quot;2&quot;</a>"
    )
    assert "<script>" not in result


def test_attribution_html_does_not_link_a_javascript_url():
    hostile = Work(title="T", authors=("Luc",), url="javascript:alert(1)", licence_id="CC-BY-4.0")

    result = attribution_html(hostile, "en")

    assert result == (
        "“T” by Luc, licensed under "
        '<a href="https://creativecommons.org/licenses/by/4.0/deed.en" rel="license">CC BY 4.0</a>. '
        "Source: javascript:alert(1)"
    )


def test_attribution_html_of_all_rights_reserved_links_our_licence_of_use():
    reserved = work(authors=("Luc",), url="", licence_id="LicenseRef-APOP-All-Rights-Reserved")

    assert attribution_html(reserved, "fr") == (
        f"«{NBSP}Les suites{NBSP}» de Luc. Tous droits réservés; utilisation selon la "
        '<a href="/fr/conditions-utilisation/" rel="license">licence d&#x27;utilisation</a> '
        "de la boutique APOP."
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_attribution_html_says_what_the_text_says(lang):
    hostile = Work(
        title="<script>x</script> & y",
        authors=("A & B",),
        url="https://x.org/?a=1&b=2",
        licence_id="CC0-1.0",
        adapted_from=chain_of_two(),
    )

    assert html.unescape(strip_tags(attribution_html(hostile, lang))) == attribution_text(
        hostile, lang
    )


# --- Files --------------------------------------------------------------------------------------


def test_attribution_file():
    content = attribution_file(chain_of_two())

    assert content == (
        f"Titre{NBSP}: Les suites\n"
        f"Auteur(s){NBSP}: Marie Tremblay\n"
        f"Source{NBSP}: {URL}\n"
        f"Licence{NBSP}: CC BY-SA 4.0 — Attribution - Partage dans les Mêmes Conditions "
        "4.0 International\n"
        f"Résumé de la licence{NBSP}: https://creativecommons.org/licenses/by-sa/4.0/deed.fr\n"
        f"Adapté de{NBSP}: «{NBSP}Series{NBSP}» d'Ann Lee et Bo Chen, sous licence CC BY-SA 4.0.\n"
        f"Lui-même adapté de{NBSP}: «{NBSP}Suites et séries{NBSP}» de Jean Roy, sous licence "
        f"CC BY 4.0. Source{NBSP}: https://openstax.example/series\n"
        "\n"
        f"Pour citer cette ressource{NBSP}:\n"
        f"{attribution_text(chain_of_two(), 'fr')}\n"
        "----\n"
        "Title: Les suites\n"
        "Author(s): Marie Tremblay\n"
        f"Source: {URL}\n"
        "License: CC BY-SA 4.0 — Attribution-ShareAlike 4.0 International\n"
        "License deed: https://creativecommons.org/licenses/by-sa/4.0/deed.en\n"
        "Adapted from: “Series” by Ann Lee and Bo Chen, licensed under CC BY-SA 4.0.\n"
        "Itself adapted from: “Suites et séries” by Jean Roy, licensed under CC BY 4.0. "
        "Source: https://openstax.example/series\n"
        "\n"
        "To credit this resource:\n"
        f"{attribution_text(chain_of_two(), 'en')}\n"
    )


def test_attribution_file_of_all_rights_reserved_makes_our_licence_page_absolute():
    reserved = work(url="", authors=(), licence_id="LicenseRef-APOP-All-Rights-Reserved")

    content = attribution_file(reserved, site_url="https://boutique.apop.example/")

    assert content.splitlines()[:5] == [
        f"Titre{NBSP}: Les suites",
        f"Auteur(s){NBSP}: auteur inconnu",
        f"Source{NBSP}: inconnue",
        f"Licence{NBSP}: Tous droits réservés — licence d'utilisation",
        f"Résumé de la licence{NBSP}: https://boutique.apop.example/fr/conditions-utilisation/",
    ]
    assert content.splitlines()[9:13] == [
        "Title: Les suites",
        "Author(s): unknown author",
        "Source: unknown",
        "License: All rights reserved — licence of use",
    ]


def test_licence_file():
    content = licence_file("CC-BY-NC-SA-4.0")

    assert content == (
        f"Licence{NBSP}: CC BY-NC-SA 4.0\n"
        "Attribution - Pas d'Utilisation Commerciale - Partage dans les Mêmes Conditions "
        "4.0 International\n"
        f"Identifiant SPDX{NBSP}: CC-BY-NC-SA-4.0\n"
        f"Résumé de la licence{NBSP}: https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr\n"
        f"Texte juridique{NBSP}: https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode.fr\n"
        "\n"
        f"Ce que la licence permet{NBSP}:\n"
        "Vous pouvez copier, adapter et partager cette ressource, sauf à des fins commerciales, "
        "à condition d'en citer l'auteur et de partager vos adaptations sous la même licence.\n"
        "\n"
        f"Conditions{NBSP}:\n"
        "- Attribution requise\n"
        "- Pas d'usage commercial\n"
        "- Partage dans les mêmes conditions\n"
        "----\n"
        "License: CC BY-NC-SA 4.0\n"
        "Attribution-NonCommercial-ShareAlike 4.0 International\n"
        "SPDX identifier: CC-BY-NC-SA-4.0\n"
        "License deed: https://creativecommons.org/licenses/by-nc-sa/4.0/deed.en\n"
        "Legal code: https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode.en\n"
        "\n"
        "What the license allows:\n"
        "You may copy, adapt and share this resource, except for commercial purposes, as long "
        "as you credit the author and share your adaptations under the same licence.\n"
        "\n"
        "Conditions:\n"
        "- Attribution required\n"
        "- No commercial use\n"
        "- Share adaptations under the same licence\n"
    )


def test_licence_file_of_an_unknown_licence_raises_key_error():
    with pytest.raises(KeyError, match="Unknown licence id 'MIT'"):
        licence_file("MIT")
