"""Each address's rate on the content API, counted before the page cache: an answer the
cache keeps counts too.

Counted in the shared cache (Redis: every app server's requests together), and in this
process's memory too, so the limit still holds while Redis is down (then per process)."""

import math

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.http import JsonResponse
from ninja.throttling import AnonRateThrottle

from newsroom.client_ip import client_ip

PREFIX = "/api/"


class PerAddress(AnonRateThrottle):
    """Counted by the reader's real address, behind the proxies the deployment declares."""

    def get_ident(self, request):
        return client_ip(request)


class PerAddressHere(PerAddress):
    cache = LocMemCache("api-rate", {"OPTIONS": {"MAX_ENTRIES": 10000}})


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        for kind in (PerAddressHere, PerAddress):
            throttle = kind(settings.API_RATE_LIMIT)  # one a request: it keeps state
            if not throttle.allow_request(request):
                return self._refused(throttle)
        return self.get_response(request)

    @staticmethod
    def _refused(throttle):
        refused = JsonResponse({"detail": "Too many requests."}, status=429)
        wait = throttle.wait()
        refused["Retry-After"] = str(math.ceil(wait if wait is not None else 1))
        return refused
