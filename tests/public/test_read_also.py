"""Read also is kept while the published articles stay as they were, and found again after
any change it could show (articles/models/read_also.py, migrations/_published_set.py)."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from articles import workflow
from articles.migrations import _published_set
from articles.models import Article, PublishedSet, ReadAlso
from articles.models.read_also import ensure_slots
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.public.conftest import publish

KEPT = "Gardé du lecteur précédent"


def shown(client, article) -> list[str]:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return [item.headline for item in response.context["related"]]


def mark_kept(article) -> None:
    """Write over the kept row: a reader shown KEPT was served it, not a new search."""
    items = [["garde", KEPT, "2026-11-28T14:05:00+00:00", "Sécurité", 9]]
    assert ReadAlso.objects.filter(pk=article.pk).update(items=json.dumps(items)) == 1


@pytest.fixture
def close(story, editor):
    """A published article sharing the story's tags: its Read also's first."""
    article = ArticleFactory(headline="Partage les mots-clés", authors=[AuthorFactory()])
    article.tags.add(*story.tags.names())
    return publish(article, editor)


def keep(client, story) -> None:
    """A reader finds Read also, or is served what was kept, and it is kept; then marked."""
    shown(client, story)
    mark_kept(story)
    assert shown(client, story) == [KEPT]


@pytest.fixture
def kept(client, story, close):
    keep(client, story)
    return story


# Each change below, made after the story's Read also was kept: what its next reader finds.
def rename_section(client, story, close, editor):
    story.section.name = "Défense"
    story.section.save()
    return lambda found: found[0] == close.headline


def retitle_without_signals(client, story, close, editor):
    Article.objects.filter(pk=close.pk).update(headline="Titre corrigé")
    return lambda found: found[0] == "Titre corrigé"


def move_to_another_section(client, story, close, editor):
    Article.objects.filter(pk=close.pk).update(section=SectionFactory(name="Culture"))
    return lambda found: found[0] == close.headline


def unpublish(client, story, close, editor):
    workflow.apply_transition(close, "unpublish", editor)
    return lambda found: close.headline not in found


def delete(client, story, close, editor):
    close.delete()
    return lambda found: close.headline not in found


def publish_another(client, story, close, editor):
    other = ArticleFactory(headline="Nouvelle de la rubrique", section=story.section)
    other.bylines.create(author=AuthorFactory(), position=1)
    publish(other, editor, when=timezone.now() - timedelta(minutes=1))
    return lambda found: "Nouvelle de la rubrique" in found


def tag_a_published_article(client, story, close, editor):
    other = publish(ArticleFactory(headline="Étiqueté ensuite", authors=[AuthorFactory()]), editor)
    keep(client, story)  # with the other published, before its tags
    other.tags.add(*story.tags.names())
    return lambda found: "Étiqueté ensuite" in found


def untag(client, story, close, editor):
    close.tags.clear()
    return lambda found: close.headline not in found


@pytest.mark.parametrize(
    "change",
    [
        rename_section,
        retitle_without_signals,
        move_to_another_section,
        unpublish,
        delete,
        publish_another,
        tag_a_published_article,
        untag,
    ],
)
def test_any_change_read_also_could_show_finds_it_again(client, kept, close, editor, change):
    expected = change(client, kept, close, editor)
    found = shown(client, kept)
    assert KEPT not in found
    assert expected(found)


def test_a_row_another_statement_found_is_found_again(client, kept, close):
    ReadAlso.objects.filter(pk=kept.pk).update(code="0" * 32)  # before a deployment
    assert shown(client, kept)[0] == close.headline
    assert shown(client, kept)[0] == close.headline  # and kept again
    mark_kept(kept)
    assert shown(client, kept) == [KEPT]


def test_changes_it_cannot_show_keep_it(client, kept, close, editor):
    draft = ArticleFactory(headline="Brouillon", section=kept.section)
    keep(client, kept)  # a new article may count as a change (once a statement, PostgreSQL)
    draft.headline = "Brouillon retitré"
    draft.save()
    Article.objects.filter(pk=close.pk).update(body_text="Un autre texte.", version=99)
    assert shown(client, kept) == [KEPT]


def test_a_scheduled_article_is_found_when_its_time_comes(client, story, close, editor):
    soon = timezone.now() + timedelta(hours=1)
    scheduled = ArticleFactory(headline="Programmé", authors=[AuthorFactory()])
    scheduled.tags.add(*story.tags.names())
    workflow.apply_transition(scheduled, "schedule", editor, when=soon)
    keep(client, story)
    with time_machine.travel(soon - timedelta(minutes=1)):
        assert shown(client, story) == [KEPT]
    with time_machine.travel(soon + timedelta(minutes=1)):
        assert shown(client, story)[0] == "Programmé"


def test_without_its_count_nothing_is_kept_until_it_is_made_again(client, story, close):
    PublishedSet.objects.all().delete()  # as a flush leaves it
    assert shown(client, story)[0] == close.headline
    assert not ReadAlso.objects.exists()
    ensure_slots()
    assert PublishedSet.objects.count() == PublishedSet.SLOTS
    shown(client, story)
    assert ReadAlso.objects.filter(pk=story.pk).exists()


def changes() -> int:
    return sum(PublishedSet.objects.values_list("changes", flat=True))


@pytest.mark.postgres
def test_a_statement_that_changes_many_published_articles_adds_one(client, story, close):
    """Once a statement, not once a row: a row of the slots written once for each article
    a statement changed made the table read by every article page hundreds of pages long
    (migrations/_published_set.py). A later statement of the same transaction adds again."""
    others = [publish_another_article(close) for _ in range(3)]
    before = changes()
    published = Article.objects.filter(pk__in=[close.pk, *[a.pk for a in others]])
    assert published.update(headline="Nouveau titre") == 4
    assert changes() == before + 1
    keep(client, story)  # kept at that number, in this same transaction
    Article.objects.filter(pk=close.pk).update(headline="Encore un titre")
    assert changes() == before + 2
    assert shown(client, story)[0] == "Encore un titre"


def publish_another_article(close):
    article = ArticleFactory(headline="Un de plus", section=close.section)
    Article.objects.filter(pk=article.pk).update(
        status="published", published_at=close.published_at
    )
    return article


def test_every_trigger_is_there(db):
    """A migration that rebuilds a table on SQLite drops its triggers (_published_set.py)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {name for (name,) in cursor.fetchall()}
    assert set(_published_set.TRIGGERS[connection.vendor]) <= present
