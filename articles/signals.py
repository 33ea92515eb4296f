"""What the articles app tells others that happened, without importing them (the audit log
listens). Saves and deletions need none: Django's model signals carry them."""

from django.dispatch import Signal

# kept (the tag kept), merged (the names of the tags merged into it), user.
tags_merged = Signal()
# link, user: sent only when the link was not revoked already.
preview_link_revoked = Signal()
# article, user, revised (its text changed while readers could see it), was_public: a save
# from the desk (workflow.save_by), inside its transaction.
saved_from_desk = Signal()
