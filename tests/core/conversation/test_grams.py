"""The pair index's tokens: every character and in-word pair of any script, folded; a term's lookup."""

from __future__ import annotations

from desktop_chat.core.conversation.grams import char_grams, pair_tokens, trigrams


def test_a_document_lists_each_character_and_each_pair_inside_its_words_once() -> None:
    tokens = set(char_grams("사과 Tree", None, "木の").split())
    assert {"사", "과", "사과", "t", "r", "e", "tr", "re", "ee", "木", "の", "木の"} == tokens
    assert "과 " not in tokens and "과t" not in tokens  # no pair across whitespace
    assert char_grams("", None) == ""


def test_punctuation_is_a_token_too_and_terms_look_up_what_documents_list() -> None:
    tokens = set(char_grams("C# and 3.5").split())
    for term in ["C#", "#", ".5", "3.", ".", "c", "an"]:
        assert set(pair_tokens(term)) <= tokens, term
    for term in ["#a", "5.", "ca"]:
        assert not set(pair_tokens(term)) <= tokens, term
    assert all(len(token) <= 2 for token in tokens)


def test_a_term_that_folding_lengthens_is_looked_up_by_its_pairs() -> None:
    assert pair_tokens("İ") == ["i\u0307"]  # "İ" folds to two characters: one pair
    assert pair_tokens("İx") == ["i\u0307", "\u0307x"]  # three: its two pairs
    assert set(pair_tokens("İx")) <= set(char_grams("İxy").split())


def test_trigrams_of_a_term() -> None:
    assert trigrams("database") == ["aba", "ase", "ata", "bas", "dat", "tab"]
    assert trigrams("abcabc") == ["abc", "bca", "cab"]
