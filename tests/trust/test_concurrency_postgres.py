"""Real parallel transactions on PostgreSQL: one publish, one save, readers never see errors."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from articles import workflow
from articles.models import Article, Transition
from articles.models.article import EditConflict
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_together(*functions):
    """Start the functions at the same instant, each in its own thread and connection."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def runner(index, function):
        try:
            barrier.wait()
            results[index] = ("ok", function())
        except Exception as error:  # the outcome is what the test checks
            results[index] = ("error", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def story():
    writer = UserFactory(username="plume", group="Journalists")
    article = ArticleFactory(authors=[AuthorFactory(user=writer)])
    workflow.apply_transition(article, "submit", writer)
    return article


def test_two_editors_publishing_at_once_make_one_transition(story):
    first, second = (UserFactory(username=name, group="Editors") for name in ("chef1", "chef2"))

    def publish(user):
        def act():
            return workflow.apply_transition(Article.objects.get(pk=story.pk), "publish", user)

        return act

    results = run_together(publish(first), publish(second))
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["error", "ok"]
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, workflow.WorkflowError)
    assert Transition.objects.filter(article=story, name="publish").count() == 1
    assert Article.objects.get(pk=story.pk).status == "published"


def test_two_saves_from_the_same_version_keep_one_and_refuse_the_other(story):
    def save(headline):
        def act():
            with transaction.atomic():
                copy = Article.objects.get(pk=story.pk)
                copy._loaded_version = story.version  # both started from the same version
                copy.headline = headline
                copy.save()
                return headline

        return act

    results = run_together(save("Version A"), save("Version B"))
    kinds = sorted(kind for kind, _ in results)
    assert kinds == ["error", "ok"]
    assert isinstance(next(v for k, v in results if k == "error"), EditConflict)
    kept = next(v for k, v in results if k == "ok")
    assert Article.objects.get(pk=story.pk).headline == kept


def test_readers_keep_reading_during_a_publish(story):
    editor = UserFactory(username="chef", group="Editors")
    url = story.get_absolute_url()
    statuses = []
    stop = threading.Event()

    def read():
        client = Client()
        seen = []
        while not stop.is_set():
            seen.append(client.get(url).status_code)
        return seen

    def publish():
        try:
            return workflow.apply_transition(Article.objects.get(pk=story.pk), "publish", editor)
        finally:
            stop.set()

    results = run_together(read, read, publish)
    for kind, value in results[:2]:
        assert kind == "ok"
        statuses.extend(value)
        # Before the commit a 404, after it a 200, never back, never an error.
        assert value == sorted(value, key=lambda s: s == 200)
    assert results[2][0] == "ok"
    assert set(statuses) <= {200, 404}
    assert Client().get(url).status_code == 200
    assert connection.vendor == "postgresql"
