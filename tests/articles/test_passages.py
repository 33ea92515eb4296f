"""Cutting an article's text into passages for search excerpts (articles/passages.py)."""

import random

import pytest

from articles import passages


def sentence(words: int, mark: str = ".") -> str:
    return " ".join(["mot"] * words) + mark


def assert_cover(text, found):
    """In order, end to end, none empty, none past the longest."""
    assert found[0][0] == 0 and found[-1][1] == len(text)
    for (_start, stop), (following, _stop) in zip(found, found[1:], strict=False):
        assert stop == following
    for start, stop in found:
        assert 0 < stop - start <= passages.LONGEST


def test_no_text_no_passage():
    assert passages.bounds("") == []


def test_a_short_text_is_one_passage():
    assert passages.bounds("Une phrase.") == [(0, 11)]


def test_passages_end_at_sentence_ends():
    text = " ".join(sentence(20) for _ in range(12))  # 80 characters each
    found = passages.bounds(text)
    assert_cover(text, found)
    for start, stop in found[:-1]:
        assert passages.LENGTH <= stop - start
        assert text[start:stop].rstrip().endswith(".")


@pytest.mark.parametrize("mark", ["!", "?", "…", ".»", "?”", '."', ".)"])
def test_other_sentence_ends(mark):
    text = " ".join(sentence(90, mark) for _ in range(3))  # 360 characters each
    found = passages.bounds(text)
    assert [text[start:stop].rstrip()[-len(mark) :] for start, stop in found] == [mark] * 2


def test_an_abbreviation_inside_a_word_does_not_end_a_sentence():
    text = "Le P.-D.G. de la S.A.R.L. a parlé."  # no space after most marks
    assert passages.bounds(text) == [(0, len(text))]


def test_a_sentence_longer_than_the_longest_is_cut_at_spaces():
    text = sentence(700)  # 2,800 characters, one sentence
    found = passages.bounds(text)
    assert_cover(text, found)
    assert all(text[stop - 1] == " " for _start, stop in found[:-1])


def test_a_word_longer_than_the_longest_is_cut_anyway():
    text = "x" * 2000
    found = passages.bounds(text)
    assert_cover(text, found)
    assert found[0] == (0, passages.LONGEST)


def test_random_texts_are_always_covered():
    rng = random.Random(8)
    alphabet = "abcdé ,.!?…»\n\t"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3000)))
        assert_cover(text, passages.bounds(text))


def test_offsets_count_characters_as_the_database_does():
    """PostgreSQL's substr counts characters, not bytes: so do Python's offsets."""
    text = "Ça été écrit à Ouagadougou. " * 30
    for start, stop in passages.bounds(text):
        assert text[start:stop].startswith("Ça")
