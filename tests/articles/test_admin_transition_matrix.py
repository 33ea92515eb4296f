"""Each allowed and each refused transition, for each role, through the admin's endpoint."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Transition
from tests.articles.test_workflow import ALL_ACTIONS, EXPECTED
from tests.conftest import client_for

# The state each allowed action leads to.
TARGET = {
    "submit": "review",
    "withdraw": "draft",
    "send_back": "draft",
    "publish": "published",
    "schedule": "scheduled",
    "unpublish": "unpublished",
    "reopen": "draft",
}


def post_action(client, article, action):
    when = timezone.localtime() + timedelta(days=2)
    return client.post(
        reverse("admin:articles_article_transition", args=[article.pk]),
        {
            "_transition": action,
            "_comment": "Merci de reprendre le deuxième paragraphe.",
            "_publish_at": when.strftime("%Y-%m-%dT%H:%M"),
        },
    )


CASES = [
    (state, role, action, action in EXPECTED[state][role])
    for state in EXPECTED
    for role in EXPECTED[state]
    for action in sorted(ALL_ACTIONS)
]


@pytest.mark.parametrize(("state", "role", "action", "allowed"), CASES)
def test_transition_over_http(article_in, people, state, role, action, allowed):
    article = article_in(state)
    steps = Transition.objects.count()
    response = post_action(client_for(people[role]), article, action)
    stored = Article.objects.get(pk=article.pk)
    if allowed:
        assert response.status_code == 302
        assert stored.state == TARGET[action]
        assert Transition.objects.count() == steps + 1
        last = stored.transitions.last()
        assert (last.user, last.name) == (people[role], action)
    else:
        assert response.status_code in (302, 403, 404)
        assert (stored.status, stored.published_at) == (article.status, article.published_at)
        assert Transition.objects.count() == steps
