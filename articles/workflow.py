"""Moving an article through the workflow: the single entry point for every caller.

The admin's buttons, its bulk actions, management commands and tests all call
`apply_transition`; it checks the user's right, the article's state and the inputs,
records the step, and sends notifications once the transaction has committed.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from articles import notifications, rules, signals
from articles.models import Article, ArticleNote, EditSession, Revision, Status, Transition
from newsroom import dates


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    needs_comment: bool = False
    needs_reason: bool = False
    needs_time: bool = False
    needs_complete: bool = False


ACTIONS = {
    action.name: action
    for action in [
        Action("submit", _("Submit for review"), needs_complete=True),
        Action("withdraw", _("Withdraw from review")),
        Action("send_back", _("Send back to the journalist"), needs_comment=True),
        Action("publish", _("Publish"), needs_complete=True),
        Action("schedule", _("Schedule"), needs_time=True, needs_complete=True),
        Action("unpublish", _("Unpublish"), needs_reason=True),
        Action("reopen", _("Reopen as a draft")),
    ]
}


class WorkflowError(Exception):
    """The action cannot happen now (already done, or wrong state); nothing changed."""


def available_actions(article, user) -> list[Action]:
    """The actions this user may take on this article now, in display order."""
    return [
        action
        for action in ACTIONS.values()
        if has_transition_perm(getattr(article, action.name), user)
    ]


def check_allowed(article, name, user) -> Action:
    """Raise WorkflowError or PermissionDenied unless this user may take this action now."""
    action = ACTIONS.get(name)
    if action is None:
        raise WorkflowError(_("Unknown action."))
    method = getattr(article, name)
    if not can_proceed(method):
        raise WorkflowError(
            _("This article is now “%(state)s”: the action was not applied.")
            % {"state": article.state_label}
        )
    if not has_transition_perm(method, user):
        raise PermissionDenied(_("You may not do this to this article."))
    return action


def apply_transition(article, name, user, comment="", when=None) -> Transition:
    action = check_allowed(article, name, user)
    method = getattr(article, name)
    comment = (comment or "").strip()
    _validate_inputs(article, action, comment, when)

    source = article.status
    approving = name in ("publish", "schedule")
    article._acting_user = user
    try:
        with transaction.atomic():
            method(when=when)
            article.save()
            step = Transition.objects.create(
                article=article,
                user=user,
                name=name,
                source=source,
                target=article.status,
                comment=comment,
                publish_at=article.published_at if approving else None,
                # What goes live is this exact content, approved by this editor.
                revision=Revision.record(article, user, approved=True) if approving else None,
            )
            EditSession.end(article, user)  # they acted and moved on: nobody waits for them
    except ConcurrentTransition:
        article.refresh_from_db()
        raise WorkflowError(
            _("Someone else changed this article first; it is now “%(state)s”.")
            % {"state": article.state_label}
        ) from None
    transaction.on_commit(lambda: notifications.after_transition(step))
    return step  # readers' pages follow through the article's save (articles/changes.py)


def last_change(article) -> str:
    """Who last acted on the article, how and when: told to someone whose page is older."""
    step = article.transitions.select_related("user").order_by("-at", "-pk").first()
    saved = article.revisions.select_related("user").first()
    if saved is not None and (step is None or saved.created_at > step.at):
        who, what, when = saved.user, _("saved a change"), saved.created_at
    elif step is not None:
        who, what, when = step.user, ACTIONS[step.name].label, step.at
    else:
        return ""
    name = (who.get_full_name() or who.get_username()) if who else _("someone")
    when = formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
    return _("%(who)s: %(what)s, %(when)s.") % {"who": name, "what": what, "when": when}


def save_by(article, user) -> None:
    """Save on behalf of `user`, refusing what the workflow does not allow them."""
    original = Article.objects.get(pk=article.pk) if article.pk else None
    rules.check_save(user, original, article)
    article._acting_user = user
    if original is not None and original.is_scheduled and not rules.is_editor(user):
        # An approved article changed by its author goes back to an editor.
        article.save()
        return_to_review(article, user)
        EditSession.end(article, user)
        return
    revised = original is not None and original.is_public and article.content_differs(original)
    if revised:
        article.revised_at = timezone.now()
    article.save()
    was_public = original is not None and original.is_public
    signals.saved_from_desk.send(
        Article, article=article, user=user, revised=revised, was_public=was_public
    )
    # Saved: others no longer see them editing (their page, if it stays open, claims it again).
    EditSession.end(article, user)


def log_note(article, user, kind, text) -> ArticleNote:
    """Add a correction or an update to a published article's log, with the revision
    readers see it beside. Its page shows it at once (articles/changes.py)."""
    if not rules.can_log_note(user):
        raise PermissionDenied(_("Only an editor may log a correction or an update."))
    with transaction.atomic():
        # Its state as stored, locked: an article taken down meanwhile takes no entry.
        locked = Article.objects.select_for_update(of=("self",))
        fresh = locked.select_related("section", "picture").get(pk=article.pk)
        note = ArticleNote(article=fresh, kind=kind, text=text, created_by=user)
        note.full_clean(exclude=["article", "created_by", "revision"])
        note.revision = Revision.record(fresh, user) or fresh.revisions.first()
        note.save()
    return note


def return_to_review(article, user) -> Transition:
    """The author edited an approved, scheduled article: it goes back to the editors."""
    with transaction.atomic():
        article.recall()
        article.save()
        step = Transition.objects.create(
            article=article,
            user=user,
            name="recall",
            source=Status.PUBLISHED,
            target=article.status,
            comment=str(_("Edited by its author after approval: back to review.")),
        )
    transaction.on_commit(lambda: notifications.after_transition(step))
    return step


def _validate_inputs(article, action, comment, when):
    errors = {}
    if action.needs_comment and not comment:
        errors["comment"] = _("Say what needs to change: a comment is required.")
    if action.needs_reason and not comment:
        errors["comment"] = _("Say why the article is unpublished: a reason is required.")
    # The range first: year 1 is a slip of the keyboard, not a time in the past.
    if action.needs_time and when is not None and not dates.is_plausible(when):
        errors["publish_at"] = _("Choose a date between 1900 and 2200.")
    elif action.needs_time and (when is None or when <= timezone.now()):
        errors["publish_at"] = _("Choose a publication time in the future.")
    if action.needs_complete:
        missing = article.missing_for_review()
        if missing:
            errors["__all__"] = _("Before this, the article needs: %(missing)s.") % {
                "missing": ", ".join(str(m) for m in missing)
            }
    if errors:
        raise ValidationError(errors)
