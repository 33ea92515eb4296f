"""Until a session has given the code it owes, the admin is closed to it.

Checked before every admin view, whatever the method: a request from a session with only a
password is sent to the code (or enrolment) page and never reaches the view.
"""

from django.shortcuts import redirect

from newsroom.security import ADMIN_PATH
from newsroom.two_factor.policy import pending_step, step_url

OPEN = {
    ("two_factor", "verify"),
    ("two_factor", "enrol"),
    ("admin", "login"),
    ("admin", "logout"),
}


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not ADMIN_PATH.match(request.path):
            return None
        match = request.resolver_match
        if (match.namespace, match.url_name) in OPEN:
            return None
        step = pending_step(request)
        if step is None:
            return None
        return redirect(step_url(step, request.get_full_path()))
