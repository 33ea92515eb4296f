"""Who may do what to live coverage: the one place the models' methods, the admin and the
tests all ask.

Editors (articles.rules.is_editor) start and end coverage, and edit, correct or delete any
entry. Live coverage cannot wait for review: editors and the members of the "Live" group
(who hold POST_PERMISSION) post entries straight away. Superusers hold every permission.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from articles.rules import is_editor

LIVE_GROUP = "Live"
POST_PERMISSION = "live.add_liveentry"


def can_run_coverage(user) -> bool:
    """Starting and ending a live story is an editor's decision."""
    return is_editor(user)


def can_post(user) -> bool:
    if not (user and user.is_active):
        return False
    return is_editor(user) or user.has_perm(POST_PERMISSION)


def can_change_entries(user) -> bool:
    """Editing, correcting and deleting a posted entry: what readers saw changes."""
    return is_editor(user)


def check_run_coverage(user) -> None:
    if not can_run_coverage(user):
        raise PermissionDenied(_("Only an editor may start or end live coverage."))


def check_post(user, coverage) -> None:
    if not can_post(user):
        raise PermissionDenied(_("Only editors and the Live group may post live entries."))
    check_open(coverage)


def check_change_entries(user) -> None:
    if not can_change_entries(user):
        raise PermissionDenied(_("Only an editor may change or delete a live entry."))


def check_open(coverage) -> None:
    """Entries go only to coverage that has started and not ended."""
    if coverage.started_at is None:
        raise ValidationError(_("This live coverage has not started."))
    if coverage.ended_at is not None:
        raise ValidationError(_("This live coverage has ended."))
