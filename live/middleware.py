"""Answers a live story's poll early: before sessions, languages, CSRF, authentication and
the rest, which it needs none of. Placed right after the page cache, so the request log and
the security headers still wrap it."""

from django.urls import Resolver404, resolve

from live.urls import PREFIX
from newsroom.data_saving import SaveDataMiddleware


class LivePollMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.namespace != "live":
            return self.get_response(request)
        # Readers saving data get the entries' smaller pictures, as on the page.
        answer = SaveDataMiddleware(lambda req: match.func(req, *match.args, **match.kwargs))
        return answer(request)
