"""A tag's list: read from its taggings' copy of each article's publication time, which the
database keeps equal to the article's whatever writes it (migration 0018)."""

import importlib
import json
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles import workflow
from articles.models import Article, Tagging
from tests import publication_copy
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish
from tests.publication_copy import walk_publication_times

MIGRATION = importlib.import_module("articles.migrations.0018_article_taggings")


def copies(article) -> set:
    """The publication times its taggings carry."""
    return set(
        Tagging.objects.filter(content_object=article).values_list("published_at", flat=True)
    )


def assert_in_step(article):
    publication_copy.assert_in_step(article, copies)


def tag_page(client, slug="cacao", page=1) -> list[int]:
    url = reverse("articles:tag", kwargs={"slug": slug})
    return [card.pk for card in client.get(url, {"page": page}).context["articles"]]


def test_every_write_of_a_publication_time_reaches_the_taggings(journalist, editor):
    article = ArticleFactory(authors=[journalist.author_profile])
    article.tags.add("Cacao", "Port")
    assert copies(article) == {None}  # a draft: no time, nothing to list

    walk_publication_times(article, journalist, editor, copies)
    # Tags added after publication: through taggit, and in bulk (the importer's way).
    article.tags.add("Récolte")
    Tagging.objects.bulk_create([Tagging(content_object=article, tag=Tag.objects.create(name="Z"))])
    article.tags.set(["Cacao", "Récolte", "Z", "Prix"])
    assert_in_step(article)
    assert len(copies(article)) == 1 and Tagging.objects.filter(content_object=article).count() == 4


def test_a_restore_that_writes_taggings_before_their_articles_keeps_their_time(published):
    published.tags.add("Cacao")
    dump = json.loads(serializers.serialize("json", [published.taggings.get(), published]))
    tagging, article = dump
    article["pk"] = tagging["fields"]["content_object"] = published.pk + 1000
    article["fields"]["slug"] = "restaure"
    tagging["pk"] += 1000
    with transaction.atomic():
        for restored in serializers.deserialize("json", json.dumps(dump)):
            restored.save()
    restored = Article.objects.get(slug="restaure")
    assert_in_step(restored)
    assert restored.published_at is not None and restored.tags.get().name == "Cacao"


def test_a_taggings_copy_cannot_be_set_to_another_time(published):
    """Not by a forged write either: it would move an article on its tag's page."""
    published.tags.add("Cacao")
    tagging = published.taggings.get()
    Tagging.objects.filter(pk=tagging.pk).update(published_at=timezone.now() + timedelta(days=9))
    assert_in_step(published)
    tagging.save()
    assert_in_step(published)
    other = ArticleFactory()
    Tagging.objects.filter(pk=tagging.pk).update(content_object=other)
    assert copies(other) == {None}


def test_a_tags_page_lists_its_published_articles_newest_first(client, editor):
    def tagged(*names):
        article = ArticleFactory(authors=[AuthorFactory()])
        article.tags.add(*names)
        return article

    when = [PUBLISHED_AT.replace(day=day) for day in (3, 1, 5, 2)]
    articles = [publish(tagged("Port", "Cacao"), editor, at) for at in when]
    # Two at the same time: the one written last first, as on every list.
    twin = publish(tagged("Cacao"), editor, when[2])
    draft = tagged("Cacao")
    unpublished = publish(tagged("Cacao"), editor, PUBLISHED_AT.replace(day=9))
    workflow.apply_transition(unpublished, "unpublish", editor)
    scheduled = tagged("Cacao")
    workflow.apply_transition(
        scheduled, "schedule", editor, when=timezone.now() + timedelta(days=1)
    )
    publish(tagged("Port"), editor, PUBLISHED_AT.replace(day=8))
    # Back-dated after the fact: it moves down the list.
    Article.objects.filter(pk=articles[0].pk).update(
        published_at=PUBLISHED_AT.replace(day=1) - timedelta(days=1)
    )

    expected = [twin, articles[2], articles[3], articles[1], articles[0]]
    assert tag_page(client) == [article.pk for article in expected]
    assert not {draft.pk, unpublished.pk, scheduled.pk} & set(tag_page(client))
    # Untagged: it leaves the list at once.
    articles[2].tags.remove("Cacao")
    assert articles[2].pk not in tag_page(client)


def test_a_tags_later_pages_follow_on(client, editor):
    for day in range(1, 26):
        article = publish(
            ArticleFactory(authors=[AuthorFactory()]), editor, PUBLISHED_AT.replace(day=day)
        )
        article.tags.add("Cacao")
    cards = tag_page(client) + tag_page(client, page=2)
    days = [Article.objects.get(pk=pk).published_at.day for pk in cards]
    assert days == list(range(25, 0, -1))


class SchemaWriter:
    """What the migration's functions use of a schema editor, on the test's connection:
    SQLite opens no schema editor inside the test's transaction."""

    connection = connection

    def execute(self, statement, params=()):
        with connection.cursor() as cursor:
            cursor.execute(statement, params)


def test_the_migration_moves_articles_taggings_here_in_order_with_their_time(editor):
    first = publish(ArticleFactory(authors=[AuthorFactory()]), editor)
    second = ArticleFactory()
    article_type = ContentType.objects.get_for_model(Article)
    names = ["Zinc", "Acier", "Or"]  # shown as written, not sorted
    for article in (first, second):
        for name in names:
            TaggedItem.objects.create(
                content_type=article_type,
                object_id=article.pk,
                tag=Tag.objects.get_or_create(name=name)[0],
            )
    other_model = TaggedItem.objects.create(
        content_type=ContentType.objects.get_for_model(Tag),
        object_id=1,
        tag=Tag.objects.get(name="Or"),
    )

    MIGRATION.move_here(apps, SchemaWriter())

    assert list(TaggedItem.objects.all()) == [other_model]  # another model's stay
    for article in (first, second):
        article = Article.objects.get(pk=article.pk)
        assert [tag.name for tag in article.tags.all()] == names
        assert copies(article) == {article.published_at}
    assert first.published_at is not None

    MIGRATION.move_back(apps, SchemaWriter())
    moved_back = TaggedItem.objects.filter(content_type=article_type).order_by("pk")
    assert [(t.object_id, t.tag.name) for t in moved_back] == [
        (article.pk, name) for article in (first, second) for name in names
    ]
