"""Writing an entry: who, from where, about what."""

import ipaddress

from audit.middleware import current_request
from audit.models import AuditEvent
from newsroom.client_ip import client_ip

Action = AuditEvent.Action


def record(action, *, obj=None, actor=None, username="", request=None, **detail) -> AuditEvent:
    """Record `action` on `obj`, by `actor` (by default whoever is signed in to the request
    being served), from the request's address."""
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    return AuditEvent.objects.create(
        action=action,
        actor_id=actor.pk if actor is not None else None,
        username=(actor.get_username() if actor is not None else username)[:150],
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        ip_address=address_of(request),
        detail=detail,
    )


def address_of(request) -> str | None:
    if request is None:
        return None
    try:
        return str(ipaddress.ip_address(client_ip(request)))
    except ValueError:  # none, as in a test request, or not an address
        return None
