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

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from articles.models import Picture
from importer import interrupt
from importer.attachments import UPLOADS, upload_path
from importer.body import Stored
from importer.models import ImportedAttachment
from newsroom.images.fields import checked_file
from newsroom.text import clean_line

_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_ATTACHMENT_CLASS = re.compile(r"\bwp-image-(\d+)\b")


def _plain(text: str) -> str:
    return clean_line(unescape(strip_tags(text or "")))


class MediaLibrary:
    """`attachments` (importer/attachments.py) also keeps the pictures stored and the files
    written by this run: those are removed if the run is rolled back."""

    def __init__(self, media_dir, attachments, summary, site=""):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.attachments = attachments
        self.summary = summary
        self.site = site

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
            candidates.append(attachment.path)
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
        attachment = attachment or self.attachments.at_path(relative)
        picture = self._picture(post, relative, path, attachment, alt, headline)
        return Stored(picture[1], picture[0]) if picture else None

    def attachment_url(self, attachment_id: int) -> str | None:
        attachment = self.attachments.get(attachment_id)
        if attachment is None:
            return None
        return attachment.url or "/" + UPLOADS + attachment.path

    def images_of(self, post_id: int) -> list[int]:
        return self.attachments.images_of(post_id)

    def _attachment(self, classes):
        found = _ATTACHMENT_CLASS.search(classes or "")
        return self.attachments.get(int(found.group(1))) if found else None

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
        relative = attachment.path
        picture = self._known(relative, attachment)
        if picture is None:
            found = self._find([relative])
            if found is None:
                self._missing(post, relative)
                return
            picture = self._new(post, *found, attachment, "", article.headline)
        if picture[0] is None:
            return
        # Required with a picture: the alt text, else the attachment's title, else the headline.
        alt = attachment.alt or attachment.title
        article.image_alt = _plain(alt or article.headline)[:250]
        article.image_caption = _plain(attachment.caption)[:300]
        article.picture_id = picture[0]

    def _picture(self, post, relative, path, attachment, alt, headline):
        """(id, address) of the library picture of a file of the uploads, stored on its
        first use; None if it was refused."""
        picture = self._known(relative, attachment) or self._new(
            post, relative, path, attachment, alt, headline
        )
        return picture if picture[0] is not None else None

    def _known(self, relative, attachment):
        """(id, address) of the picture already made of this file, by this run or, of this
        attachment, by an earlier one; (None, "") when this run refused the file."""
        known = self.attachments.picture(relative)
        if known is not None:
            return known
        if attachment is None or relative != attachment.path:
            return None
        mapped = (
            ImportedAttachment.objects.filter(
                site=self.site, wordpress_id=attachment.id, picture__isnull=False
            )
            .select_related("picture")
            .first()
        )
        if mapped is None:
            return None
        self.summary.images_reused += 1
        known = (mapped.picture.pk, mapped.picture.file.url)
        self.attachments.keep_picture(relative, *known)
        return known

    def _new(self, post, relative, path, attachment, alt, headline):
        cleaned = self._checked(post, path)
        if cleaned is None:
            self.attachments.keep_picture(relative, None)  # refused once, reported once
            return (None, "")
        picture = self._stored(cleaned, attachment, alt, headline)
        self.summary.images_stored += 1
        if attachment is not None and relative == attachment.path:
            ImportedAttachment.objects.update_or_create(
                site=self.site, wordpress_id=attachment.id, defaults={"picture": picture}
            )
        made = (picture.pk, picture.file.url)
        self.attachments.keep_picture(relative, *made)
        return made

    def _stored(self, cleaned, attachment, alt, headline) -> Picture:
        title = attachment.title if attachment else ""
        library_alt = attachment.alt if attachment else ""
        picture = Picture(
            title=_plain(title or alt or headline)[:200],
            # Required in the library: the attachment's, else this use's, else a title.
            alt_text=_plain(library_alt or alt or title or headline)[:250],
            caption=_plain(attachment.caption if attachment else "")[:300],
        )
        # The file is stored and recorded as one step, before its row: whatever stops the
        # run after it (a signal, a failed insert), the rollback knows the file.
        with interrupt.held():
            picture.file.save(cleaned.name, cleaned, save=False)
            self.attachments.wrote(picture.file.name)
        picture.save()
        return picture

    def discard_written(self) -> None:
        """The run, or its chunk, was rolled back: its files would belong to nothing."""
        for name in self.attachments.written():
            default_storage.delete(name)

    def keep_written(self) -> None:
        """A chunk was committed: its files belong to its rows, whatever comes next."""
        self.attachments.forget_written()

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

    def images_of(self, post_id: int | None) -> list[int]:
        """The image attachments of a post (this one when None), in gallery order."""
        wanted = self.post.post_id if post_id is None else post_id
        return self.library.images_of(wanted) if wanted is not None else []
