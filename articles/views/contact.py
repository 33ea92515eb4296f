"""'Contacter la rédaction': readers' tips, saved, emailed, and protected against spam."""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from articles.forms_public import TipForm
from articles.models import RateCount
from newsroom.client_ip import client_ip

logger = logging.getLogger(__name__)
TIPS_WINDOW = timedelta(hours=1)


def _over_limit(request) -> bool:
    """Counts this address's tips for the hour, in the database (a tip is written there
    anyway) so the limit holds when Redis is down; the address is only kept as a hash."""
    address = client_ip(request)
    key = "tips:" + hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return RateCount.add_one(key, TIPS_WINDOW) > settings.TIPS_PER_HOUR


def _email_newsroom(tip) -> None:
    body = render_to_string("articles/email/tip_body.txt", {"tip": tip})
    subject = _("[%(site)s] A reader's message") % {"site": settings.SITE_NAME}
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [settings.NEWSROOM_EMAIL])
    except OSError:
        # The tip is saved and listed in the admin; a mail outage must not lose or refuse it.
        logger.exception("Could not email reader's tip %s", tip.pk)


@never_cache
def contact(request):
    form = TipForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _over_limit(request):
            form.add_error(
                None, _("You have sent several messages already. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            if not form.is_bot:
                tip = form.save()
                _email_newsroom(tip)
            return redirect("articles:contact_thanks")
        else:
            status = 400
    return render(request, "articles/contact.html", {"form": form}, status=status)


def contact_thanks(request):
    return render(request, "articles/contact_thanks.html")
