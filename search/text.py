"""Text helpers shared by both search implementations: accent folding, the light plural rule
of the database fallback, and highlighting of matched words."""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_LENGTH = 200  # characters kept of a query; the rest is noise (and a cost)
MAX_QUERY_WORDS = 12


@lru_cache(maxsize=8192)  # folding runs per character of every indexed text: cache it
def fold_char(char: str) -> str:
    """One character, lower-cased and without its accent (exactly one character out, so that
    positions in the folded text are positions in the original)."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return decomposed[0] if decomposed else char


def fold(text: str) -> str:
    """Lower case, accents removed: « Mathématiques » → « mathematiques »."""
    return "".join(fold_char(char) for char in text)


# Words that never decide whether a resource matches (the engine's analyzers drop the same).
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their "
    "then there these they this to was will with au aux avec ce ces dans de des du elle en et "
    "eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas "
    "pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s "
    "t y".split()
)


# A course number as teachers type it: « 202-NYA-05 », « 202NYA05 », « 202 nya 05 ». Without
# hyphens it must hold a letter, so that three numbers in a row stay three numbers.
COURSE_NUMBER_RE = re.compile(
    r"(?<![\w-])([0-9]{3})([\s-]{0,3})([A-Za-z0-9]{3})([\s-]{0,3})([A-Za-z0-9]{2})(?![\w-])"
)


def compact_course_numbers(query: str) -> str:
    """Course numbers of a query in the compact form the index holds (« 202NYA05 »), whatever
    the hyphens and spaces people typed; the rest of the query unchanged."""

    def compact(match: re.Match) -> str:
        digits, first, middle, second, suffix = match.groups()
        hyphenated = first.strip() == "-" and second.strip() == "-"
        if not hyphenated and not re.search(r"[A-Za-z]", middle + suffix):
            return match.group(0)
        return f"{digits}{middle}{suffix}".upper()

    return COURSE_NUMBER_RE.sub(compact, query)


def query_words(query: str) -> list[str]:
    """The folded words of a query, Lucene syntax, punctuation and stop words dropped; course
    numbers as one word (« 202nya05 »)."""
    folded = fold(compact_course_numbers(query))
    words = [word for word in WORD_RE.findall(folded) if word not in STOPWORDS]
    return words[:MAX_QUERY_WORDS]


def singular(word: str) -> str:
    """A light French/English plural rule for substring matching: « exercices » → « exercice »."""
    if len(word) >= 5 and word[-1] in "sx":
        return word[:-1]
    return word


def clean_query(raw: str) -> str:
    """The query as kept: whitespace collapsed, control characters dropped (a NUL cannot even
    reach PostgreSQL), at most MAX_QUERY_LENGTH characters."""
    words = " ".join(raw.split())
    if not words.isprintable():
        words = "".join(char for char in words if unicodedata.category(char) not in ("Cc", "Cs"))
    return words[:MAX_QUERY_LENGTH].strip()


def highlight(text: str, words: list[str]) -> str:
    """`text` escaped, with every occurrence of one of the folded `words` wrapped in <mark>, to
    the end of the word it starts."""
    if not words:
        return escape(text)
    folded = fold(text)
    spans = []
    for word in {singular(word) for word in words if word}:
        start = folded.find(word)
        while start != -1:
            # To the end of the word: « calculus » searched as « calculu » marks all of
            # « Calculus », as the engine's highlighter marks whole words.
            end = start + len(word)
            while end < len(folded) and folded[end].isalnum():
                end += 1
            spans.append((start, end))
            start = folded.find(word, end)
    if not spans:
        return escape(text)
    spans.sort()
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, cursor = [], 0
    for start, end in merged:
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return "".join(parts)
