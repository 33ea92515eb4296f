"""Who may change an author profile: editors all of them, journalists only their own."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from articles.rules import is_editor

# A journalist may not re-point their profile to another account or rename its address.
SELF_EDIT_PROTECTED = ("user", "slug")


def can_edit(user, author) -> bool:
    if not (user and user.is_active and user.has_perm("authors.change_author")):
        return False
    return is_editor(user) or (author.user_id is not None and author.user_id == user.pk)


def can_delete(user, author) -> bool:
    return bool(
        user
        and user.is_active
        and user.has_perm("authors.delete_author")
        and not author.has_public_articles()
    )


def protected_fields(user) -> tuple[str, ...]:
    return () if is_editor(user) else SELF_EDIT_PROTECTED


def check_save(user, original, author) -> None:
    if original is None:
        if not user.has_perm("authors.add_author"):
            raise PermissionDenied(_("You may not create author profiles."))
        return
    if not can_edit(user, original):
        raise PermissionDenied(_("You may only change your own profile."))
    for field in protected_fields(user):
        attname = author._meta.get_field(field).attname
        if getattr(author, attname) != getattr(original, attname):
            raise PermissionDenied(
                _("Only an editor may change “%(field)s”.")
                % {"field": author._meta.get_field(field).verbose_name}
            )
