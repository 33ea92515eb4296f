"""Home, section, tag and author pages: published content only, constant queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.public.conftest import PUBLISHED_AT, publish


def count_queries(client, url):
    """The queries of the page's first reader: nothing of it cached."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_published(editor, count, section=None, tag="commun", author=None):
    for _ in range(count):
        article = ArticleFactory(
            section=section or SectionFactory(),
            authors=[author or AuthorFactory(), AuthorFactory()],
        )
        article.tags.add(tag, "autre")
        publish(article, editor)


def pks(cards) -> list[int]:
    return [card.pk for card in cards]


def test_home_shows_the_latest_as_lead_then_the_rest_and_section_blocks(client, story, editor):
    newer = ArticleFactory(headline="Plus récent", authors=[AuthorFactory()])
    publish(newer, editor, when=story.published_at.replace(hour=18))
    response = client.get("/")
    assert response.context["lead"].pk == newer.pk
    assert story.pk in pks(response.context["latest"])
    sections = {section.pk: cards for section, cards in response.context["sections"]}
    assert pks(sections[story.section.pk]) == [story.pk]


def test_editor_chosen_lead_story_wins(client, story, editor):
    publish(ArticleFactory(headline="Plus récent", authors=[AuthorFactory()]), editor)
    story.is_lead = True
    workflow.save_by(story, editor)
    assert client.get("/").context["lead"].pk == story.pk
    other = ArticleFactory(authors=[AuthorFactory()], is_lead=True)
    assert not type(story).objects.get(pk=story.pk).is_lead  # one lead at a time
    assert client.get("/").context["lead"].pk != other.pk  # a draft never leads


def test_home_queries_do_not_grow(client, editor):
    add_published(editor, 2)
    before = count_queries(client, "/")
    add_published(editor, 15)
    assert count_queries(client, "/") == before


@pytest.mark.parametrize("kind", ["section", "tag", "author", "site feed", "tag feed"])
def test_listing_queries_do_not_grow(client, editor, security, kind):
    author = AuthorFactory(display_name="Plume Fidèle")
    add_published(editor, 2, section=security, author=author)
    url = {
        "section": security.get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": "commun"}),
        "author": author.get_absolute_url(),
        # Feeds make and store their new items in one batch (articles/feed_entries.py).
        "site feed": reverse("feeds:site-rss"),
        "tag feed": reverse("feeds:tag-atom", kwargs={"slug": "commun"}),
    }[kind]
    before = count_queries(client, url)
    add_published(editor, 30, section=security, author=author)
    assert count_queries(client, url) == before


@pytest.mark.parametrize(
    "value", ["abc", "-1", "0", "99999", "1.5", "", "%00", "1e9", "9" * 30, "1" * 5000]
)
def test_bad_page_values_never_error(client, editor, security, value):
    add_published(editor, 25, section=security)
    response = client.get(security.get_absolute_url(), {"page": value})
    assert response.status_code == 200
    assert len(response.context["articles"]) in (20, 5)


def test_section_page_paginates(client, editor, security):
    add_published(editor, 25, section=security)
    first = client.get(security.get_absolute_url())
    second = client.get(security.get_absolute_url(), {"page": 2})
    assert len(first.context["articles"]) == 20 and len(second.context["articles"]) == 5
    assert 'rel="next"' in first.content.decode() and 'rel="prev"' not in first.content.decode()
    html = second.content.decode()
    assert 'rel="prev"' in html and 'rel="next"' not in html and "Page 2" in html
    assert not set(first.context["articles"]) & set(second.context["articles"])


def test_a_full_last_page_offers_no_older_page(client, editor, security):
    add_published(editor, 20, section=security)
    response = client.get(security.get_absolute_url())
    assert len(response.context["articles"]) == 20
    assert 'rel="next"' not in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, editor, security):
    add_published(editor, 25, section=security)
    usual = count_queries(client, security.get_absolute_url())
    cache.clear()  # a first reader, as above
    with CaptureQueriesContext(connection) as queries:
        response = client.get(security.get_absolute_url(), {"page": 99999})
    assert len(queries) == usual + 2  # only then: a count, and the last page again
    assert [a.pk for a in response.context["articles"]] == [
        a.pk for a in client.get(security.get_absolute_url(), {"page": 2}).context["articles"]
    ]


def test_author_page_shows_profile_and_links(client, story):
    author = story.bylines.get(position=1).author
    html = client.get(author.get_absolute_url()).content.decode()
    assert author.display_name in html
    assert 'href="https://example.org/at" rel="me noopener"' in html
    assert story.headline in html


def test_hidden_articles_appear_nowhere(client, story, hidden_articles):
    secret_author = hidden_articles["draft"].bylines.get(position=1).author
    # Chosen as the lead, each of them still stays off the home page.
    Article.objects.filter(pk__in=[a.pk for a in hidden_articles.values()]).update(is_lead=True)
    pages = ["/", story.section.get_absolute_url(), reverse("articles:search") + "?q=zanzibar"]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Secret" not in html and "zanzibar</a>" not in html
    assert client.get(secret_author.get_absolute_url()).status_code == 404
    for state in hidden_articles:
        assert (
            client.get(reverse("articles:tag", kwargs={"slug": f"secret-{state}"})).status_code
            == 404
        )


def test_unknown_section_tag_and_author_are_404(client, db):
    for url in ("/rubrique/inconnue/", "/mot-cle/inconnu/", "/auteurs/inconnu/"):
        assert client.get(url).status_code == 404


def test_section_blocks_show_each_sections_three_newest(client, editor, security):
    quiet = SectionFactory(name="Sans article")
    one = SectionFactory(name="Un seul")
    add_published(editor, 1, section=one)
    ordered = []
    for day in range(1, 6):
        article = ArticleFactory(section=security, authors=[AuthorFactory()])
        ordered.append(publish(article, editor, when=PUBLISHED_AT.replace(day=day)))
    # Two articles at the very same minute as the third newest: still three shown.
    twin = publish(
        ArticleFactory(section=security, authors=[AuthorFactory()]), editor, ordered[2].published_at
    )
    blocks = {section.pk: cards for section, cards in client.get("/").context["sections"]}
    assert quiet.pk not in blocks
    assert len(blocks[one.pk]) == 1
    shown = pks(blocks[security.pk])
    assert shown[:2] == [ordered[4].pk, ordered[3].pk]
    assert len(shown) == 3 and shown[2] in (ordered[2].pk, twin.pk)


def test_each_list_and_its_feeds_show_only_their_own_articles(client, story, editor):
    """A section's, an author's and a tag's page and feeds: their articles, no one else's."""
    other = publish(
        ArticleFactory(
            headline="Un autre sujet, ailleurs",
            section=SectionFactory(name="Économie"),
            authors=[AuthorFactory(display_name="Autre Plume")],
        ),
        editor,
    )
    other.tags.add("Cacao")
    author = story.bylines.get(position=0).author
    for kind, slug in [("section", story.section.slug), ("author", author.slug), ("tag", "aes")]:
        page = {"section": "articles:section", "author": "authors:detail", "tag": "articles:tag"}
        urls = [
            reverse(page[kind], kwargs={"slug": slug}),
            reverse(f"feeds:{kind}-rss", kwargs={"slug": slug}),
            reverse(f"feeds:{kind}-atom", kwargs={"slug": slug}),
        ]
        for url in urls:
            text = client.get(url).content.decode()
            assert "La Russie réaffirme" in text and "Un autre sujet" not in text, url
