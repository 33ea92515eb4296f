"""Pictures from the old site's uploads folder, copied into Newsroom's storage.

Nothing is downloaded: a picture is taken from --media-dir (a copy of wp-content/uploads)
when its file is there, and reported when it is not. Every file goes through the same
checks as an upload (allowlisted formats, size, pixels; metadata stripped) and is stored
under a server-made name. Paths from the export never leave --media-dir.
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from articles.models import Picture
from newsroom.images.fields import checked_file
from newsroom.uploads import RandomUploadPath

UPLOADS = "wp-content/uploads/"
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_ATTACHMENT_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_inline_name = RandomUploadPath("articles")


def upload_path(url: str) -> str:
    """'https://old.example/wp-content/uploads/2024/03/a.jpg?ver=2' → '2024/03/a.jpg'."""
    path = unquote(urlsplit((url or "").strip()).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


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
        self._urls = {}  # uploads path → address of the stored copy, to store each file once
        self.written = []  # storage names written by this run: removed if it is rolled back

    # --- pictures in the body ---------------------------------------------------------
    def inline_resolver(self, post):
        return lambda src, classes: self._inline_src(post, src, classes)

    def _inline_src(self, post, src, classes):
        candidates = []
        wanted = upload_path(src)
        if wanted:
            # The size WordPress inserted, else the original it was cut from.
            candidates += [wanted, _SIZE_SUFFIX.sub("", wanted)]
        attachment_id = _ATTACHMENT_CLASS.search(classes or "")
        if attachment_id and int(attachment_id.group(1)) in self.attachments:
            candidates.append(attachment_path(self.attachments[int(attachment_id.group(1))]))
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
        if relative not in self._urls:
            cleaned = self._checked(post, path)
            if cleaned is None:
                return None
            name = default_storage.save(_inline_name(None, cleaned.name), cleaned)
            self.written.append(name)
            self.summary.images_stored += 1
            self._urls[relative] = default_storage.url(name)
        return self._urls[relative]

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
        cleaned = self._checked(post, found[1])
        if cleaned is None:
            return
        # Required with a picture: the alt text, else the attachment's title, else the headline.
        alt = attachment.meta.get("_wp_attachment_image_alt", "") or attachment.title
        article.image_alt = " ".join((alt or article.headline).split())[:250]
        article.image_caption = " ".join(attachment.excerpt.split())[:300]
        article.picture = Picture.objects.create(
            file=cleaned,
            title=" ".join((attachment.title or article.headline).split())[:200],
            alt_text=article.image_alt,
            caption=article.image_caption,
        )
        self.written.append(article.picture.file.name)
        self.summary.images_stored += 1

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
