"""What a run must remember from one end of the export to the other, kept on disk.

Attachments are read with the channel, before the posts that show them; the pictures a run
stores and the files it writes are needed until its end. An export of a hundred thousand
attachments would hold all of them in memory: they go to a SQLite database in a temporary
folder instead, deleted when it is closed, so memory stays flat whatever the file's size.
"""

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

UPLOADS = "wp-content/uploads/"
# The pictures a gallery of a post's attachments shows, as WordPress tells them from files.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif")
# SQLite's page cache, in KiB (a negative cache_size): the rest stays on disk.
CACHE_KIB = 2048

_SCHEMA = """
CREATE TABLE attachment (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,
    alt TEXT NOT NULL, caption TEXT NOT NULL, parent INTEGER, menu_order INTEGER NOT NULL,
    image INTEGER NOT NULL
);
CREATE INDEX attachment_path ON attachment (path);
CREATE INDEX attachment_parent ON attachment (parent, menu_order, id);
CREATE TABLE picture (path TEXT PRIMARY KEY, picture_id INTEGER, url TEXT NOT NULL);
CREATE TABLE written (name TEXT NOT NULL);
"""
_FIELDS = "id, path, url, title, alt, caption, parent, menu_order"


def upload_path(url: str) -> str:
    """'https://old.example/wp-content/uploads/2024/03/a.jpg?ver=2' → '2024/03/a.jpg'."""
    path = unquote(urlsplit((url or "").strip()).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


@dataclass(frozen=True)
class Attachment:
    """What the import uses of an attachment item."""

    id: int
    path: str  # under the uploads folder
    url: str
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: int | None = None
    menu_order: int = 0

    @classmethod
    def from_item(cls, item) -> "Attachment":
        path = item.meta.get("_wp_attached_file", "").strip() or upload_path(item.attachment_url)
        return cls(
            id=item.post_id,
            path=path,
            url=item.attachment_url,
            title=item.title,
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            caption=item.excerpt,
            parent=item.parent,
            menu_order=item.menu_order,
        )


class Attachments:
    """The export's attachments by id, and the run's pictures and written files."""

    def __init__(self):
        self._folder = tempfile.TemporaryDirectory(prefix="wordpress-import-")
        self._db = sqlite3.connect(Path(self._folder.name) / "run.sqlite3")
        # Scratch data, lost with the run anyway: no journal, no waiting for the disk.
        self._db.executescript(
            f"PRAGMA cache_size = -{CACHE_KIB}; PRAGMA journal_mode = OFF; "
            f"PRAGMA synchronous = OFF; {_SCHEMA}"
        )

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    # --- the export's attachments -------------------------------------------------------
    def add(self, attachment: Attachment) -> None:
        image = PurePosixPath(attachment.path.lower()).suffix in IMAGE_SUFFIXES
        self._db.execute(
            f"INSERT OR REPLACE INTO attachment ({_FIELDS}, image) VALUES ({', '.join('?' * 9)})",
            (*(getattr(attachment, name) for name in _FIELDS.split(", ")), image),
        )

    def get(self, attachment_id: int) -> Attachment | None:
        return self._one("WHERE id = ?", attachment_id)

    def at_path(self, path: str) -> Attachment | None:
        return self._one("WHERE path = ? ORDER BY id", path)

    def images_of(self, parent: int) -> list[int]:
        """A post's own pictures, in the order WordPress's [gallery] shows them."""
        rows = self._db.execute(
            "SELECT id FROM attachment WHERE parent = ? AND image ORDER BY menu_order, id",
            (parent,),
        )
        return [attachment_id for (attachment_id,) in rows]

    def _one(self, where: str, value) -> Attachment | None:
        row = self._db.execute(f"SELECT {_FIELDS} FROM attachment {where}", (value,)).fetchone()
        return Attachment(*row) if row else None

    # --- what the run stores --------------------------------------------------------------
    def picture(self, path: str) -> tuple[int | None, str] | None:
        """(picture id or None if refused, its address) of a file already met this run."""
        row = self._db.execute("SELECT picture_id, url FROM picture WHERE path = ?", (path,))
        return row.fetchone()

    def keep_picture(self, path: str, picture_id: int | None, url: str = "") -> None:
        self._db.execute("INSERT OR REPLACE INTO picture VALUES (?, ?, ?)", (path, picture_id, url))

    def wrote(self, name: str) -> None:
        self._db.execute("INSERT INTO written VALUES (?)", (name,))

    def written(self):
        """The storage names written, in order; forgotten once all are read."""
        for (name,) in self._db.execute("SELECT name FROM written ORDER BY rowid"):
            yield name
        self._db.execute("DELETE FROM written")

    def forget_written(self) -> None:
        """The files written so far are kept: a later rollback must not remove them."""
        self._db.execute("DELETE FROM written")
