"""What only administrators (active superusers) may do: API keys, webhooks, erasing a log
entry. Models check is_administrator; their admins take AdministratorsOnly."""


def is_administrator(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


class AdministratorsOnly:
    """A ModelAdmin mixin: administrators see, add and change; nobody deletes (the records
    are kept, with who had access and what was sent)."""

    def has_module_permission(self, request):
        return is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user)

    def has_add_permission(self, request):
        return is_administrator(request.user)

    def has_change_permission(self, request, obj=None):
        return is_administrator(request.user)

    def has_delete_permission(self, request, obj=None):
        return False
