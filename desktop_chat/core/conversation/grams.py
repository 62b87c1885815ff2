"""The search index's words: the characters and character pairs of a text (any script), and how a term
is looked up among them.

The trigram index (FTS5, `detail=none`: which documents hold a trigram, not where) cannot find a term
of 1-2 characters. `char_grams` lists, for a document, every distinct character and every pair of
adjacent characters inside a word (case folded), space-separated; the auxiliary index
`search_pairs` (FTS5 over those, tokenizer `ascii`, contentless, `detail=none`) then finds any term of
1-2 characters with one exact token: the term itself. A term never holds whitespace, so pairs across
whitespace are not listed.

The `ascii` tokenizer splits at ASCII punctuation and keeps every non-ASCII character: ASCII characters
that are neither letters nor digits are written as a private-use character (U+E000 + code) so that e.g.
`C#` and `.5` are tokens too. A real private-use character may thus stand for punctuation: search
checks every hit against the text, so that never shows a wrong hit.
"""

from __future__ import annotations

import itertools
import operator

SHORT_TERM = 2  # the longest term the pair index answers (longer ones use the trigram index)
TRIGRAM = 3

_ENCODE = {code: 0xE000 + code for code in range(128) if not chr(code).isalnum() and not chr(code).isspace()}


def fold(text: str) -> str:
    """Case folded, character by character (str.casefold: unlike lower, no rule depends on the
    neighbours, so a folded substring is a substring of the folded text)."""
    return text.casefold()


def char_grams(*texts: str | None) -> str:
    """The distinct characters and in-word character pairs of the texts, folded and encoded, sorted,
    space-separated (the document's tokens in `search_pairs`)."""
    grams: set[str] = set()
    for text in texts:
        if not text:
            continue
        for word in set(fold(text).split()):
            grams.update(word)
            grams.update(map(operator.add, word, word[1:]))
    return " ".join(sorted(grams)).translate(_ENCODE)


def pair_tokens(term: str) -> list[str]:
    """The tokens of `search_pairs` a document holding `term` (1-2 characters, no whitespace) has: the
    term itself, or, when folding lengthened it (e.g. 'İ'), all its pairs (a superset, checked later)."""
    folded = fold(term)
    if len(folded) <= SHORT_TERM:
        return [folded.translate(_ENCODE)]
    return sorted({(a + b).translate(_ENCODE) for a, b in itertools.pairwise(folded)})


def trigrams(term: str) -> list[str]:
    """The distinct trigrams of a term of 3+ characters: a document holding the term holds them all."""
    return sorted({term[i : i + TRIGRAM] for i in range(len(term) - TRIGRAM + 1)})
