"""Who may change where old addresses lead: editors, as articles.rules tells them apart.

The admin asks here; holding the model permission is not enough on its own.
"""

from articles.rules import is_editor


def can_change_old_addresses(user) -> bool:
    return is_editor(user)
