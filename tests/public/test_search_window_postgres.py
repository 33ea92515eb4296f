"""Search reads the last RECENT days first (articles/models/recent.py): their matches when
they fill a page and older articles exist, every day's otherwise or when the reader asks
for the archives. The triggers keep the window's table whatever writes the articles."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.html.plurals import window_start
from articles.migrations import _recent_articles
from articles.models import Article, RecentArticle
from articles.models.recent import RECENT
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish
from tests.public.test_search_postgres import indexed_plan

pytestmark = pytest.mark.postgres
SEARCH = reverse("articles:search")


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def transhumance(editor, days: float, headline="Élevage"):
    article = ArticleFactory(
        headline=headline, body="<p>La transhumance reprend.</p>", authors=[AuthorFactory()]
    )
    return publish(article, editor, when=days_ago(days))


def searched(client, **params):
    response = client.get(SEARCH, {"q": "transhumance", **params})
    return response, [result.pk for result in response.context["articles"]]


@pytest.fixture
def pages_of_two(monkeypatch):
    from articles.views.search import SearchView

    monkeypatch.setattr(SearchView, "paginate_by", 2)


def test_the_window_answers_when_it_fills_a_page(client, editor, pages_of_two):
    recent = [transhumance(editor, days).pk for days in (3, 2, 1)]
    old = transhumance(editor, RECENT.days + 30).pk
    response, shown = searched(client)
    assert shown == recent[::-1][:2]
    assert response.context["total"] == 3  # the window's only
    since = response.context["since"]
    assert abs(since - days_ago(RECENT.days)) < timedelta(minutes=1)
    html = response.content.decode()
    assert f"3 résultats depuis le {window_start(since)}" in html
    assert "archives=1" in html  # the link to every day's, and the next page keeps the window
    assert 'rel="next" href="?q=transhumance&amp;page=2"' in html

    response, shown = searched(client, archives="1", page="2")
    assert shown == [recent[0], old]
    assert response.context["total"] == 4 and response.context["since"] is None
    html = response.content.decode()
    assert "4 résultats pour" in html
    assert 'href="?q=transhumance&amp;archives=1&amp;page=1"' in html  # pages keep archives


def test_fewer_than_a_page_in_the_window_searches_every_day(
    client, editor, pages_of_two, django_assert_num_queries
):
    recent = transhumance(editor, 1).pk
    old = [transhumance(editor, RECENT.days + days).pk for days in (1, 2)]
    client.get(SEARCH, {"q": "transhumance"})  # cards made
    with django_assert_num_queries(1):  # the window, else every day: the page, with the menu
        response, shown = searched(client)
    assert shown == [recent, old[0]]
    assert response.context["total"] == 3 and response.context["since"] is None
    assert "archives=1" not in response.content.decode()


def test_a_window_that_holds_every_article_is_not_named(client, editor, pages_of_two):
    for days in (3, 2, 1):
        transhumance(editor, days)
    response, shown = searched(client)
    assert len(shown) == 2 and response.context["total"] == 3
    assert response.context["since"] is None  # nothing older to search
    assert "archives=1" not in response.content.decode()


def test_the_window_answers_in_one_statement(
    client, editor, pages_of_two, django_assert_num_queries
):
    for days in (3, 2, 1):
        transhumance(editor, days)
    transhumance(editor, RECENT.days + 1)
    client.get(SEARCH, {"q": "transhumance"})  # cards made
    with django_assert_num_queries(1):  # the window's matches, their page, the menu
        response, _shown = searched(client)
    assert response.context["since"] is not None


def test_the_window_reaches_its_first_day(client, editor, pages_of_two):
    """The triggers keep what the window reads (KEPT_DAYS against RECENT)."""
    oldest_in_window = transhumance(editor, RECENT.days - 0.5).pk
    newer = transhumance(editor, 1).pk
    transhumance(editor, RECENT.days + 0.5)
    response, shown = searched(client)
    assert shown == [newer, oldest_in_window]
    assert response.context["since"] is not None


def recent_keys() -> set[int]:
    return set(RecentArticle.objects.values_list("article_id", flat=True))


def test_the_triggers_keep_the_published_recent_articles(editor):
    article = transhumance(editor, 1)
    assert recent_keys() == {article.pk}
    kept = RecentArticle.objects.get(pk=article.pk)
    assert kept.published_at == article.published_at

    article.headline = "Sécheresse au Sahel"  # a new vector, written by search.reindex
    article.save_by(editor)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ to_tsquery('french_unaccent', 'secheresse')"
            " FROM articles_recentarticle WHERE article_id = %s",
            [article.pk],
        )
        assert cursor.fetchone() == (True,)

    Article.objects.filter(pk=article.pk).update(published_at=days_ago(RECENT.days + 2))
    assert recent_keys() == set()  # left the window
    Article.objects.filter(pk=article.pk).update(published_at=days_ago(2))
    assert recent_keys() == {article.pk}

    workflow.apply_transition(Article.objects.get(pk=article.pk), "unpublish", editor)
    assert recent_keys() == set()
    workflow.apply_transition(Article.objects.get(pk=article.pk), "publish", editor)
    assert recent_keys() == {article.pk}

    Article.objects.get(pk=article.pk).delete()
    assert recent_keys() == set()


def test_drafts_are_never_kept(editor, journalist):
    draft = ArticleFactory(headline="Transhumance", authors=[journalist.author_profile])
    Article.objects.filter(pk=draft.pk).update(published_at=days_ago(1))  # a time, not published
    assert recent_keys() == set()


def test_a_scheduled_article_is_kept_and_found_at_its_time(client, editor):
    article = ArticleFactory(headline="Transhumance", authors=[AuthorFactory()])
    workflow.apply_transition(article, "schedule", editor, when=timezone.now() + timedelta(days=1))
    assert recent_keys() == {article.pk}
    assert searched(client)[1] == []
    Article.objects.filter(pk=article.pk).update(published_at=days_ago(0.01))  # its time came
    assert searched(client)[1] == [article.pk]


def test_articles_that_left_the_window_are_pruned_by_the_next_write(editor):
    leaving, staying = transhumance(editor, 5), transhumance(editor, 1)
    # Time passes: the copy grows older than the days kept, as its article's time does.
    gone = days_ago(_recent_articles.KEPT_DAYS + 1)
    RecentArticle.objects.filter(pk=leaving.pk).update(published_at=gone)
    Article.objects.filter(pk=staying.pk).update(headline="Transhumance")
    assert recent_keys() == {staying.pk}


def test_the_window_is_read_from_its_own_index(editor):
    transhumance(editor, 1)
    plan = indexed_plan("articles_recentarticle", "article_id", "transhumance")
    assert "recent_article_search_gin" in plan


def test_every_trigger_is_there(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        present = {name for (name,) in cursor.fetchall()}
    assert set(_recent_articles.TRIGGERS) <= present


def test_a_page_past_the_window_shows_its_last_and_any_other_archives_value_is_the_window(
    client, editor, pages_of_two
):
    recent = [transhumance(editor, days).pk for days in (3, 2, 1)]
    transhumance(editor, RECENT.days + 30)
    response, shown = searched(client, page="9")
    assert response.context["page_obj"].number == 2 and shown == [recent[0]]
    assert response.context["since"] is not None
    response, shown = searched(client, archives="<script>")
    assert response.context["since"] is not None and response.context["total"] == 3
    assert "<script>" not in response.content.decode()
