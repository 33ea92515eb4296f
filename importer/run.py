"""The import as a whole: one transaction, all or nothing, and a record of each run.

The export is read twice. The first pass checks the whole file (a damaged, cut-short or
hostile file is refused before anything is written) and collects what posts refer to
ahead of them — authors, categories, tags, attachments. The second streams the items and
imports them. A dry run does all the work, then rolls it back. Every run, refused and
failed ones included, leaves an ImportRun with its report, written outside the
transaction so that it outlives a rollback. A run that does not commit — refused, failed,
interrupted (importer/interrupt.py), dry — removes the picture files it wrote.
"""

import logging
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from importer import interrupt, term_addresses, wxr
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
    path, media_dir=None, link_users=False, dry_run=False, progress=None, announce=None
):
    """Import the export at `path`; returns the Summary. Raises wxr.WxrError, untouched DB.

    `progress(items, total)` may wrap the items to show progress; `announce(text)` is told
    when the last, silent part begins (search fields, then what runs after the commit).
    """
    record = ImportRun.objects.create(export_name=Path(path).name[:255])
    try:
        summary = _import(path, media_dir, link_users, dry_run, progress, announce)
    except wxr.WxrError as error:
        _close(record, ImportRun.Outcome.REFUSED, report=str(error))
        raise
    except (interrupt.Interrupted, KeyboardInterrupt) as error:
        _close(record, ImportRun.Outcome.INTERRUPTED, report=f"{type(error).__name__}: {error}")
        raise
    except BaseException as error:
        _close(record, ImportRun.Outcome.FAILED, report=f"{type(error).__name__}: {error}")
        raise
    outcome = ImportRun.Outcome.DRY_RUN if dry_run else ImportRun.Outcome.FINISHED
    _close(record, outcome, summary=summary)
    return summary


def _import(path, media_dir, link_users, dry_run, progress, announce) -> Summary:
    channel = wxr.read_channel(path)
    try:
        return _import_channel(channel, path, media_dir, link_users, dry_run, progress, announce)
    finally:
        channel.close()


def _import_channel(channel, path, media_dir, link_users, dry_run, progress, announce):
    summary = Summary(dry_run=dry_run, site=channel.site)
    if channel.version not in wxr.KNOWN_VERSIONS:
        summary.note(
            _("Export version %(version)s: read as 1.2, the latest known.")
            % {"version": channel.version}
        )
    media = MediaLibrary(media_dir, channel.attachments, summary, channel.site)
    committed, commit = False, interrupt.Hold()

    def mark_committed():
        nonlocal committed
        committed = True
        commit.stop()  # a signal that came during the commit stops the run now, data kept

    try:
        with transaction.atomic():
            # First of the tasks run after the commit: if a later one fails, the data stays.
            transaction.on_commit(mark_committed)
            authors = AuthorDirectory(channel.site, channel.authors, summary, link_users)
            authors.import_all()
            posts = PostImporter(
                channel, summary, authors, SectionChooser(channel.categories, summary), media
            )
            items = wxr.iter_items(path)
            if progress is not None:
                items = progress(items, channel.item_count)
            for item in items:
                _import_item(item, posts, summary)
            if announce is not None:
                announce(_("Saving: search fields, revisions, pictures' sizes…"))
            posts.finish()
            term_addresses.keep(channel, summary)
            if dry_run:
                transaction.set_rollback(True)
            # Cut between the commit and mark_committed, the files would go, the rows stay.
            commit.start()
        committed = True  # inside a caller's transaction, this run's part is done
        commit.stop()
    except BaseException:
        commit.stop(raising=False)
        # Nothing was kept (a failure, a signal, or the commit itself failing), so neither
        # are the files; once committed, the data needs its pictures.
        if not committed or dry_run:
            media.discard_written()
        raise
    if dry_run:
        media.discard_written()
    return summary


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


def _close(record, outcome, summary=None, report="") -> None:
    """The run's end and report; a failure to write them never hides the run's own."""
    fields = {"outcome": outcome, "finished_at": timezone.now(), "report": report[:ERROR_MAX]}
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
