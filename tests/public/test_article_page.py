"""The article page: everything a reader sees, for published articles only."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def related_urls(client, article) -> list[str]:
    """Read also's links, as the page shows them."""
    html = page(client, article)
    if 'class="related"' not in html:
        return []
    shown = html[
        html.index('class="related"') : html.index("</section>", html.index('class="related"'))
    ]
    return re.findall(r'<li><a href="([^"]+)">', shown)


def test_article_page_shows_every_part(client, story):
    html = page(client, story)
    assert "<h1>La Russie réaffirme son engagement avec l’AES</h1>" in html
    assert "À Moscou, la Russie a réaffirmé sa volonté de coopérer." in html
    assert "28 novembre 2026 à 14 h 05" in html
    assert 'datetime="2026-11-28T14:05:00+00:00"' in html
    assert "3 min de lecture" in html
    for author in story.authors.all():
        assert f'href="{author.get_absolute_url()}" rel="author">{author.display_name}</a>' in html
    assert 'alt="Les ministres réunis à Moscou"' in html
    assert '<source type="image/webp" srcset="' in html
    assert 'width="960" height="540" decoding="async" fetchpriority="high">' in html
    for width in (320, 640, 960):
        assert f".webp {width}w" in html and f".jpg {width}w" in html
    assert "1280w" not in html  # never larger than the 1000-pixel original
    assert "La réunion de Moscou." in html and "Agence X" in html
    assert "<h2>Vers une collaboration</h2>" in html
    for tag in ("aes", "russie", "securite"):
        assert f'href="/mot-cle/{tag}/"' in html
    assert html.count('class="share share-top"') == html.count('class="share share-bottom"') == 1
    assert html.count("Partagez cet article") == 1  # two landmarks, two names
    assert html.count("Cet article vous a plu\u00a0? Partagez-le") == 1
    assert html.count("À propos de l’auteur") == 2
    assert "Basé à Abidjan." in html
    assert "Mis à jour" not in html


def test_updated_and_correction_shown_after_an_edit(client, story, editor):
    story.standfirst = "Une date était erronée."
    workflow.save_by(story, editor)
    html = page(client, story)
    assert "Mis à jour le" in html
    assert "Une date était erronée." in html
    assert Article.objects.get(pk=story.pk).revised_at is not None


def test_related_articles_share_tags_then_section(client, story, editor, security):
    close = ArticleFactory(headline="Partage deux mots-clés", authors=[AuthorFactory()])
    close.tags.add("AES", "Russie")
    publish(close, editor)
    same_section = publish(
        ArticleFactory(headline="Même rubrique", section=security, authors=[AuthorFactory()]),
        editor,
    )
    publish(ArticleFactory(headline="Sans rapport", authors=[AuthorFactory()]), editor)
    related = related_urls(client, story)
    assert related[:2] == [close.get_absolute_url(), same_section.get_absolute_url()]
    assert story.get_absolute_url() not in related


def test_read_also_ranks_by_tags_shared_then_newest(client, story, editor):
    """Most tags shared first; among equals, the newest; never an unpublished one."""
    tags = story.tags.names()

    def sharing(count, headline, day):
        article = ArticleFactory(headline=headline, authors=[AuthorFactory()])
        article.tags.add(*tags[:count])
        return publish(article, editor, when=PUBLISHED_AT.replace(day=day))

    one_older = sharing(1, "Un mot-clé, plus ancien", 2)
    two = sharing(2, "Deux mots-clés", 3)
    one_newer = sharing(1, "Un mot-clé, plus récent", 4)
    draft = ArticleFactory(headline="Brouillon", authors=[AuthorFactory()])
    draft.tags.add(*tags)
    related = related_urls(client, story)
    assert related[:3] == [
        two.get_absolute_url(),
        one_newer.get_absolute_url(),
        one_older.get_absolute_url(),
    ]
    assert draft.get_absolute_url() not in related


def test_read_also_shows_each_headline_date_and_section_as_written(client, story, editor):
    """Quotes, accents, markup and the date are shown as written, escaped once."""
    tricky = ArticleFactory(
        headline='« L\'AES » dit "non" à <b>Paris</b> \\ ½',
        section=story.section,
        authors=[AuthorFactory()],
    )
    tricky.tags.add(*story.tags.names())
    publish(tricky, editor, when=PUBLISHED_AT.replace(day=20, hour=23, minute=30))
    assert related_urls(client, story)[0] == tricky.get_absolute_url()
    html = page(client, story)
    assert "« L&#39;AES » dit &#34;non&#34; à &lt;b&gt;Paris&lt;/b&gt; \\ ½" in html
    assert f"{story.section.name} · <time" in html
    assert '<time datetime="2026-11-20T23:30:00+00:00">20 novembre 2026</time>' in html
    assert "<b>Paris</b>" not in html


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_hidden_article_answers_exactly_like_a_missing_one(client, hidden_articles, state):
    hidden = client.get(hidden_articles[state].get_absolute_url())
    missing = client.get(reverse("articles:detail", kwargs={"slug": "nexiste-pas"}))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


