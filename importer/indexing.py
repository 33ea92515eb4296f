"""The search vectors of an import's articles, made beside the import.

Turning 500 articles' text into vectors keeps PostgreSQL busy for about a fifth of a
second a chunk, while the importer would wait. Once a chunk is committed, a thread of our
own asks for its vectors on a connection of its own, and the importer goes on reading the
next chunk on the other core. The run waits for the last ones before it ends, stopped or
not; any it could not make (the database refusing them, a killed run) are made at the
start of the next. Inside a caller's transaction (a dry run, a test) they are made at once,
in that transaction.
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
        self._asked: list[tuple[list[int], Future]] = []
        self._unsent: list[list[int]] = []  # written, not yet handed to the thread

    def catch_up(self) -> None:
        """Vectors a stopped run left unmade (an index keeps the articles without)."""
        if search.uses_postgres():
            unmade = Article.objects.filter(search_vector__isnull=True)
            search.refresh_vectors(unmade.values_list("pk", flat=True))

    def chunk_written(self, article_ids) -> None:
        if not search.uses_postgres():
            return
        if connection.savepoint_ids:  # a caller's transaction holds the chunk's
            search.refresh_vectors(article_ids)
            return
        self._unsent.append(list(article_ids))
        transaction.on_commit(self._send)

    def _send(self) -> None:
        while self._unsent:
            ids = self._unsent.pop(0)
            self._asked.append((ids, self._thread.submit(_refresh, ids)))

    def finish(self) -> int:
        """Waits for the vectors asked for; returns how many articles' could not be made
        (the next run makes them). A chunk whose commit hook was cut short by a signal is
        sent now; one rolled back is no row to update."""
        self._send()
        self._thread.shutdown(wait=True)
        asked, self._asked = self._asked, []
        unmade = 0
        for ids, done in asked:
            if done.exception() is not None:
                logger.error(
                    "Search vectors of %d imported articles: %s", len(ids), done.exception()
                )
                unmade += len(ids)
        return unmade


def _refresh(article_ids) -> None:
    try:
        search.refresh_vectors(article_ids)
    finally:
        connection.close()  # this thread's own
