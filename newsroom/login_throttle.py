"""Login throttling on django-axes, with a limit for each way failures are counted.

Axes counts failures per account and address, per account, and per address
(AXES_LOCKOUT_PARAMETERS) but compares them all with one limit. One person's typos, many
addresses guessing one editor's password, and one address trying many accounts call for
different limits (LOGIN_FAILURE_LIMITS, in the same order).
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


class LimitPerCountHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The count nearest its own limit, scaled to AXES_FAILURE_LIMIT, which axes uses:
        it reaches that limit exactly when one count reaches its own."""
        shared_limit = settings.AXES_FAILURE_LIMIT
        counts = self.get_user_attempts(request, credentials)
        return max(
            (attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0) * shared_limit // limit
            for attempts, limit in zip(counts, settings.LOGIN_FAILURE_LIMITS, strict=True)
        )

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A sign-in clears its own typos only: what others tried at this account, or this
        address at other accounts, still counts."""
        account_at_address = self.filter_user_attempts(request, credentials)[0]
        return account_at_address.delete()[0]


def locked_out(request, original_response=None, credentials=None):
    """The lock-out page says for how long, and who can lift it sooner."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
