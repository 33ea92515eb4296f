from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from importer import interrupt
from importer.chunks import POSTS_PER_CHUNK
from importer.progress import ProgressBar
from importer.run import import_wordpress
from importer.wxr import WxrError

# Marked for translation here, translated when shown.
HELP = gettext_noop(
    "Import a WordPress export file (WXR 1.0 to 1.2): authors as author profiles, categories "
    "as sections, tags, and posts as articles. A damaged file is refused before anything is "
    "written. Posts are saved in chunks (--chunk-size), each in its own transaction: an error, "
    "Ctrl-C or SIGTERM rolls back only the chunk in progress, with its pictures, and says "
    "where the run stopped; running the same command again resumes. Sections: a post's section is the top-level ancestor of its deepest category "
    "(the first listed when several are as deep); its other categories become tags; no "
    "category, or only WordPress's default one, means the section “Non classé”. States: "
    "publish → published, future → scheduled, draft → draft, pending → in review; private, "
    "trashed and password-protected posts → unpublished, reported. Pictures are taken from "
    "--media-dir (a copy of wp-content/uploads), never downloaded; missing ones are removed "
    "and reported. Pages are reported, comments counted, neither imported. Old addresses "
    "(?p=ID, /YYYY/MM/DD/slug/, /YYYY/MM/slug/, /slug/) redirect to the new articles. "
    "Running it again imports nothing twice."
)


class Command(BaseCommand):
    @property
    def help(self):
        return _(HELP)

    def add_arguments(self, parser):
        parser.add_argument("export", help=_("The WordPress export file (.xml)."))
        parser.add_argument(
            "--media-dir",
            help=_("A copy of the old site's wp-content/uploads folder, to take pictures from."),
        )
        parser.add_argument(
            "--link-users",
            action="store_true",
            help=_(
                "Tie each WordPress author to the existing account with the same e-mail "
                "address (else the same login). Without it, no account is touched."
            ),
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=POSTS_PER_CHUNK,
            help=_("Posts saved per transaction (default: %(default)s)."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Do all the work and print the summary, then save nothing."),
        )

    def handle(
        self, *args, export, media_dir, link_users, chunk_size, dry_run, verbosity, **options
    ):
        if chunk_size < 1:
            raise CommandError(_("--chunk-size must be at least 1."))

        def progress(items, total):
            bar = ProgressBar(
                self._write_progress,
                total,
                _("Importing"),
                in_place=self.stderr.isatty(),
                enabled=verbosity > 0,
            )
            return bar.wrap(items)

        try:
            with interrupt.raising_on_signals():
                summary = import_wordpress(
                    export,
                    media_dir=media_dir,
                    link_users=link_users,
                    dry_run=dry_run,
                    progress=progress,
                    announce=self._announce if verbosity > 0 else None,
                    chunk_size=chunk_size,
                )
        except WxrError as error:
            raise CommandError(str(error)) from None
        except interrupt.Interrupted as error:
            # The shell's convention for a process stopped by a signal.
            raise CommandError(
                "\n".join(
                    [
                        _("Interrupted (%(signal)s).") % {"signal": error},
                        *getattr(error, "__notes__", ()),
                    ]
                ),
                returncode=128 + error.signum,
            ) from None
        except DatabaseError as error:
            raise CommandError("\n".join([str(error), *getattr(error, "__notes__", ())])) from error
        if verbosity > 0 and summary.notes:
            self.stdout.write(_("To check:"))
            for note in summary.notes:
                self.stdout.write(f"- {note}")
        for line in summary.lines():
            self.stdout.write(line)

    def _announce(self, text):
        self.stderr.write(text, style_func=str)

    def _write_progress(self, text):
        self.stderr.write(text, style_func=str, ending="")
        self.stderr.flush()
