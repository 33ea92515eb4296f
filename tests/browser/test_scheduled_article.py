"""An editor schedules an article a minute ahead: readers get it at its time, not before.

The clock is the test's (time-machine moves it for the live server's thread too): nothing
waits for the minute to pass.
"""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Status
from tests.browser.desk import change_url, log_in, open_action, success_message, take_action
from tests.factories import ArticleFactory


def test_scheduled_article_reaches_readers_at_its_time_only(new_context, watch, journalist, editor):
    article = ArticleFactory(headline="Le budget 2027 adopté", authors=[journalist.author_profile])
    workflow.apply_transition(article, "submit", journalist)
    # The next minute but one: always at least a minute ahead, whole minutes as typed.
    when = (timezone.localtime() + timedelta(minutes=2)).replace(second=0, microsecond=0)

    page = log_in(new_context(), editor)
    page.goto(change_url(article))
    open_action(page, "schedule")
    page.fill("input[name=_publish_at]", when.strftime("%Y-%m-%dT%H:%M"))
    take_action(page, "schedule")
    assert "Programmer" in success_message(page)
    scheduled = Article.objects.get(pk=article.pk)
    assert scheduled.status == Status.PUBLISHED and scheduled.published_at == when
    assert not Article.objects.published().filter(pk=article.pk).exists()

    address = article.get_absolute_url()
    watch.expect_status(address, 404)
    before = new_context().new_page()
    before.goto(reverse("articles:home"))
    assert before.get_by_role("link", name=article.headline).count() == 0
    assert before.goto(address).status == 404

    with time_machine.travel(when + timedelta(seconds=1)):
        after = new_context().new_page()  # a fresh browser cache, as a reader coming back
        after.goto(reverse("articles:home"))
        assert after.get_by_role("link", name=article.headline).first.is_visible()
        assert after.goto(address).status == 200
        assert after.locator("h1").inner_text() == article.headline
