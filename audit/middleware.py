"""The request being served, for receivers that only get a model instance (who changed this
user, from which address)."""

from contextvars import ContextVar

_current = ContextVar("audit_request", default=None)


def current_request():
    return _current.get()


class AuditRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
