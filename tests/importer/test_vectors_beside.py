"""On PostgreSQL the search vectors of each committed chunk are made on a connection of
the importer's own while it reads the next chunk (importer/indexing.py): by the run's end
every article has them, a run that stops keeps them for the chunks it committed, and a run
after a killed one makes those it left unmade."""

import signal
import threading

import pytest
from django.db import DatabaseError, OperationalError, connection, transaction
from django.utils import translation

from articles import search
from articles.models import Article
from importer import indexing, interrupt
from importer.models import ImportRun
from importer.run import import_wordpress
from tests.factories import ArticleFactory
from tests.importer.exports import export, post
from tests.importer.test_interruptions import CUT

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def found(words) -> list[str]:
    matching = search.matching(Article.objects.all(), search.words(words))
    return sorted(matching.values_list("headline", flat=True))


def seven_posts(*, cut_at=None):
    titles = ["Harmattan", "Baobab", "Karité", "Sorgho", "Mangrove", "Tamarinier", "Niébé"]
    return export(
        *(
            post(i, "Coupure" if i == cut_at else title, content=f"Le mot {title.lower()}.")
            for i, title in enumerate(titles, start=1)
        )
    )


def test_every_chunk_has_its_vectors_by_the_runs_end(write_export, monkeypatch):
    threads = []
    refresh = search.refresh_vectors

    def noting_the_thread(ids):
        threads.append(threading.current_thread().name)
        refresh(ids)

    monkeypatch.setattr(search, "refresh_vectors", noting_the_thread)
    import_wordpress(write_export(seven_posts()), chunk_size=3)
    assert not Article.objects.filter(search_vector__isnull=True).exists()
    assert found("niébé") == ["Niébé"] and found("harmattan") == ["Harmattan"]
    # The catch-up on the main thread, then each chunk's on the importer's own.
    assert threads[1:] == ["import-vectors_0"] * 3


@pytest.fixture
def refusing_a_headline():
    """The database refuses an article headed «Coupure», as a cut connection would."""
    with connection.cursor() as cursor:
        for statement in CUT["postgresql"]:
            cursor.execute(statement.format(table="articles_article", column="headline"))
    yield
    with connection.cursor() as cursor:  # a transactional test's schema is not rolled back
        cursor.execute("DROP TRIGGER cut ON articles_article; DROP FUNCTION cut()")


def test_a_stopped_run_keeps_the_vectors_of_the_chunks_it_committed(
    write_export, refusing_a_headline
):
    with pytest.raises(DatabaseError, match="connection cut"):
        import_wordpress(write_export(seven_posts(cut_at=5)), chunk_size=2)
    assert Article.objects.count() == 4
    assert not Article.objects.filter(search_vector__isnull=True).exists()
    assert found("baobab") == ["Baobab"] and found("sorgho") == ["Sorgho"]


def test_a_run_makes_the_vectors_a_killed_run_left_unmade(write_export):
    import_wordpress(write_export(seven_posts()), chunk_size=3)
    Article.objects.filter(headline__in=["Baobab", "Karité"]).update(search_vector=None)
    assert found("baobab") == []  # as a run killed before its thread's work leaves them
    summary = import_wordpress(write_export(seven_posts()), chunk_size=3)
    assert summary.already_imported == 7
    assert found("baobab") == ["Baobab"] and found("karité") == ["Karité"]


def test_vectors_the_thread_could_not_make_are_reported_and_made_next_time(
    write_export, monkeypatch
):
    refresh, calls = indexing._refresh, []

    def refused_once(ids):
        calls.append(ids)
        if len(calls) == 1:
            raise OperationalError("the second connection was refused")
        refresh(ids)

    monkeypatch.setattr(indexing, "_refresh", refused_once)
    with translation.override("en"):
        summary = import_wordpress(write_export(seven_posts()), chunk_size=3)
    assert summary.posts_imported == 7  # the run is not failed for it
    assert any("search index of 3 articles could not be made" in note for note in summary.notes)
    assert ImportRun.objects.get().outcome == ImportRun.Outcome.FINISHED
    assert found("harmattan") == [] and found("niébé") == ["Niébé"]
    import_wordpress(write_export(seven_posts()), chunk_size=3)
    assert found("harmattan") == ["Harmattan"]


def test_a_chunk_whose_commit_hook_a_signal_cut_short_still_gets_its_vectors():
    article = ArticleFactory(headline="Le karité de Korhogo")
    Article.objects.filter(pk=article.pk).update(search_vector=None)
    indexer = indexing.Indexer()

    def stopped_by_a_signal():  # as importer/chunks.py's hook raises for a held SIGTERM
        raise interrupt.Interrupted(signal.SIGTERM)

    with pytest.raises(interrupt.Interrupted), transaction.atomic():
        transaction.on_commit(stopped_by_a_signal)  # Django drops the hooks after it
        indexer.chunk_written([article.pk])
    assert found("korhogo") == []
    assert indexer.finish() == 0
    assert found("korhogo") == ["Le karité de Korhogo"]
