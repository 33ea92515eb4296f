"""The emails a subscriber gets about their subscription, sent by the task worker.

Every email to a confirmed subscriber carries the one-click unsubscribe of RFC 8058
(List-Unsubscribe with List-Unsubscribe-Post), so mail programs offer it next to the sender.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from newsletters import links
from newsroom.absolute import absolute


@task()
def send_message(to: str, subject: str, body: str, headers: dict) -> None:
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to], headers=headers).send()


def list_headers(subscriber) -> dict:
    return one_click_headers(absolute(links.path(subscriber, "unsubscribe")))


def one_click_headers(unsubscribe_url: str) -> dict:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send(subscriber, template: str, purposes: tuple, listed: bool) -> None:
    """The template's first paragraph is the subject; its links and words in the
    subscriber's language."""
    with translation.override(subscriber.language):
        context = {name: absolute(links.path(subscriber, name)) for name in purposes}
        context |= {"subscriber": subscriber, "SITE_NAME": settings.SITE_NAME}
        text = render_to_string(f"newsletters/email/{template}.txt", context)
        headers = list_headers(subscriber) if listed else {}
    subject, _blank, body = text.partition("\n\n")
    send_message.enqueue(subscriber.email, subject.strip(), body.lstrip(), headers)


def ask_to_confirm(subscriber) -> None:
    _send(subscriber, "confirm", ("confirm",), listed=False)


def already_subscribed(subscriber) -> None:
    """Sent instead of a confirmation, so the page never says who is subscribed."""
    _send(subscriber, "already", ("preferences", "unsubscribe"), listed=True)


def welcome(subscriber) -> None:
    _send(subscriber, "welcome", ("preferences", "unsubscribe"), listed=True)
