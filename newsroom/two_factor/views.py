"""The steps after the password: the code, the enrolment, the recovery codes, and the page
where a person sees and changes their own two-factor sign-in."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from newsroom.login_throttle import locked_out
from newsroom.two_factor import devices
from newsroom.two_factor.forms import CodeForm, FirstCodeForm
from newsroom.two_factor.policy import (
    ENROLLED,
    has_authenticator,
    is_required,
    pending_step,
    step_url,
)
from newsroom.two_factor.signals import WRONG_CODE, code_accepted, recovery_codes_made

FRESH_CODES = "two_factor_fresh_codes"  # shown once, on the page after they were made
TOO_FAST = _("Too many wrong codes in a row: wait a few seconds, then try again.")

# Every page here: never cached, the codes never in an error report, signed in first.
steps = [
    never_cache,
    sensitive_post_parameters("code"),
    require_http_methods(["GET", "POST"]),
    login_required,
]


def step(view):
    for decorator in reversed(steps):
        view = decorator(view)
    return view


def next_url(request) -> str:
    """Where to go once done: the ?next= the admin asked for, if it is ours."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return ""


def go_on(request):
    return redirect(next_url(request) or settings.LOGIN_REDIRECT_URL)


def sign_in_page(request, template, **context):
    """The sign-in steps look like the admin's sign-in page: no menus, no links."""
    shown = {
        "site_header": admin.site.site_header,
        "site_title": admin.site.site_title,
        "has_permission": False,
        "is_nav_sidebar_enabled": False,
        "next": next_url(request),
        **context,
    }
    return render(request, template, shown)


def shut_out(request):
    """Too many wrong passwords or codes: the half-open session ends, the lock-out page says
    for how long."""
    logout(request)
    return locked_out(request)


@step
def verify(request):
    owed = pending_step(request)
    if owed is None:
        return go_on(request)
    if owed == "enrol":
        return redirect(step_url("enrol", next_url(request)))
    user = request.user
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return shut_out(request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        throttled = devices.is_throttled(user)
        device = devices.check_code(user, form.cleaned_data["code"])
        if device is not None:
            request.session.cycle_key()  # a new session id for the now verified session
            otp_login(request, device)
            method = "recovery code" if isinstance(device, StaticDevice) else "authenticator"
            code_accepted.send(sender=verify, request=request, user=user, method=method)
            return go_on(request)
        # A wrong code counts like a wrong password, towards the same lock-out.
        user_login_failed.send(sender=WRONG_CODE, credentials=credentials, request=request)
        if request.axes_locked_out:
            return shut_out(request)
        form.add_error(
            "code",
            TOO_FAST
            if throttled
            else _(
                "This code is not valid. Enter the code the app shows now, or one of your "
                "recovery codes."
            ),
        )
    return sign_in_page(
        request,
        "two_factor/verify.html",
        title=_("Enter your code"),
        form=form,
    )


@step
def enrol(request):
    user = request.user
    if has_authenticator(user) and not user.is_verified():
        return redirect(step_url("verify", next_url(request)))
    device = devices.device_to_confirm(user)
    form = FirstCodeForm(request.POST or None)
    if form.is_valid():
        throttled = not device.verify_is_allowed()[0]
        if device.verify_token(devices.normalise(form.cleaned_data["code"])):
            devices.confirm(device)
            request.session.cycle_key()
            otp_login(request, device)
            request.session[ENROLLED] = True
            code_accepted.send(sender=enrol, request=request, user=user, method="authenticator")
            make_codes(request)
            return redirect(step_url("recovery_codes", next_url(request)))
        form.add_error(
            "code",
            TOO_FAST if throttled else _("This code is not the one the app shows now: try again."),
        )
    return sign_in_page(
        request,
        "two_factor/enrol.html",
        title=_("Set up two-factor sign-in"),
        form=form,
        qr_code=devices.qr_code_svg(device),
        secret=devices.secret_in_groups(device),
        required=is_required(user),
    )


def make_codes(request) -> None:
    codes = devices.make_recovery_codes(request.user)
    request.session[FRESH_CODES] = codes
    recovery_codes_made.send(
        sender=make_codes, request=request, user=request.user, count=len(codes)
    )


@step
def recovery_codes(request):
    """New codes are shown once, right after they are made; making new ones voids the old."""
    if not request.user.is_verified():
        return redirect("two_factor:manage")
    if request.method == "POST":
        make_codes(request)
        return redirect(step_url("recovery_codes", next_url(request)))
    context = {
        **admin.site.each_context(request),
        "title": _("Recovery codes"),
        "codes": request.session.pop(FRESH_CODES, None),
        "left": devices.recovery_codes_left(request.user),
        "next": next_url(request),
    }
    return render(request, "two_factor/recovery_codes.html", context)


@step
def manage(request):
    """One's own two-factor sign-in: set it up, make new recovery codes, or (when not
    required) turn it off."""
    user = request.user
    required = is_required(user)
    if request.method == "POST":
        if request.POST.get("action") == "turn_off" and user.is_verified() and not required:
            devices.remove_all(user)
            request.session[ENROLLED] = False
            messages.success(request, _("Two-factor sign-in is turned off for your account."))
        return redirect("two_factor:manage")
    context = {
        **admin.site.each_context(request),
        "title": _("Two-factor sign-in"),
        "enrolled": has_authenticator(user),
        "verified": user.is_verified(),
        "required": required,
        "left": devices.recovery_codes_left(user),
    }
    return render(request, "two_factor/manage.html", context)