def test_scheduled_article_appears_at_its_time(client, hidden_articles):
    import time_machine

    scheduled = hidden_articles["scheduled"]
    with time_machine.travel(scheduled.published_at + timezone.timedelta(seconds=1)):
        assert client.get(scheduled.get_absolute_url()).status_code == 200


def article_queries(client, article):
    """The queries of the article's first reader: nothing of it cached."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    return len(queries)


def test_article_page_query_count_is_pinned(
    client, story, editor, django_assert_num_queries, committed
):
    other = ArticleFactory(authors=[AuthorFactory()], section=story.section)
    committed(lambda: None)
    # The first reader: the article in full (its bylines' authors, its tags; never revised,
    # it has no log to read), Read also's choice (the articles sharing its tags, its
    # section's newest), the menu and the time of the next scheduled article.
    with django_assert_num_queries(7):
        client.get(story.get_absolute_url())
    # Every later reader: the article and Read also's articles, in one query.
    with django_assert_num_queries(1):
        client.get(story.get_absolute_url())
    # Once another article is published, the next scheduled article's time is read again;
    # the menu (kept under the shared version) and Read also's choice are kept.
    committed(publish, other, editor)
    with django_assert_num_queries(2):
        client.get(story.get_absolute_url())
    with django_assert_num_queries(1):
        client.get(story.get_absolute_url())


def test_article_page_queries_do_not_grow_with_authors_or_tags(client, story, editor):
    for _ in range(4):
        other = ArticleFactory(authors=[AuthorFactory()])
        other.tags.add("AES")
        publish(other, editor)
    before = article_queries(client, story)
    for i in range(5):
        story.bylines.create(author=AuthorFactory(), position=10 + i)
    story.tags.add(*[f"mot{i}" for i in range(8)])
    for _ in range(4):
        other = ArticleFactory(authors=[AuthorFactory()])
        other.tags.add("AES", "mot1")
        publish(other, editor)
    assert article_queries(client, story) == before


def test_page_weight_is_under_60_kb(client, story):
    from django.contrib.staticfiles import finders

    html = client.get(story.get_absolute_url()).content
    css = open(finders.find("css/site.css"), "rb").read()
    js = open(finders.find("js/site.js"), "rb").read()
    assert len(html) + len(css) + len(js) < 60 * 1024


def test_related_articles_without_tags_are_the_sections_latest(client, editor, security):
    lone = publish(ArticleFactory(section=security, authors=[AuthorFactory()]), editor)
    lone.tags.clear()
    others = [
        publish(ArticleFactory(section=security, authors=[AuthorFactory()]), editor, when=when)
        for when in (PUBLISHED_AT.replace(day=d) for d in (1, 2, 3, 4, 5))
    ]
    assert related_urls(client, lone) == [others[i].get_absolute_url() for i in (4, 3, 2, 1)]


def test_related_articles_never_include_what_readers_cannot_see(
    client, story, hidden_articles, editor
):
    for hidden in hidden_articles.values():
        hidden.tags.add(*story.tags.names())  # shares every tag, and the section
    # Shares one tag: found past the four hidden ones, which share more (as many as are shown).
    close = ArticleFactory(headline="Partage un mot-clé", authors=[AuthorFactory()])
    close.tags.add(story.tags.names()[0])
    publish(close, editor)
    related = related_urls(client, story)
    assert not set(related) & {hidden.get_absolute_url() for hidden in hidden_articles.values()}
    assert related[0] == close.get_absolute_url()
    html = page(client, story)
    assert "zanzibar" not in html


def test_authors_and_tags_keep_their_order(client, story):
    first, second = (
        AuthorFactory(display_name="Zoé Première"),
        AuthorFactory(display_name="Ali Second"),
    )
    story.bylines.all().delete()
    story.bylines.create(author=second, position=2)
    story.bylines.create(author=first, position=1)
    html = page(client, story)
    assert html.index("Zoé Première") < html.index("Ali Second")
    boxes = html[html.index('class="author-box"') :]
    assert boxes.index("Zoé Première") < boxes.index("Ali Second")


def test_tables_reach_the_reader(client, editor):
    body = (
        "<p>Les résultats.</p>"
        "<table><tbody><tr><th><p>Ville</p></th><th><p>Taux</p></th></tr>"
        "<tr><td><p>Korhogo</p></td><td><p>12 %</p></td></tr></tbody></table>"
    )
    article = publish(ArticleFactory(authors=[AuthorFactory()], body=body), editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<th><p>Ville</p></th>" in page and "<td><p>12 %</p></td>" in page
