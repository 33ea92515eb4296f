"""Each address's rate on the content API, or a partner's key's, counted before the page
cache: an answer the cache keeps counts too. A key is sent as `Authorization: Bearer <key>`.

Counted in fixed windows (one increment a request, whatever the rate), in the shared cache
(Redis: every app server's requests together) and in this process's memory too, so the
limit still holds while Redis is down (then per process, and Redis is left alone a few
seconds, as the pages leave it: articles.freshness.pause_cache)."""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse

from api.models import RATE, ApiKey
from articles import freshness
from newsroom.client_ip import client_ip

PREFIX = "/api/"
PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}
HERE = LocMemCache("api-rate", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/min' → (120, 60)."""
    count, period = RATE.match(rate).groups()
    return int(count), PERIODS[period]


class StoreAway(Exception):
    """The shared cache did not answer (django-redis, told to ignore its errors, gives None)."""


def wait_seconds(store, who: str, rate: str) -> int | None:
    """Seconds until `who` may ask again when this request is one too many in its window;
    None when it is allowed. Raises StoreAway when the store did not answer."""
    count, seconds = parse_rate(rate)
    now = time.time()
    window = int(now // seconds)
    key = f"api-rate:{who}:{window}"
    try:
        used = store.incr(key)
    except ValueError:  # the window's first request
        used = 1 if store.add(key, 1, seconds + 1) else store.incr(key)
    if used is None:
        raise StoreAway
    if used > count:
        return max(1, math.ceil((window + 1) * seconds - now))
    return None


def presented_key(request) -> str | None:
    scheme, _, key = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" and key.strip() else None


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        if not RATE.match(settings.API_RATE_LIMIT):  # refused as the server starts
            raise ImproperlyConfigured(
                f"API_RATE_LIMIT={settings.API_RATE_LIMIT!r}: write it as 120/min "
                "(a count of 1 to 9,999,999, then s, min, hour or day)."
            )

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        address = f"address:{client_ip(request)}", settings.API_RATE_LIMIT
        key = presented_key(request)
        found = ApiKey.rate_of(key) if key is not None else None
        # A key the site never gave (or revoked) counts against the address, like no key.
        wait = self._wait(*(address if found is None else (f"key:{found[0]}", found[1])))
        if wait is not None:
            return self._refused(wait)
        if key is not None and found is None:
            return self._unknown_key()
        return self.get_response(request)

    @staticmethod
    def _wait(who: str, rate: str) -> int | None:
        wait = wait_seconds(HERE, who, rate)
        if wait is not None or freshness.cache_paused():
            return wait
        try:
            return wait_seconds(cache, who, rate)
        except StoreAway:  # counted here alone while it is away, without waiting on it
            freshness.pause_cache()
            return None

    @staticmethod
    def _unknown_key():
        refused = JsonResponse({"detail": "This API key is unknown or was revoked."}, status=401)
        refused["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return refused

    @staticmethod
    def _refused(wait: int):
        refused = JsonResponse({"detail": "Too many requests."}, status=429)
        refused["Retry-After"] = str(wait)
        return refused
