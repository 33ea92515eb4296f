"""WordPress users → author profiles (bylines), tied to login accounts only when asked.

An author profile has no e-mail field: the WordPress address is only used, with
--link-users, to find the existing account (by e-mail, else by login) to tie it to.
"""

import html

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from authors.models import Author
from importer.models import ImportedAuthor
from importer.wxr import Author as WordPressAuthor
from newsroom.text import clean_line

NAME_MAX, BIO_MAX = 120, 1000


class AuthorDirectory:
    def __init__(self, site, channel_authors, summary, link_users=False):
        self.site = site
        self.channel_authors = channel_authors
        self.summary = summary
        self.link_users = link_users
        self._authors = {}

    def import_all(self) -> None:
        """Every author the export lists (WXR 1.1 and later); 1.0 names them in posts only."""
        for login in self.channel_authors:
            self.for_login(login)

    def for_login(self, login: str) -> Author | None:
        if not login:
            return None
        if login not in self._authors:
            self._authors[login] = self._find_or_create(login)
        return self._authors[login]

    def _find_or_create(self, login: str) -> Author:
        mapping = (
            ImportedAuthor.objects.filter(site=self.site, login=login[:60])
            .select_related("author")
            .first()
        )
        if mapping and mapping.author:
            self.summary.authors_known += 1
            return mapping.author
        wordpress = self.channel_authors.get(login) or WordPressAuthor(login=login)
        author = self._linked(wordpress) or self._created(wordpress)
        if mapping is None:
            ImportedAuthor.objects.create(site=self.site, login=login[:60], author=author)
        else:  # the profile made last time was deleted since
            mapping.author = author
            mapping.save(update_fields=["author"])
        return author

    def _linked(self, wordpress) -> Author | None:
        if not self.link_users:
            return None
        users = get_user_model().objects
        user = (
            _only(users.filter(email__iexact=wordpress.email)) if wordpress.email else None
        ) or (_only(users.filter(username=wordpress.login)))
        if user is None:
            return None
        self.summary.authors_linked += 1
        author = Author.objects.filter(user=user).first()
        if author is None:
            author = Author.objects.create(user=user, **self._profile(wordpress))
        self.summary.note(
            _("Author %(login)s linked to the account %(user)s.")
            % {"login": wordpress.login, "user": user.get_username()}
        )
        return author

    def _created(self, wordpress) -> Author:
        self.summary.authors_created += 1
        return Author.objects.create(**self._profile(wordpress))

    @staticmethod
    def _profile(wordpress) -> dict:
        full_name = f"{wordpress.first_name} {wordpress.last_name}"
        name = next(
            (
                clean_line(html.unescape(text))
                for text in (wordpress.display_name, full_name, wordpress.login)
                if clean_line(text)
            ),
            wordpress.login,
        )
        return {
            "display_name": name[:NAME_MAX],
            "bio": html.unescape(wordpress.description).strip()[:BIO_MAX],
        }


def _only(queryset):
    """The one match, or None when there are none or several (never guess between people)."""
    found = list(queryset[:2])
    return found[0] if len(found) == 1 else None
