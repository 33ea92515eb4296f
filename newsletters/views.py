"""The reader's newsletter pages: subscribe, check your inbox, confirm, choose, leave."""

from functools import wraps

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletters import links, mail, signup
from newsletters.forms import ChoicesForm, SignupForm
from newsroom.client_ip import client_ip


# The form sits on cached pages, which carry no CSRF token: a forged request can do no more
# than what the form does (a confirmation email, limited per client and per address).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SignupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if signup.over_limit(client_ip(request)):
            form.add_error(None, _("Too many sign-ups from here: please try again in an hour."))
            status = 429
        elif form.is_valid():
            if not form.is_bot:
                signup.subscribe(form.cleaned_data["email"], form.cleaned_data)
            return redirect("newsletters:check_inbox")
        else:
            status = 400
    return render(request, "newsletters/subscribe.html", {"form": form}, status=status)


def check_inbox(request):
    return render(request, "newsletters/check_inbox.html")


def _link_refused(request, why: str, status: int):
    return render(request, "newsletters/link_refused.html", {"why": why}, status=status)


def signed_link(purpose: str):
    """The view is given the subscriber the link names and when it was made; an expired or
    invalid link gets a page saying so, and the view never runs."""

    def decorate(view):
        @wraps(view)
        def answer(request, token):
            try:
                subscriber, issued = links.read(token, purpose)
            except links.LinkExpired:
                why = _("This link has expired. Subscribe again to receive a new one.")
                return _link_refused(request, why, 410)
            except links.LinkInvalid:
                why = _("This link is not valid. Copy it whole from the email, or subscribe again.")
                return _link_refused(request, why, 404)
            return view(request, subscriber, issued)

        return answer

    return decorate


@never_cache
@require_http_methods(["GET", "POST"])
@signed_link("confirm")
def confirm(request, subscriber, issued):
    """A page with a button, not a change on opening: mail scanners open links too."""
    if subscriber.is_active:
        return render(request, "newsletters/confirmed.html", {"already": True})
    if subscriber.unsubscribed_at and issued < subscriber.unsubscribed_at.timestamp():
        why = _("This link was sent before you unsubscribed. Subscribe again to come back.")
        return _link_refused(request, why, 410)
    if subscriber.state == "bounced":
        return _link_refused(request, _("This address cannot receive our emails."), 410)
    if request.method == "POST":
        subscriber.confirm()
        mail.welcome(subscriber)
        return render(request, "newsletters/confirmed.html", {"already": False})
    return render(request, "newsletters/confirm.html", {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "POST"])
@signed_link("preferences")
def preferences(request, subscriber, _issued):
    if not subscriber.is_active:
        why = _("You no longer receive our emails. Subscribe again to choose them anew.")
        return _link_refused(request, why, 410)
    posted = request.POST if request.method == "POST" else None
    form = ChoicesForm(posted, instance=subscriber)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        saved = True
    context = {"form": form, "saved": saved, "subscriber": subscriber}
    context["unsubscribe_url"] = links.path(subscriber, "unsubscribe")
    status = 400 if form.errors else 200
    return render(request, "newsletters/preferences.html", context, status=status)


# Mail programs post here on the reader's behalf (RFC 8058 one-click): no CSRF token then.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@signed_link("unsubscribe")
def unsubscribe(request, subscriber, _issued):
    if request.method == "POST":
        left = subscriber.unsubscribe()
        return render(request, "newsletters/unsubscribed.html", {"already": not left})
    if subscriber.unsubscribed_at is not None:
        return render(request, "newsletters/unsubscribed.html", {"already": True})
    return render(request, "newsletters/unsubscribe.html", {"subscriber": subscriber})
