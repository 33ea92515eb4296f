"""An author's page: their published articles, newest first, page after page."""

from datetime import timedelta

from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish


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
    workflow.apply_transition(unpublished, "unpublish", editor, comment="Retrait demandé.")
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
