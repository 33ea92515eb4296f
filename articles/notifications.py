"""Workflow emails: to editors on submission; to authors on return, publication or unpublication."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse

from articles.rules import EDITOR_PERMISSION

EDITORS_GROUP = "Editors"
logger = logging.getLogger(__name__)


def editor_emails(article=None) -> list[str]:
    app_label, codename = EDITOR_PERMISSION.split(".")
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    editors = users.filter(groups__name=EDITORS_GROUP) | users.filter(
        user_permissions__codename=codename, user_permissions__content_type__app_label=app_label
    )
    return sorted(set(editors.values_list("email", flat=True)))


def author_emails(article) -> list[str]:
    return sorted(
        set(
            article.bylines.filter(author__user__is_active=True)
            .exclude(author__user__email="")
            .values_list("author__user__email", flat=True)
        )
    )


RECIPIENTS = {
    "submit": editor_emails,
    "recall": editor_emails,
    "send_back": author_emails,
    "publish": author_emails,
    "schedule": author_emails,
    "unpublish": author_emails,
}


def after_transition(step) -> None:
    find_recipients = RECIPIENTS.get(step.name)
    if find_recipients is None:
        return
    recipients = [r for r in find_recipients(step.article) if r != getattr(step.user, "email", "")]
    if not recipients:
        return
    context = {
        "step": step,
        "article": step.article,
        "site_name": settings.SITE_NAME,
        "article_url": settings.SITE_URL + step.article.get_absolute_url(),
        "admin_url": settings.SITE_URL
        + reverse("admin:articles_article_change", args=[step.article.pk]),
    }
    subject = render_to_string(f"articles/email/{step.name}_subject.txt", context)
    body = render_to_string(f"articles/email/{step.name}_body.txt", context)
    subject = " ".join(subject.split())
    try:
        send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients])
    except OSError:
        # The step is committed already; a mail server outage must not turn it into an error.
        logger.exception(
            "Could not send the %s notification for article %s", step.name, step.article_id
        )
