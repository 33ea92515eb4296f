"""Yoast SEO and Rank Math titles and descriptions → the article's search and social fields."""

from articles import metadata
from articles.models import Article
from importer.seo import fields
from tests.importer.exports import export, post

YOAST = {
    "_yoast_wpseo_title": "Cacao : les prix montent %%sep%% %%sitename%%",
    "_yoast_wpseo_metadesc": "Le kilo passe à 1 800 francs.",
    "_yoast_wpseo_opengraph-title": "Le cacao flambe",
    "_yoast_wpseo_opengraph-description": "Les planteurs s’en réjouissent.",
}
RANK_MATH = {
    "rank_math_title": "%title% %sep% %sitename%",
    "rank_math_description": "Ce que change la hausse du cacao, <b>région</b> par région.",
    "rank_math_facebook_title": "Cacao : la hausse",
}


def imported(run_import, meta, **options):
    run_import(export(post(1, "Le prix du cacao", meta=meta, excerpt="Une hausse.", **options)))
    return Article.objects.get()


def test_yoast_fills_the_search_and_social_fields(run_import):
    article = imported(run_import, YOAST)
    assert article.seo_title == "Cacao : les prix montent"
    assert article.meta_description == "Le kilo passe à 1 800 francs."
    assert article.social_title == "Le cacao flambe"
    assert article.social_description == "Les planteurs s’en réjouissent."
    assert metadata.search_title(article) == "Cacao : les prix montent"


def test_rank_math_fills_them_and_a_title_that_is_the_headline_stays_empty(run_import):
    article = imported(run_import, RANK_MATH)
    assert article.seo_title == ""  # "%title% %sep% %sitename%" is the headline: it follows it
    assert article.meta_description == "Ce que change la hausse du cacao, région par région."
    assert (article.social_title, article.social_description) == ("Cacao : la hausse", "")


def test_rank_math_is_read_before_yoast_when_a_post_has_both(run_import):
    article = imported(run_import, {**YOAST, **RANK_MATH})
    assert article.meta_description.startswith("Ce que change")
    assert article.social_title == "Cacao : la hausse"
    assert article.social_description == "Les planteurs s’en réjouissent."


def test_twitter_texts_are_used_when_there_is_no_open_graph_one():
    found = fields({"_yoast_wpseo_twitter-title": "Sur X"}, "Titre", "")
    assert found == {"social_title": "Sur X"}


def test_texts_are_plain_and_cut_to_what_each_field_holds(run_import):
    article = imported(
        run_import,
        {
            "_yoast_wpseo_title": "<script>alert(1)</script>" + "Très long titre " * 10,
            "_yoast_wpseo_metadesc": "Résumé " * 40,
            "rank_math_facebook_description": "\u202eInversé &amp; propre",
        },
    )
    assert "<" not in article.seo_title and len(article.seo_title) <= 70
    assert len(article.meta_description) <= 160
    assert article.social_description == "Inversé & propre"


def test_variables_become_the_post_s_own_words_or_go():
    found = fields(
        {
            "_yoast_wpseo_title": "%%title%% | %%primary_category%% %%page%%",
            "_yoast_wpseo_metadesc": "%%excerpt%%",
            "rank_math_facebook_title": "À lire : %title%",
        },
        "Le prix du cacao",
        "Une hausse.",
    )
    assert found == {"social_title": "À lire : Le prix du cacao"}
