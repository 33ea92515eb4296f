"""The import as a whole: chunks of posts, each in its own transaction, and a record of
each run.

The export is read twice. The first pass checks the whole file (a damaged, cut-short or
hostile file is refused before anything is written) and collects what posts refer to
ahead of them — authors, categories, tags, attachments. The second streams the items and
imports them, POSTS_PER_CHUNK posts a transaction (importer/chunks.py): a chunk that fails
or is interrupted rolls back alone, with its picture files, and the run stops, saying
where; running it again resumes. A dry run does all the work in one transaction, then
rolls it back. Every run, refused and failed ones included, leaves an ImportRun with its
report, written outside the transactions so that it outlives a rollback. Once articles
are in, every cached page is made stale, once for the run.
"""

import logging
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import changes
from importer import interrupt, term_addresses, wxr
from importer.chunks import POSTS_PER_CHUNK, Chunks, Kept
from importer.indexing import Indexer
from importer.media import MediaLibrary
from importer.models import ImportRun
from importer.people import AuthorDirectory
from importer.posts import PostImporter, plain_text, wordpress_time
from importer.report import Summary
from importer.taxonomy import SectionChooser

logger = logging.getLogger(__name__)

# WordPress states that make a post public at its date: without one, it stays a draft.
DATED_STATES = ("publish", "future")
ERROR_MAX = 1000


def import_wordpress(
    path,
    media_dir=None,
    link_users=False,
    dry_run=False,
    progress=None,
    announce=None,
    chunk_size=POSTS_PER_CHUNK,
):
    """Import the export at `path`; returns the Summary. Raises wxr.WxrError, untouched DB.

    `progress(items, total)` may wrap the items to show progress; `announce(text)` is told
    when the last, silent part begins. A run that stops on an error or a signal raises it
    with a note (`add_note`) saying what was kept and how to resume.
    """
    record = ImportRun.objects.create(export_name=Path(path).name[:255])
    kept = Kept()
    try:
        summary = _import(
            path, media_dir, link_users, dry_run, progress, announce, chunk_size, kept
        )
    except wxr.WxrError as error:
        _close(record, ImportRun.Outcome.REFUSED, report=str(error)[:ERROR_MAX])
        raise
    except (interrupt.Interrupted, KeyboardInterrupt) as error:
        _stopped(record, ImportRun.Outcome.INTERRUPTED, error, kept, dry_run)
        raise
    except BaseException as error:
        _stopped(record, ImportRun.Outcome.FAILED, error, kept, dry_run)
        raise
    if kept.articles and not dry_run:
        changes.many_articles_shown()
    outcome = ImportRun.Outcome.DRY_RUN if dry_run else ImportRun.Outcome.FINISHED
    _close(record, outcome, summary=summary)
    return summary


def _import(path, media_dir, link_users, dry_run, progress, announce, chunk_size, kept):
    channel = wxr.read_channel(path)
    indexer = Indexer()
    try:
        summary = Summary(dry_run=dry_run, site=channel.site)
        media = MediaLibrary(media_dir, channel.attachments, summary, channel.site)
        chunks = Chunks(media, keep_files=not dry_run, kept=kept)
        if not dry_run:
            indexer.catch_up()
            _import_channel(
                channel, path, link_users, progress, announce, chunk_size, chunks, indexer
            )
            unmade = indexer.finish()
            if unmade:
                summary.note(
                    _(
                        "The search index of %(count)d articles could not be made: the next "
                        "import makes it (run it again, with the same file)."
                    )
                    % {"count": unmade}
                )
            return summary
        try:
            with transaction.atomic():  # one transaction, rolled back: the chunks within it
                _import_channel(
                    channel, path, link_users, progress, announce, chunk_size, chunks, indexer
                )
                transaction.set_rollback(True)
        finally:
            media.discard_written()
        return summary
    finally:
        indexer.finish()  # a stopped run's committed chunks too
        channel.close()


