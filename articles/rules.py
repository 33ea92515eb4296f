"""Who may do what to an article: the one place the admin, actions and commands all ask.

Journalists write and submit; editors (anyone holding `articles.publish_article`) review,
publish, schedule, unpublish and correct. Superusers hold every permission.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from newsroom.administrators import is_administrator

EDITOR_PERMISSION = "articles.publish_article"

# Fields that only editors may set, whatever a form posts, with their value on a new article.
EDITOR_ONLY_FIELDS = {"published_at": None, "is_lead": False}


def is_editor(user) -> bool:
    return bool(user and user.is_active and user.has_perm(EDITOR_PERMISSION))


def is_author(user, article) -> bool:
    if not (user and user.is_authenticated and article.pk):
        return False
    return article.bylines.filter(author__user=user).exists()


def can_view(user, article) -> bool:
    if not (user and user.is_active and user.has_perm("articles.view_article")):
        return False
    return is_editor(user) or is_author(user, article)


def can_edit(user, article) -> bool:
    """Editors edit everything; journalists their own drafts, and their own scheduled articles,
    which an edit sends back to review (what goes live is only ever what was approved)."""
    if not (user and user.is_active):
        return False
    if is_editor(user):
        return user.has_perm("articles.change_article")
    if article.pk is None:
        return user.has_perm("articles.add_article")
    return (
        user.has_perm("articles.change_article")
        and (article.status == article.Status.DRAFT or article.is_scheduled)
        and is_author(user, article)
    )


def can_log_note(user) -> bool:
    """Editors log corrections and updates; the log of a published article is public."""
    return is_editor(user)


def can_delete_note(user) -> bool:
    """A log is not rewritten: only a superuser removes an entry (one logged by mistake)."""
    return is_administrator(user)


def can_see_revisions(user, article) -> bool:
    """Editors see every history; journalists only that of their own drafts."""
    if is_editor(user):
        return True
    return can_view(user, article) and article.status == article.Status.DRAFT


def can_share_preview(user, article) -> bool:
    """Editors send unpublished articles to a lawyer, a source or a translator."""
    return is_editor(user) and article.status != article.Status.PUBLISHED


def can_revoke_preview(user) -> bool:
    """A link once sent may have to be taken back whatever has happened to its article."""
    return is_editor(user)


def can_delete(user, article) -> bool:
    """Nothing public is deleted by staff (unpublish first); journalists only unpublished drafts."""
    if not (user and user.is_active and user.has_perm("articles.delete_article")):
        return False
    if user.is_superuser:
        return True
    if article.status == article.Status.PUBLISHED:
        return False
    if is_editor(user):
        return True
    return (
        article.status == article.Status.DRAFT
        and article.first_published_at is None
        and is_author(user, article)
    )


def protected_fields(user) -> tuple[str, ...]:
    return () if is_editor(user) else tuple(EDITOR_ONLY_FIELDS)


def check_save(user, original, article) -> None:
    """Refuse a save that this user may not make; `original` is the row as stored (or None)."""
    if not can_edit(user, original or article):
        raise PermissionDenied(_("You may not change this article."))
    for field in protected_fields(user):
        stored = getattr(original, field) if original else EDITOR_ONLY_FIELDS[field]
        if getattr(article, field) != stored:
            raise PermissionDenied(
                _("Only an editor may change “%(field)s”.")
                % {"field": article._meta.get_field(field).verbose_name}
            )


# --- the home page and the breaking-news banner ------------------------------------------
def can_arrange_home(user) -> bool:
    """Editors choose the featured stories and switch the breaking-news banner on and off."""
    return is_editor(user)


def check_arrange_home(user) -> None:
    if not can_arrange_home(user):
        raise PermissionDenied(
            _("Only an editor may change the home page or the breaking-news banner.")
        )


# --- the media library ------------------------------------------------------------------
def can_add_picture(user) -> bool:
    return bool(user and user.is_active and user.has_perm("articles.add_picture"))


def can_change_picture(user, picture) -> bool:
    """Editors correct any picture's details; journalists those they uploaded."""
    if not (user and user.is_active and user.has_perm("articles.change_picture")):
        return False
    return is_editor(user) or picture.uploaded_by_id == user.pk


def can_delete_picture(user, picture) -> bool:
    """Editors only, and only a picture no article or author uses."""
    if not (user and user.is_active and user.has_perm("articles.delete_picture")):
        return False
    return is_editor(user) and not picture.in_use()
