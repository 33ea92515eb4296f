"""Issue 31: "X is editing this article" ends when X leaves the page or saves, not minutes later."""

import time

from django.urls import reverse

from articles.models import EditSession
from tests.browser.desk import change_url, log_in
from tests.browser.pages import follow
from tests.factories import ArticleFactory

BANNER = ".edit-session-banner[role=alert]:not([hidden])"


def wait_until(condition, seconds: float = 5.0) -> bool:
    """The beacon is sent as the page goes: the server hears it a moment later."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def present(article, user) -> bool:
    return EditSession.objects.filter(article=article, user=user).exists()


def test_leaving_the_page_ends_the_presence_the_others_saw(new_context, journalist, editor):
    draft = ArticleFactory(headline="Brouillon d’Awa", authors=[journalist.author_profile])
    author = log_in(new_context(), journalist)
    author.goto(change_url(draft))
    assert present(draft, journalist)
    desk = log_in(new_context(), editor)
    desk.goto(change_url(draft))
    assert "Awa Koné" in desk.locator(BANNER).first.inner_text()

    author.goto(reverse("admin:index"))  # gone elsewhere, without saving
    assert wait_until(lambda: not present(draft, journalist))
    desk.reload()
    assert desk.locator(BANNER).count() == 0


def test_saving_ends_the_presence_and_sends_no_beacon_behind_it(new_context, journalist):
    draft = ArticleFactory(headline="Brouillon d’Awa", authors=[journalist.author_profile])
    author = log_in(new_context(), journalist)
    author.goto(change_url(draft))
    left = []
    author.on(
        "request", lambda request: left.append(request.url) if "/leave/" in request.url else None
    )
    author.fill("#id_headline", "Brouillon d’Awa, relu")
    follow(author, author.locator("input[name=_continue]"))  # back on the form: hers again
    assert present(draft, journalist) and not left
    follow(author, author.locator("input[name=_save]"))  # to the list: done
    assert not present(draft, journalist) and not left
