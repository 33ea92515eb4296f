"""Posts imported a chunk at a time, each chunk in its own transaction.

A chunk that fails — a database error, SIGTERM, Ctrl-C — rolls back alone and its picture
files are removed; the chunks before it stay, with their files. Running the same command
again resumes: the posts already imported are skipped (importer/models.py: ImportedPost).
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from importer import interrupt

POSTS_PER_CHUNK = 500


@dataclass
class Chunk:
    """What one chunk wrote."""

    articles: int = 0
    last_post: int | None = None
    notes: list[str] = field(default_factory=list)  # the run's notes up to its last post


@dataclass
class Kept:
    """What the run has committed so far, and where it stands, to say where to resume."""

    articles: int = 0
    last_post: int | None = None  # the last post read by the last chunk committed
    first_read: int | None = None  # the first and last posts read by the chunk in progress
    reading: int | None = None
    notes: list[str] = field(default_factory=list)  # to check, on what was kept

    def read(self, post_id: int | None) -> None:
        if self.first_read is None:
            self.first_read = post_id
        self.reading = post_id

    def add(self, chunk: Chunk) -> None:
        self.articles += chunk.articles
        if chunk.last_post is not None:
            self.last_post = chunk.last_post
        if chunk.notes:  # the last chunk, old addresses of terms, writes no post's
            self.notes = chunk.notes
        self.first_read = self.reading = None

    def report(self) -> list[str]:
        """Where a run that stopped stopped, what it kept, how to resume."""
        lines = []
        if self.reading is not None:
            lines.append(
                _(
                    "Stopped in the chunk of WordPress posts %(first)s to %(last)s: it was "
                    "rolled back and its pictures removed."
                )
                % {"first": self.first_read, "last": self.reading}
            )
        if self.articles:
            lines.append(
                _("Kept from the chunks before: %(count)d articles, up to WordPress post %(id)s.")
                % {"count": self.articles, "id": self.last_post}
            )
        else:
            lines.append(_("No article was kept."))
        if self.notes:
            lines.append(
                _("%(count)d notes to check on what was kept: in this run's report.")
                % {"count": len(self.notes)}
            )
        lines.append(
            _("Run the same command again to resume: the posts already imported are skipped.")
        )
        return lines


class Chunks:
    """The transactions of a run's chunks. `keep_files` is False for a dry run, whose files
    all go at its end."""

    def __init__(self, media, keep_files: bool, kept: Kept):
        self.media = media
        self.keep_files = keep_files
        self.kept = kept

    @contextmanager
    def transaction(self):
        """One chunk: committed whole, or rolled back whole with the files it wrote. The
        body fills in the Chunk it is given, which counts once committed."""
        chunk, committed, commit = Chunk(), False, interrupt.Hold()

        def mark_committed():
            nonlocal committed
            if not committed:
                committed = True
                self.kept.add(chunk)
                self._files_kept()
            commit.stop()  # a signal that came during the commit stops the run now, data kept

        try:
            with transaction.atomic():
                # First of the tasks run after the commit: if a later one fails, the data stays.
                transaction.on_commit(mark_committed)
                yield chunk
                # Cut between the commit and mark_committed, the files would go, the rows stay.
                commit.start()
            mark_committed()  # inside a caller's transaction, this chunk's part is done
        except BaseException:
            commit.stop(raising=False)
            if not committed:
                self.media.discard_written()
            raise

    def _files_kept(self) -> None:
        if self.keep_files:
            self.media.keep_written()
