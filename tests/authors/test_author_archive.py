"""An author's list: read from their bylines' copy of each article's publication time, which
the database keeps equal to the article's whatever writes it (migration 0015)."""

import json
from datetime import timedelta

import pytest
from django.core import serializers
from django.db import connection, transaction
from django.utils import timezone

from articles import workflow
from articles.models import Article, Byline
from tests import publication_copy
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish
from tests.publication_copy import walk_publication_times


def copies(article) -> set:
    """The publication times its bylines carry."""
    return set(Byline.objects.filter(article=article).values_list("published_at", flat=True))


def assert_in_step(article):
    publication_copy.assert_in_step(article, copies)


def test_every_write_of_a_publication_time_reaches_the_bylines(journalist, editor):
    article = ArticleFactory(authors=[journalist.author_profile, AuthorFactory()])
    walk_publication_times(article, journalist, editor, copies)
    # A byline added after publication, one by one and in bulk (the importer's way).
    Byline.objects.create(article=article, author=AuthorFactory(), position=2)
    Byline.objects.bulk_create([Byline(article=article, author=AuthorFactory(), position=3)])
    assert_in_step(article)
    assert len(Byline.objects.filter(article=article)) == 4


def test_a_restore_that_writes_bylines_before_their_articles_keeps_their_time(published):
    """loaddata writes a dump's bylines first (their model comes first in the app), before
    the article they name: the article's arrival gives them its time."""
    dump = json.loads(serializers.serialize("json", [published.bylines.get(), published]))
    byline, article = dump
    article["pk"] = byline["fields"]["article"] = published.pk + 1000
    article["fields"]["slug"] = "restaure"
    byline["pk"] += 1000
    with transaction.atomic():
        for restored in serializers.deserialize("json", json.dumps(dump)):
            restored.save()
    restored = Article.objects.get(slug="restaure")
    assert_in_step(restored)
    assert restored.published_at is not None


def test_a_bylines_copy_cannot_be_set_to_another_time(published):
    """Not by a forged write either: it would move an article on its author's page."""
    byline = published.bylines.get()
    Byline.objects.filter(pk=byline.pk).update(published_at=timezone.now() + timedelta(days=9))
    assert_in_step(published)
    byline.position = 5
    byline.save()
    assert_in_step(published)
    other = ArticleFactory()
    Byline.objects.filter(pk=byline.pk).update(article=other)
    assert copies(other) == {None}


def test_an_authors_page_lists_their_published_articles_newest_first(client, editor):
    author = AuthorFactory(display_name="Plume Fidèle")
    when = [PUBLISHED_AT.replace(day=day) for day in (3, 1, 5, 2)]
    articles = [
        publish(ArticleFactory(authors=[AuthorFactory(), author]), editor, at) for at in when
    ]
    # Two at the same time: the one written last first, as on every list.
    twin = publish(ArticleFactory(authors=[author]), editor, when[2])
    draft = ArticleFactory(authors=[author])
    unpublished = publish(ArticleFactory(authors=[author]), editor, PUBLISHED_AT.replace(day=9))
    workflow.apply_transition(unpublished, "unpublish", editor)
    scheduled = ArticleFactory(authors=[author])
    workflow.apply_transition(
        scheduled, "schedule", editor, when=timezone.now() + timedelta(days=1)
    )
    publish(ArticleFactory(authors=[AuthorFactory()]), editor, PUBLISHED_AT.replace(day=8))
    # Back-dated after the fact: it moves down the list.
    Article.objects.filter(pk=articles[0].pk).update(
        published_at=PUBLISHED_AT.replace(day=1) - timedelta(days=1)
    )

    listed = [card.pk for card in client.get(author.get_absolute_url()).context["articles"]]
    expected = [twin, articles[2], articles[3], articles[1], articles[0]]
    assert listed == [article.pk for article in expected]
    assert not {draft.pk, unpublished.pk, scheduled.pk} & set(listed)


def test_an_authors_later_pages_follow_on(client, editor, settings):
    author = AuthorFactory()
    for day in range(1, 26):
        publish(ArticleFactory(authors=[author]), editor, PUBLISHED_AT.replace(day=day))
    first = client.get(author.get_absolute_url()).context["articles"]
    second = client.get(author.get_absolute_url() + "?page=2").context["articles"]
    days = [Article.objects.get(pk=card.pk).published_at.day for card in [*first, *second]]
    assert days == list(range(25, 0, -1))


def plans(statement_part: str) -> list[tuple[int, int]]:
    """(generic, custom) plans PostgreSQL made for the prepared statements holding this."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE %s",
            [f"%{statement_part}%"],
        )
        return cursor.fetchall()


@pytest.mark.postgres
def test_author_section_and_tag_lists_are_planned_once_for_all(client, editor):
    """One index serves an author of one article and one of thousands (its plan, at 100,000
    articles: bench/results), and likewise a tag (migration 0018) and a section of any size:
    their statements are prepared (newsroom/sql.py)."""
    busy, rare = AuthorFactory(), AuthorFactory()
    for _ in range(3):
        publish(ArticleFactory(authors=[busy]), editor).tags.add("cacao")
    article = publish(ArticleFactory(authors=[rare]), editor)
    article.tags.add("cacao", "port")
    for url in (busy, rare, busy, article.section, article.section):
        assert client.get(url.get_absolute_url()).status_code == 200
    for slug in ("cacao", "port", "cacao"):
        assert client.get(f"/mot-cle/{slug}/").status_code == 200
    assert plans("b.author_id = $") == [(3, 0)]
    assert plans("a.section_id = $") == [(2, 0)]
    assert plans("g.tag_id = $") == [(3, 0)]
