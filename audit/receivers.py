"""Every entry of the log comes from a signal: Django's (sign-ins, saves, many-to-many
changes), django-otp's models', the articles app's (articles/signals.py), live coverage's
(live/signals.py) and the sign-in steps' (newsroom/two_factor/signals.py).

Who did it: the signal says when it knows (a workflow step's user, a preview link's maker);
otherwise it is whoever is signed in to the request being served (audit/middleware.py), which
covers the admin, the desk's own views and any later API alike. Django's admin LogEntry is
written only after the save, and only by the admin; a change from a command has no one.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import PreviewLink, Transition
from articles.signals import preview_link_revoked, tags_merged
from audit.record import Action, record
from live.signals import live_changed
from newsroom.two_factor.signals import WRONG_CODE, code_accepted, recovery_codes_made

User = get_user_model()

# What a change to an account records: values for these, "changed" for the password.
TRACKED_USER_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
]


# --- signing in -----------------------------------------------------------------------------
@receiver(user_logged_in, dispatch_uid="audit_login")
def signed_in(sender, request, user, **kwargs):
    record(Action.LOGIN, obj=user, actor=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    """The name tried, never the password; the account it names, if there is one."""
    tried = str(credentials.get("username") or "")[:150]
    account = User.objects.filter(username=tried).first() if tried else None
    if sender == WRONG_CODE:
        record(Action.CODE_REFUSED, obj=account, actor=account, request=request)
    else:
        record(Action.LOGIN_FAILED, obj=account, username=tried, request=request)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, obj=user, actor=user, request=request)


@receiver(code_accepted, dispatch_uid="audit_code_accepted")
def code_given(sender, request, user, method, **kwargs):
    record(Action.CODE_ACCEPTED, obj=user, actor=user, request=request, method=method)


@receiver(recovery_codes_made, dispatch_uid="audit_recovery_codes")
def codes_made(sender, request, user, count, **kwargs):
    record(Action.RECOVERY_CODES_MADE, obj=user, actor=user, request=request, count=count)


@receiver(post_init, sender=TOTPDevice, dispatch_uid="audit_totp_loaded")
def authenticator_loaded(sender, instance, **kwargs):
    instance._audit_was_confirmed = instance.confirmed if instance.pk else False


@receiver(post_save, sender=TOTPDevice, dispatch_uid="audit_totp_saved")
def authenticator_saved(sender, instance, created, raw=False, **kwargs):
    """Added once confirmed by its first code (or made confirmed by an administrator)."""
    if raw or not instance.confirmed or instance._audit_was_confirmed:
        return
    instance._audit_was_confirmed = True
    record(Action.AUTHENTICATOR_ADDED, obj=instance.user, device=instance.pk)


@receiver(post_delete, sender=TOTPDevice, dispatch_uid="audit_totp_deleted")
def authenticator_removed(sender, instance, **kwargs):
    if instance.confirmed:
        record(Action.AUTHENTICATOR_REMOVED, obj=instance.user, device=instance.pk)


# --- the newsroom's work --------------------------------------------------------------------
@receiver(post_save, sender=Transition, dispatch_uid="audit_workflow_step")
def workflow_step(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    record(
        Action.WORKFLOW_STEP,
        obj=instance.article,
        actor=instance.user,
        step=instance.name,
        source=instance.source,
        target=instance.target,
        publish_at=instance.publish_at,
    )


@receiver(post_save, sender=PreviewLink, dispatch_uid="audit_preview_made")
def preview_link_made(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    record(
        Action.PREVIEW_LINK_MADE,
        obj=instance,
        actor=instance.created_by,
        article=instance.article_id,
        expires_at=instance.expires_at,
    )


@receiver(preview_link_revoked, dispatch_uid="audit_preview_revoked")
def preview_link_taken_back(sender, link, user, **kwargs):
    record(Action.PREVIEW_LINK_REVOKED, obj=link, actor=user, article=link.article_id)


@receiver(tags_merged, dispatch_uid="audit_tags_merged")
def tags_were_merged(sender, kept, merged, user, **kwargs):
    record(Action.TAGS_MERGED, obj=kept, actor=user, merged=merged)


@receiver(live_changed, dispatch_uid="audit_live")
def live_coverage_changed(sender, action, obj, user, signal=None, **detail):
    """Sent inside the change's transaction (before a deletion), with the texts before and
    after an edit or a correction."""
    record(Action(action), obj=obj, actor=user, **detail)


# --- accounts, groups and permissions -------------------------------------------------------
@receiver(pre_save, sender=User, dispatch_uid="audit_user_before")
def user_before(sender, instance, raw=False, update_fields=None, **kwargs):
    """The account as stored, to say what a save changes; not for a sign-in's last_login."""
    instance._audit_before = None
    if raw or instance.pk is None or (update_fields and set(update_fields) <= {"last_login"}):
        return
    instance._audit_before = (
        User.objects.filter(pk=instance.pk).values(*TRACKED_USER_FIELDS, "password").first()
    )


