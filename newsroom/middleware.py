"""Request ids and structured request logs."""

import logging
import re
import time
import uuid
from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest

from newsroom import dates
from newsroom.security import ADMIN_PATH

request_logger = logging.getLogger("newsroom.requests")
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REGEX_LOOKUPS = ("__regex", "__iregex")
DATE_PARTS = ("__year", "__month", "__day")
DATE_PART = re.compile(r"^\d{1,4}$")
MAX_DIGITS = 18  # a 64-bit integer holds any 18-digit number
# The years of stored dates, in local time: the range's ends can fall a year beyond it.
LIST_YEARS = range(dates.EARLIEST.year - 1, dates.LATEST.year + 2)


class RequestLogMiddleware:
    """One structured line per request, with an id also sent back in `X-Request-ID`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        user = getattr(request, "user", None)
        request_logger.info(
            "request",
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
                "cache": response.get("X-Page-Cache", ""),
            },
        )
        return response


class RefuseHostileInputMiddleware:
    """400 before any view or session lookup for what no page of ours sends: a NUL byte in
    the address or a cookie (PostgreSQL refuses it in any text), or an admin list filter
    that would fail in the database. Public pages clean the few parameters they read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in "".join(request.COOKIES.values()):
            return refuse("the address contains a NUL byte.")
        if ADMIN_PATH.match(request.path):
            why = hostile_admin_filter(request.META.get("QUERY_STRING", ""), request.GET)
            if why:
                return refuse(why)
        return self.get_response(request)


def hostile_admin_filter(raw_query: str, query) -> str:
    """Why an admin list's query would reach the database as an error, or ""."""
    if b"\x00" in unquote_to_bytes(raw_query):
        return "the address contains a NUL byte."
    if any(key.endswith(REGEX_LOOKUPS) for key in query):
        return "regular expressions are not accepted as filters."
    if any(not DATE_PART.match(v) for k, v in query.items() if k.endswith(DATE_PARTS)):
        return "a year, month or day is a number."  # the date links
    # Django's date links reach for the next year, month or day: past 9999 that is an error.
    if any(int(v) not in LIST_YEARS for k, v in query.items() if k.endswith("__year")):
        return "a year is between 1900 and 2200."
    if any(len(value) > MAX_DIGITS and value.isdigit() for value in query.values()):
        return "a number larger than any of ours."
    return ""


def refuse(why: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(f"Bad request: {why}", content_type="text/plain")
