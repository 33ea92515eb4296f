"""The search vectors of an import's articles, made beside the import.

Turning 500 articles' text into vectors keeps PostgreSQL busy for about a fifth of a
second a chunk, while the importer would wait. Once a chunk is committed, a thread of our
own asks for its vectors on a connection of its own, and the importer goes on reading the
next chunk on the other core. The run waits for the last ones before it ends, stopped or
not; one that never got them (a killed run) gets them at the start of the next. Inside a
caller's transaction (a dry run, a test) they are made at once, in that transaction.
"""

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection, transaction

from articles import search
from articles.models import Article

logger = logging.getLogger(__name__)


class Indexer:
    def __init__(self):
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-vectors")
        self._asked: list[Future] = []

    def catch_up(self) -> None:
        """Vectors a stopped run left unmade."""
        if search.uses_postgres():
            unmade = Article.objects.filter(search_vector__isnull=True)
            search.refresh_vectors(unmade.values_list("pk", flat=True))

    def chunk_written(self, article_ids) -> None:
        if not search.uses_postgres():
            return
        if connection.savepoint_ids:  # a caller's transaction holds the chunk's
            search.refresh_vectors(article_ids)
            return
        ids = list(article_ids)
        transaction.on_commit(lambda: self._asked.append(self._thread.submit(_refresh, ids)))

    def finish(self, raising=True) -> None:
        """Waits for the vectors asked for; raises the first error one met, unless the run
        is already stopping on its own (the next run makes what is missing)."""
        self._thread.shutdown(wait=True)
        asked, self._asked = self._asked, []
        errors = [found.exception() for found in asked if found.exception() is not None]
        for error in errors:
            logger.error("Search vectors of an imported chunk not made: %s", error)
        if errors and raising:
            raise errors[0]


def _refresh(article_ids) -> None:
    try:
        search.refresh_vectors(article_ids)
    finally:
        connection.close()  # this thread's own