@receiver(post_save, sender=User, dispatch_uid="audit_user_saved")
def user_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        flags = {field: getattr(instance, field) for field in ("is_staff", "is_superuser")}
        record(Action.USER_CREATED, obj=instance, **flags)
        return
    before = getattr(instance, "_audit_before", None)
    if before is None:
        return
    changes = {
        field: [before[field], getattr(instance, field)]
        for field in TRACKED_USER_FIELDS
        if before[field] != getattr(instance, field)
    }
    if before["password"] != instance.password:
        changes["password"] = "changed"
    if changes:
        record(Action.USER_CHANGED, obj=instance, changes=changes)


@receiver(post_delete, sender=User, dispatch_uid="audit_user_deleted")
def user_deleted(sender, instance, **kwargs):
    record(Action.USER_DELETED, obj=instance)


@receiver(pre_save, sender=Group, dispatch_uid="audit_group_before")
def group_before(sender, instance, raw=False, **kwargs):
    instance._audit_name = None
    if not raw and instance.pk is not None:
        instance._audit_name = (
            Group.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        )


@receiver(post_save, sender=Group, dispatch_uid="audit_group_saved")
def group_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        record(Action.GROUP_CREATED, obj=instance)
    elif getattr(instance, "_audit_name", None) not in (None, instance.name):
        record(Action.GROUP_CHANGED, obj=instance, name=[instance._audit_name, instance.name])


@receiver(post_delete, sender=Group, dispatch_uid="audit_group_deleted")
def group_deleted(sender, instance, **kwargs):
    record(Action.GROUP_DELETED, obj=instance)


RELATIONS = {
    User.groups.through: Action.MEMBERSHIP_CHANGED,
    User.user_permissions.through: Action.PERMISSIONS_CHANGED,
    Group.permissions.through: Action.PERMISSIONS_CHANGED,
}


def named(model, pks) -> list[str]:
    """Groups and users by name, permissions as "app_label.codename"."""
    if model is Permission:
        found = Permission.objects.filter(pk__in=pks).select_related("content_type")
        return sorted(f"{p.content_type.app_label}.{p.codename}" for p in found)
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    return sorted(model.objects.filter(pk__in=pks).values_list(model.USERNAME_FIELD, flat=True))


@receiver(m2m_changed, dispatch_uid="audit_relations")
def relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A user's groups or permissions, a group's permissions or members, from either side."""
    if sender not in RELATIONS:
        return
    if action == "pre_clear":
        # What clearing is about to remove: the relation on this side, before it goes.
        instance._audit_cleared = set(
            sender.objects.filter(**{clear_column(sender, instance): instance.pk}).values_list(
                target_column(sender, instance), flat=True
            )
        )
        return
    if action == "post_clear":
        pk_set, verb = getattr(instance, "_audit_cleared", set()), "removed"
    elif action in ("post_add", "post_remove"):
        verb = "added" if action == "post_add" else "removed"
    else:
        return
    if pk_set:
        record(RELATIONS[sender], obj=instance, **{verb: named(model, pk_set)})


def clear_column(through, instance) -> str:
    """The through model's column pointing at `instance`'s side."""
    return next(
        f.attname
        for f in through._meta.get_fields()
        if f.is_relation and f.related_model is type(instance)._meta.concrete_model
    )


def target_column(through, instance) -> str:
    return next(
        f.attname
        for f in through._meta.get_fields()
        if f.is_relation
        and f.related_model is not type(instance)._meta.concrete_model
        and f.many_to_one
    )
