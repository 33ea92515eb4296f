"""What an import did: counts for the summary, and notes on what needs a person's eye."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# Article states as the summary counts them ("scheduled" is published with a future time).
PUBLISHED, SCHEDULED, DRAFT, REVIEW, NOT_PUBLIC = (
    "published",
    "scheduled",
    "draft",
    "review",
    "not_public",
)


@dataclass
class Summary:
    dry_run: bool = False
    site: str = ""
    authors_created: int = 0
    authors_linked: int = 0
    authors_known: int = 0
    sections_created: int = 0
    sections_reused: int = 0
    tags_created: int = 0
    tags_too_long: int = 0
    posts: Counter = field(default_factory=Counter)
    images_stored: int = 0
    images_missing: int = 0
    images_refused: int = 0
    images_reused: int = 0  # stored by an earlier run
    pages_reported: int = 0
    comments_skipped: int = 0
    shortcodes_removed: Counter = field(default_factory=Counter)
    items_refused: int = 0
    already_imported: int = 0
    other_items: Counter = field(default_factory=Counter)
    addresses_kept: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def posts_imported(self) -> int:
        return sum(self.posts.values())

    @property
    def items_skipped(self) -> int:
        """Items read and not imported: already there, pages, refused and the rest."""
        return (
            self.already_imported
            + self.pages_reported
            + self.items_refused
            + sum(self.other_items.values())
        )

    def text(self) -> str:
        """What the command prints: the notes to check, then the summary."""
        notes = [_("To check:"), *(f"- {note}" for note in self.notes), ""] if self.notes else []
        return "\n".join([*notes, *self.lines()])

    def note(self, text: str) -> None:
        self.notes.append(str(text))

    def lines(self) -> list[str]:
        """The summary, one line per kind of thing, in the active language."""
        posts = self.posts
        lines = [
            _("Dry run: nothing was saved.") if self.dry_run else _("Import finished."),
            _(
                "Articles imported: %(total)d (published %(published)d, scheduled %(scheduled)d, "
                "draft %(draft)d, in review %(review)d, not public %(not_public)d)."
            )
            % {
                "total": self.posts_imported,
                "published": posts[PUBLISHED],
                "scheduled": posts[SCHEDULED],
                "draft": posts[DRAFT],
                "review": posts[REVIEW],
                "not_public": posts[NOT_PUBLIC],
            },
            _("Already imported (skipped): %(n)d.") % {"n": self.already_imported},
            _(
                "Authors: %(created)d created, %(linked)d linked to an existing account, "
                "%(known)d already imported."
            )
            % {
                "created": self.authors_created,
                "linked": self.authors_linked,
                "known": self.authors_known,
            },
            _("Sections: %(created)d created, %(reused)d existing reused.")
            % {"created": self.sections_created, "reused": self.sections_reused},
            _("Tags: %(created)d created, %(long)d too long skipped.")
            % {"created": self.tags_created, "long": self.tags_too_long},
            _("Images: %(stored)d stored, %(missing)d missing, %(refused)d refused.")
            % {
                "stored": self.images_stored,
                "missing": self.images_missing,
                "refused": self.images_refused,
            },
            *(
                [
                    _("Images already imported by an earlier run, reused: %(n)d.")
                    % {"n": self.images_reused}
                ]
                if self.images_reused
                else []
            ),
            _("Pages reported, not imported: %(n)d.") % {"n": self.pages_reported},
            _("Comments skipped: %(n)d.") % {"n": self.comments_skipped},
            _("Shortcodes removed: %(n)d%(detail)s.")
            % {
                "n": sum(self.shortcodes_removed.values()),
                "detail": _counted(self.shortcodes_removed),
            },
            _("Other items skipped: %(n)d%(detail)s.")
            % {"n": sum(self.other_items.values()), "detail": _counted(self.other_items)},
            _("Items refused: %(n)d.") % {"n": self.items_refused},
            _("Old addresses of categories, tags and authors kept: %(n)d.")
            % {"n": self.addresses_kept},
        ]
        return lines


def _counted(counter: Counter) -> str:
    if not counter:
        return ""
    return " (" + ", ".join(f"{name} {count}" for name, count in sorted(counter.items())) + ")"
