"""Search excerpts cut and marked in Python (articles/excerpts.py): words by their stem."""

import pytest

from articles.excerpts import LENGTH, START, STOP, Marker, stem, tokens


def shown(marked: str) -> str:
    return marked.replace(START, "[").replace(STOP, "]")


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("sécurité", ["Sécurité", "SÉCURITÉ", "securite"]),
        ("marché", ["marchés", "Marché", "marches"]),
        ("chevaux", ["cheval"]),
        ("cœur", ["coeur", "Cœur", "CŒUR"]),
        ("économie", ["économies", "Economie"]),
        ("œuvre", ["oeuvre", "Œuvres", "OEUVRE", "œuvres"]),
    ],
)
def test_every_form_of_a_word_is_marked(word, forms):
    marker = Marker([word])
    for form in forms:
        assert shown(marker.excerpt(f"Ici, {form}.", later=False)) == f"Ici, [{form}]."


def test_other_words_that_start_alike_are_not_marked():
    marked = shown(Marker(["marché"]).excerpt("Le marchand va au marché, mardi.", later=False))
    assert marked == "Le marchand va au [marché], mardi."


def test_a_word_is_marked_whole_never_inside_another():
    text = "Au supermarché, l'Économie du marché et l’économie."
    marked = shown(Marker(["marché", "économie"]).excerpt(text, later=False))
    assert marked == "Au supermarché, l'[Économie] du [marché] et l’[économie]."


def test_words_are_marked_at_the_start_of_the_text_and_after_any_mark():
    text = "Marché: «marché», (Marchés) l'œuvre-marché 2marché"
    marked = shown(Marker(["marché", "œuvre"]).excerpt(text, later=False))
    assert marked == "[Marché]: «[marché]», ([Marchés]) l'[œuvre]-[marché] 2marché"


def test_a_late_match_is_shown_with_what_comes_before_it():
    text = "Les pluies ont rempli les barrages. " * 12 + "Le convoi a franchi la frontière."
    marked = shown(Marker(["frontière"]).excerpt(text, later=False))
    assert marked.startswith("… ") and "[frontière]" in marked
    assert len(marked) <= LENGTH + 10


def test_a_long_text_is_cut_at_a_word_and_says_so():
    text = "La frontière rouvre. " + "Les pluies ont rempli les barrages. " * 12
    marked = Marker(["frontière"]).excerpt(text, later=False)
    assert shown(marked).startswith("La [frontière] rouvre.") and marked.endswith(" …")
    kept = marked.removesuffix(" …").replace(START, "").replace(STOP, "")
    assert text.startswith(kept) and text[len(kept)] == " "  # a whole word last
    assert LENGTH <= len(kept) < LENGTH + 12


def test_an_excerpt_after_the_start_of_the_article_says_so():
    assert shown(Marker(["port"]).excerpt("Au port.", later=True)) == "… Au [port]."


def test_no_word_to_mark_shows_the_start():
    assert shown(Marker([]).excerpt("Au port. Rien.", later=False)) == "Au port. Rien."


def test_words_of_the_terms_are_split_as_the_text_is():
    assert tokens(["Côte-d'Ivoire", "(port)"]) == ["Côte", "d", "Ivoire", "port"]


def test_a_word_and_its_capitals_share_a_stem():
    assert stem("ÉCONOMIE") == stem("économie") == stem("economie")
