"""The reader's real address, behind as many trusted proxies as the deployment declares."""

from django.conf import settings


def client_ip(request) -> str:
    """With TRUSTED_PROXY_COUNT = n, the n-th address from the right of X-Forwarded-For.

    Addresses further left were written by the client and are not trusted.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
