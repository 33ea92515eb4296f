"""What the sign-in steps tell other apps (the audit log listens)."""

from django.dispatch import Signal

# request, user, method ("authenticator" or "recovery code"): the session is now verified.
code_accepted = Signal()
# request, user, count: new recovery codes replaced the old ones.
recovery_codes_made = Signal()

# The sender of user_login_failed when a code, not a password, was wrong.
WRONG_CODE = "newsroom.two_factor"
