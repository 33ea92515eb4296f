"""Pictures from the old site's uploads folder, copied into Newsroom's storage.

Each file becomes a Picture of the media library, once however many posts show it: the
featured image of a post and the pictures, galleries included, of its body.
Nothing is downloaded: a picture is taken from --media-dir (a copy of wp-content/uploads)
when its file is there, and reported when it is not. Every file goes through the same
checks as an upload (allowlisted formats, size, pixels; metadata stripped) and is stored
under a server-made name. Paths from the export never leave --media-dir.
"""

import re
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from articles.models import Picture
from importer.body import Stored
from newsroom.images.fields import checked_file
from newsroom.text import clean_line

UPLOADS = "wp-content/uploads/"
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_ATTACHMENT_CLASS = re.compile(r"\bwp-image-(\d+)\b")


def upload_path(url: str) -> str:
    """'https://old.example/wp-content/uploads/2024/03/a.jpg?ver=2' → '2024/03/a.jpg'."""
    path = unquote(urlsplit((url or "").strip()).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


def _plain(text: str) -> str:
    return clean_line(unescape(strip_tags(text or "")))


def attachment_path(attachment) -> str:
    """Where an attachment's file sits under the uploads folder."""
    return attachment.meta.get("_wp_attached_file", "").strip() or upload_path(
        attachment.attachment_url
    )


class MediaLibrary:
    def __init__(self, media_dir, attachments, summary):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.attachments = attachments
        self.summary = summary
        self._pictures = {}  # uploads path → its library Picture, to store each file once
        self._by_path = None  # uploads path → attachment, made when first needed
        self.written = []  # storage names written by this run: removed if it is rolled back

    def for_post(self, post, headline) -> "PostMedia":
        """What a post's body needs: its pictures stored, its attachments' addresses."""
        return PostMedia(self, post, headline)

    # --- pictures in the body ---------------------------------------------------------
    def inline(self, post, src, classes, alt, headline) -> Stored | None:
        candidates = []
        wanted = upload_path(src)
        if wanted:
            # The size WordPress inserted, else the original it was cut from.
            candidates += [wanted, _SIZE_SUFFIX.sub("", wanted)]
        attachment = self._attachment(classes)
        if attachment is not None:
            candidates.append(attachment_path(attachment))
        if not candidates:
            self.summary.images_missing += 1
            self.summary.note(
                _("Post %(id)d: picture from outside the WordPress uploads removed: %(src)s")
                % {"id": post.post_id, "src": src[:200]}
            )
            return None
        found = self._find(candidates)
        if found is None:
            self._missing(post, wanted or candidates[-1])
            return None
        relative, path = found
        attachment = attachment or self._attachment_at(relative)
        picture = self._picture(post, relative, path, attachment, alt, headline)
        return Stored(picture.file.url, picture.pk) if picture else None

    def attachment_url(self, attachment_id: int) -> str | None:
        attachment = self.attachments.get(attachment_id)
        if attachment is None:
            return None
        return attachment.attachment_url or "/" + UPLOADS + attachment_path(attachment)

    def _attachment(self, classes):
        found = _ATTACHMENT_CLASS.search(classes or "")
        return self.attachments.get(int(found.group(1))) if found else None

    def _attachment_at(self, relative):
        if self._by_path is None:
            self._by_path = {attachment_path(a): a for a in self.attachments.values()}
        return self._by_path.get(relative)

    # --- the featured image ----------------------------------------------------------
    def attach_featured(self, article, post) -> None:
        """The post's featured image (its _thumbnail_id), with its alt text and caption."""
        thumbnail_id = post.meta.get("_thumbnail_id", "").strip()
        if not thumbnail_id:
            return
        attachment = self.attachments.get(int(thumbnail_id)) if thumbnail_id.isdigit() else None
        if attachment is None:
            self.summary.images_missing += 1
            self.summary.note(
                _("Post %(id)d: featured image %(image)s is not in the export.")
                % {"id": post.post_id, "image": thumbnail_id[:20]}
            )
            return
        relative = attachment_path(attachment)
        found = self._find([relative])
        if found is None:
            self._missing(post, relative)
            return
        picture = self._picture(post, *found, attachment, "", article.headline)
        if picture is None:
            return
        # Required with a picture: the alt text, else the attachment's title, else the headline.
        alt = attachment.meta.get("_wp_attachment_image_alt", "") or attachment.title
        article.image_alt = _plain(alt or article.headline)[:250]
        article.image_caption = _plain(attachment.excerpt)[:300]
        article.picture = picture

    def _picture(self, post, relative, path, attachment, alt, headline):
        """The library picture of a file of the uploads, stored on its first use."""
        if relative in self._pictures:
            return self._pictures[relative]
        cleaned = self._checked(post, path)
        if cleaned is None:
            self._pictures[relative] = None  # refused once, reported once
            return None
        title = attachment.title if attachment else ""
        library_alt = attachment.meta.get("_wp_attachment_image_alt", "") if attachment else ""
        picture = Picture.objects.create(
            file=cleaned,
            title=_plain(title or alt or headline)[:200],
            # Required in the library: the attachment's, else this use's, else a title.
            alt_text=_plain(library_alt or alt or title or headline)[:250],
            caption=_plain(attachment.excerpt if attachment else "")[:300],
        )
        self.written.append(picture.file.name)
        self.summary.images_stored += 1
        self._pictures[relative] = picture
        return picture

    def discard_written(self) -> None:
        """The run was rolled back: its files would belong to nothing."""
        for name in self.written:
            default_storage.delete(name)
        self.written.clear()

    # --- files --------------------------------------------------------------------------
    def _find(self, candidates):
        """(uploads path, file) for the first candidate present in --media-dir."""
        if self.media_dir is None:
            return None
        for relative in candidates:
            parts = PurePosixPath(relative.strip().lstrip("/")).parts
            if not parts or ".." in parts:
                continue
            path = self.media_dir.joinpath(*parts).resolve()
            if path.is_relative_to(self.media_dir) and path.is_file():
                return "/".join(parts), path
        return None

    def _missing(self, post, relative):
        self.summary.images_missing += 1
        where = (
            _("not in %(dir)s") % {"dir": self.media_dir}
            if self.media_dir
            else _("no --media-dir given")
        )
        self.summary.note(
            _("Post %(id)d: picture %(file)s missing (%(where)s).")
            % {"id": post.post_id, "file": relative[:200], "where": where}
        )

    def _checked(self, post, path):
        try:
            with path.open("rb") as handle:
                return checked_file(File(handle, name=path.name))
        except (ValidationError, OSError) as error:
            self.summary.images_refused += 1
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            self.summary.note(
                _("Post %(id)d: picture %(file)s refused: %(reason)s")
                % {"id": post.post_id, "file": path.name, "reason": reason}
            )
            return None


class PostMedia:
    """The library as one post's body sees it (importer/body.py's Media)."""

    def __init__(self, library, post, headline):
        self.library, self.post, self.headline = library, post, headline

    def resolve(self, src, classes, alt) -> Stored | None:
        return self.library.inline(self.post, src, classes, alt, self.headline)

    def attachment_url(self, attachment_id) -> str | None:
        return self.library.attachment_url(attachment_id)
