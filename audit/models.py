from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One thing that happened to the newsroom's accounts or work, as it was at the time."""

    class Action(models.TextChoices):
        LOGIN = "login", _("Sign-in")
        LOGIN_FAILED = "login_failed", _("Failed sign-in")
        LOGOUT = "logout", _("Sign-out")
        CODE_ACCEPTED = "code_accepted", _("Two-factor code accepted")
        CODE_REFUSED = "code_refused", _("Two-factor code refused")
        AUTHENTICATOR_ADDED = "authenticator_added", _("Authenticator added")
        AUTHENTICATOR_REMOVED = "authenticator_removed", _("Authenticator removed")
        RECOVERY_CODES_MADE = "recovery_codes_made", _("Recovery codes made")
        WORKFLOW_STEP = "workflow_step", _("Workflow step")
        PREVIEW_LINK_MADE = "preview_link_made", _("Preview link made")
        PREVIEW_LINK_REVOKED = "preview_link_revoked", _("Preview link revoked")
        TAGS_MERGED = "tags_merged", _("Tags merged")
        USER_CREATED = "user_created", _("User created")
        USER_CHANGED = "user_changed", _("User changed")
        USER_DELETED = "user_deleted", _("User deleted")
        GROUP_CREATED = "group_created", _("Group created")
        GROUP_CHANGED = "group_changed", _("Group changed")
        GROUP_DELETED = "group_deleted", _("Group deleted")
        MEMBERSHIP_CHANGED = "membership_changed", _("Group membership changed")
        PERMISSIONS_CHANGED = "permissions_changed", _("Permissions changed")
        LIVE_STARTED = "live_started", _("Live coverage started")
        LIVE_ENDED = "live_ended", _("Live coverage ended")
        LIVE_ENTRY_POSTED = "live_entry_posted", _("Live entry posted")
        LIVE_ENTRY_EDITED = "live_entry_edited", _("Live entry edited")
        LIVE_ENTRY_CORRECTED = "live_entry_corrected", _("Live entry corrected")
        LIVE_ENTRY_DELETED = "live_entry_deleted", _("Live entry deleted")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    username = models.CharField(
        _("username"),
        max_length=150,
        blank=True,
        help_text=_("As it was at the time; for a failed sign-in, the name that was tried."),
    )
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["action", "-at"], name="audit_action_at"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
        ]
        # Read only: nobody is given a right to add, change or delete an entry.
        default_permissions = ("view",)
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_action_display()} {self.object_repr}"
