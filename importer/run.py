"""The import as a whole: one transaction, all or nothing.

The export is read twice. The first pass checks the whole file (a damaged, cut-short or
hostile file is refused before anything is written) and collects what posts refer to
ahead of them — authors, categories, attachments. The second streams the items and
imports them. A dry run does all the work, then rolls it back.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from importer import wxr
from importer.media import MediaLibrary
from importer.people import AuthorDirectory
from importer.posts import PostImporter, plain_text
from importer.report import Summary
from importer.taxonomy import SectionChooser


def import_wordpress(
    path, media_dir=None, link_users=False, dry_run=False, progress=None, announce=None
):
    """Import the export at `path`; returns the Summary. Raises wxr.WxrError, untouched DB.

    `progress(items, total)` may wrap the items to show progress; `announce(text)` is told
    when the last, silent part begins (search fields, then what runs after the commit).
    """
    channel = wxr.read_channel(path)
    summary = Summary(dry_run=dry_run)
    if channel.version not in wxr.KNOWN_VERSIONS:
        summary.note(
            _("Export version %(version)s: read as 1.2, the latest known.")
            % {"version": channel.version}
        )
    media = MediaLibrary(media_dir, channel.attachments, summary)
    completed = False
    try:
        with transaction.atomic():
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
            if dry_run:
                transaction.set_rollback(True)
            completed = True
    except BaseException:
        # Failing after `completed`, the data is committed (a task run after the commit
        # failed): its pictures must stay. Before, nothing was kept, so neither are they.
        if not completed:
            media.discard_written()
        raise
    if dry_run:
        media.discard_written()
    return summary


def _import_item(item, posts, summary) -> None:
    summary.comments_skipped += item.comments
    if item.post_type == "post":
        posts.import_post(item)
    elif item.post_type == "page":
        summary.pages_reported += 1
        summary.note(
            _("Page %(id)s “%(title)s” not imported (pages are not articles): %(link)s")
            % {"id": item.post_id, "title": plain_text(item.title)[:60], "link": item.link}
        )
    elif item.post_type != "attachment":  # attachments are read with the channel
        summary.other_items[item.post_type] += 1
