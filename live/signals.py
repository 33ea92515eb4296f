"""What live coverage tells the rest of the project, for the audit log to record.

`live_changed` is sent once a change is made, with `action` (one of ACTIONS), the coverage
or entry changed (`obj`), the `user` who made it, and details: an entry's text before and
after an edit or a correction, its text when deleted.
"""

from django.dispatch import Signal

STARTED = "live_started"
ENDED = "live_ended"
POSTED = "live_entry_posted"
EDITED = "live_entry_edited"
CORRECTED = "live_entry_corrected"
DELETED = "live_entry_deleted"
ACTIONS = (STARTED, ENDED, POSTED, EDITED, CORRECTED, DELETED)

live_changed = Signal()
