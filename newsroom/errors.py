"""The 500 handler: a database that does not answer is a branded 503, not an error page."""

import logging
import sys

from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError, close_old_connections
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

logger = logging.getLogger("newsroom.faults")
RETRY_AFTER_SECONDS = 30


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        logger.error(
            "Database unavailable: %s", error, extra={"request_id": getattr(request, "id", "")}
        )
        close_old_connections()  # drop the broken connection: the next request reconnects
        # Signed-in users' sessions are in the database: without this, every middleware
        # asking who the user is would wait for a connection again on the way out.
        request.user = AnonymousUser()
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    # The 500 page needs no database and no context, so it renders whatever broke.
    return HttpResponseServerError(render_to_string("500.html"))
