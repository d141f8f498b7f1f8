"""The database search's highlights (search/text.py): escaped text, each searched word marked
from where it starts to the end of its word, as the engine's highlighter marks whole words."""

import pytest

from search.text import highlight


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # The plural rule searches « calculu »: the whole word is still marked.
        (
            "Limits for Differential Calculus: limits",
            ["calculus"],
            "Limits for Differential <mark>Calculus</mark>: limits",
        ),
        ("Calcul différentiel", ["calcul"], "<mark>Calcul</mark> différentiel"),
        # Folded: accents and case do not matter; the original's letters are kept.
        ("Les Mathématiques", ["mathematique"], "Les <mark>Mathématiques</mark>"),
        ("exercices et exercice", ["exercices"], "<mark>exercices</mark> et <mark>exercice</mark>"),
        # Two words inside one word: one mark.
        ("programmation", ["prog", "programmation"], "<mark>programmation</mark>"),
        # Escaped, marks only around what matched.
        ("<b>Chimie</b> & co", ["chimie"], "&lt;b&gt;<mark>Chimie</mark>&lt;/b&gt; &amp; co"),
        ("Biologie", ["chimie"], "Biologie"),
        ("Biologie", [], "Biologie"),
    ],
)
def test_highlight_marks_whole_words(text, words, expected):
    assert highlight(text, words) == expected
