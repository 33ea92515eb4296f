"""Categories → sections (flattened by one rule), tags → tags."""

from taggit.models import Tag

from articles.models import Article, Section
from tests.factories import SectionFactory
from tests.importer.exports import category, export, post

CATEGORIES = [
    category("afrique", "Afrique"),
    category("afrique-ouest", "Afrique de l’Ouest", parent="afrique"),
    category("cote-divoire", "Côte d’Ivoire", parent="afrique-ouest"),
    category("sport", "Sport"),
    category("football", "Football", parent="sport"),
    category("uncategorized", "Uncategorized"),
]


def imported(run_import, *posts):
    summary = run_import(export(*posts, categories=CATEGORIES))
    return summary, {a.slug: a for a in Article.objects.select_related("section")}


def test_section_is_the_top_ancestor_of_the_deepest_category(run_import):
    _summary, articles = imported(
        run_import,
        post(1, categories=[("sport", "Sport"), ("cote-divoire", "Côte d’Ivoire")]),
    )
    assert articles["article-1"].section.name == "Afrique"


def test_the_other_categories_become_tags(run_import):
    _summary, articles = imported(
        run_import,
        post(
            1,
            categories=[("sport", "Sport"), ("cote-divoire", "Côte d’Ivoire")],
            tags=["Élections"],
        ),
    )
    assert sorted(articles["article-1"].tags.names()) == ["Côte d’Ivoire", "Sport", "Élections"]


def test_when_categories_are_as_deep_the_first_listed_wins(run_import):
    _summary, articles = imported(
        run_import,
        post(1, categories=[("football", "Football"), ("afrique-ouest", "Afrique de l’Ouest")]),
    )
    assert articles["article-1"].section.name == "Sport"


def test_a_top_level_category_is_its_own_section(run_import):
    _summary, articles = imported(run_import, post(1, categories=[("sport", "Sport")]))
    assert articles["article-1"].section.name == "Sport"
    assert list(articles["article-1"].tags.names()) == []


def test_a_post_without_category_goes_to_non_classe(run_import):
    _summary, articles = imported(
        run_import, post(1), post(2, categories=[("uncategorized", "Uncategorized")])
    )
    assert {a.section.name for a in articles.values()} == {"Non classé"}
    assert Section.objects.count() == 1
    assert not Tag.objects.exists()  # WordPress's default category is not a tag either


def test_sections_are_made_once_from_the_categories_used(run_import):
    summary, _articles = imported(
        run_import,
        post(1, categories=[("cote-divoire", "Côte d’Ivoire")]),
        post(2, categories=[("afrique", "Afrique")]),
        post(3, categories=[("football", "Football")]),
    )
    assert sorted(Section.objects.values_list("name", "slug")) == [
        ("Afrique", "afrique"),
        ("Sport", "sport"),
    ]
    assert summary.sections_created == 2


def test_an_existing_section_of_the_same_name_is_reused(run_import):
    existing = SectionFactory(name="SPORT")
    summary, articles = imported(run_import, post(1, categories=[("sport", "Sport")]))
    assert articles["article-1"].section == existing
    assert (summary.sections_created, summary.sections_reused) == (0, 1)


def test_a_category_missing_from_the_channel_list_is_still_a_section(run_import):
    run_import(export(post(1, categories=[("culture", "Culture &amp; arts")])))
    assert Article.objects.get().section.name == "Culture & arts"


def test_category_loops_do_not_hang_the_import(run_import):
    loop = [category("a", "A", parent="b"), category("b", "B", parent="a")]
    run_import(export(post(1, categories=[("a", "A")]), categories=loop))
    assert Article.objects.get().section.name in {"A", "B"}


def test_tags_are_one_whatever_their_case(run_import, published):
    published.tags.add("Sahel")
    run_import(export(post(1, tags=["sahel", "Sahel", " SAHEL ", "Mali"])))
    article = Article.objects.get(slug="article-1")
    assert sorted(article.tags.names()) == ["Mali", "Sahel"]
    assert Tag.objects.filter(name__iexact="sahel").count() == 1


def test_tags_created_are_counted(run_import):
    summary = run_import(export(post(1, tags=["Mali", "Niger"]), post(2, tags=["mali"])))
    assert summary.tags_created == 2 and Tag.objects.count() == 2


def test_a_tag_over_100_characters_is_skipped_and_reported(run_import):
    summary = run_import(export(post(1, tags=["x" * 101, "Court"])))
    assert list(Article.objects.get().tags.names()) == ["Court"]
    assert summary.tags_too_long == 1
    assert any("longer than 100" in note for note in summary.notes)
