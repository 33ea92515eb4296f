"""A live story and its people: a Live journalist (Awa, also in the Live group), a plain
journalist (Yao), an editor (Mariam)."""

import pytest
from django.contrib.auth.models import Group

from live.models import LiveCoverage, LiveEntry


@pytest.fixture
def live_journalist(journalist):
    journalist.groups.add(Group.objects.get(name="Live"))
    return type(journalist).objects.get(pk=journalist.pk)  # permissions read afresh


@pytest.fixture
def story(published, editor, committed):
    """A published article, followed live."""
    committed(LiveCoverage.start_by, editor, published)
    return published


@pytest.fixture
def coverage(story):
    return LiveCoverage.objects.get(article=story)


@pytest.fixture
def post(live_journalist, committed):
    """Post an entry as it happens in production: committed, so pages and pollers see it."""

    def posting(coverage, body="<p>Les bureaux de vote ont ouvert.</p>", by=None, **fields):
        return committed(LiveEntry.post_by, by or live_journalist, coverage, body=body, **fields)

    return posting
