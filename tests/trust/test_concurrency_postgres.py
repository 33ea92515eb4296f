"""Real parallel transactions on PostgreSQL: one publish, one save, readers never see errors."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from articles import workflow
from articles.models import Article, Byline, Tagging, Transition
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


def new_byline(story):
    return Byline(article=story, author=AuthorFactory(), position=5), Byline.objects


def new_tagging(story):
    return Tagging(content_object=story, tag=Tag.objects.create(name="Nouveau")), Tagging.objects


@pytest.mark.parametrize("new_row", [new_byline, new_tagging])
def test_a_row_added_while_its_article_is_published_gets_the_new_time(story, new_row):
    """A byline's or tagging's trigger reads its article FOR SHARE: a publication written
    meanwhile waits for the row's transaction, then gives it its time (else each missed the
    other's uncommitted write, and the row kept the old time for good)."""
    when = timezone.now().replace(microsecond=0)
    inserted, go = threading.Event(), threading.Event()
    row, table = new_row(story)

    def add_row():
        try:
            with transaction.atomic():
                # In bulk, as the importer writes them: no signal touches the article (a
                # touch would hold its row as well).
                table.bulk_create([row])
                inserted.set()
                go.wait(timeout=10)
        finally:
            connections.close_all()

    def publish_meanwhile():
        try:
            inserted.wait(timeout=10)
            Article.objects.filter(pk=story.pk).update(published_at=when)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=f) for f in (add_row, publish_meanwhile)]
    for thread in threads:
        thread.start()
    assert inserted.wait(timeout=10)
    time.sleep(0.5)  # the publication is under way, waiting or (unlocked) done
    go.set()
    for thread in threads:
        thread.join(timeout=30)
    times = set(table.filter(pk=row.pk).values_list("published_at", flat=True))
    assert times == {when}


def test_two_writers_changing_published_articles_do_not_wait_for_each_other():
    """Each adds one to a row of PublishedSet that the other does not hold
    (articles/models/read_also.py): one row would make every editor's save wait for the
    commit of any other's."""
    from articles.models import PublishedSet

    first, second = ArticleFactory(), ArticleFactory()
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(
        status="published", published_at=timezone.now()
    )
    before = sum(PublishedSet.objects.values_list("changes", flat=True))
    holding, done = threading.Event(), threading.Event()

    def first_writer():
        with transaction.atomic():
            Article.objects.filter(pk=first.pk).update(headline="Premier titre")
            holding.set()
            done.wait(10)  # its transaction stays open until the second has committed

    def second_writer():
        holding.wait(10)
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                Article.objects.filter(pk=second.pk).update(headline="Second titre")
            return "committed"
        finally:
            done.set()

    results = run_together(first_writer, second_writer)
    assert results == [("ok", None), ("ok", "committed")]
    assert sum(PublishedSet.objects.values_list("changes", flat=True)) == before + 2