def _import_channel(channel, path, link_users, progress, announce, chunk_size, chunks, indexer):
    summary, kept = chunks.media.summary, chunks.kept
    if channel.version not in wxr.KNOWN_VERSIONS:
        summary.note(
            _("Export version %(version)s: read as 1.2, the latest known.")
            % {"version": channel.version}
        )
    items = wxr.iter_items(path)
    if progress is not None:
        items = progress(items, channel.item_count)
    items, posts, more = iter(items), None, True
    while more:
        with chunks.transaction() as chunk:
            if posts is None:  # the first chunk brings the authors
                authors = AuthorDirectory(channel.site, channel.authors, summary, link_users)
                authors.import_all()
                sections = SectionChooser(channel.categories, summary)
                posts = PostImporter(
                    channel, summary, authors, sections, chunks.media, indexer.chunk_written
                )
            more = _read_chunk(items, posts, summary, chunk_size, kept)
            chunk.articles, chunk.last_post = len(posts.write()), kept.reading
            chunk.notes = list(summary.notes)
    if announce is not None:
        announce(_("Saving: old addresses of categories, tags and authors…"))
    with chunks.transaction():
        term_addresses.keep(channel, summary)


def _read_chunk(items, posts, summary, chunk_size, kept) -> bool:
    """Read items until `chunk_size` posts wait to be written; False once the file is read."""
    for item in items:
        kept.read(item.post_id)
        _import_item(item, posts, summary)
        if len(posts.pending) >= chunk_size:
            return True
    return False


def _import_item(item, posts, summary) -> None:
    summary.comments_skipped += item.comments
    if item.post_type == "post":
        _keep_undated_as_draft(item, posts, summary)
        posts.import_post(item)
    elif item.post_type == "page":
        summary.pages_reported += 1
        summary.note(
            _("Page %(id)s “%(title)s” not imported (pages are not articles): %(link)s")
            % {"id": item.post_id, "title": plain_text(item.title)[:60], "link": item.link}
        )
    elif item.post_type != "attachment":  # attachments are read with the channel
        summary.other_items[item.post_type] += 1


def _keep_undated_as_draft(item, posts, summary) -> None:
    """WordPress's dates: the GMT one, else the local one. A post to be public with neither
    (0000-00-00, year 1, past 2200) is kept as a draft for a person to date."""
    if item.status not in DATED_STATES or item.post_id is None or item.post_id in posts.done:
        return
    if wordpress_time(item.post_date_gmt, item.post_date) is not None:
        return
    summary.note(
        _("Post %(id)d “%(title)s”: no valid date (%(date)s): kept as a draft.")
        % {
            "id": item.post_id,
            "title": plain_text(item.title)[:60],
            "date": (item.post_date or item.post_date_gmt or "—")[:40],
        }
    )
    item.status = "draft"


def _stopped(record, outcome, error, kept, dry_run) -> None:
    """A run stopped by an error or a signal: recorded with what it kept and how to resume."""
    lines = [] if dry_run else kept.report()
    if lines:
        error.add_note("\n".join(lines))
    if kept.articles and not dry_run:
        changes.many_articles_shown()
    what = f"{type(error).__name__}: {error}"[:ERROR_MAX]
    notes = [] if dry_run or not kept.notes else ["", _("To check:")]
    notes += [f"- {note}" for note in ([] if dry_run else kept.notes)]
    _close(
        record,
        outcome,
        report="\n".join([what, *lines, *notes]),
        imported=0 if dry_run else kept.articles,
        reported=0 if dry_run else len(kept.notes),
    )


def _close(record, outcome, summary=None, report="", imported=0, reported=0) -> None:
    """The run's end and report; a failure to write them never hides the run's own."""
    fields = {
        "outcome": outcome,
        "finished_at": timezone.now(),
        "report": report,
        "imported": imported,
        "reported": reported,
    }
    if summary is not None:
        fields.update(
            site=summary.site,
            imported=summary.posts_imported,
            skipped=summary.items_skipped,
            reported=len(summary.notes),
            report=summary.text(),
        )
    try:
        ImportRun.objects.filter(pk=record.pk).update(**fields)
    except DatabaseError:
        logger.exception("The end of import run %s could not be recorded.", record.pk)
