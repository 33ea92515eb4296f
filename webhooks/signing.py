"""Signatures as the Standard Webhooks specification writes them (standardwebhooks.com):
HMAC-SHA256, keyed by the secret's bytes, over "<id>.<timestamp>.<body>", in base64."""

import base64
import hashlib
import hmac

from webhooks.models import SECRET_PREFIX


def headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three headers a receiver checks (tests verify them with the reference library)."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }
