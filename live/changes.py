"""What follows any change to live coverage, once it is committed.

An entry posted, edited, corrected or deleted changes only its article's own page: the
live version is bumped (pollers see it) and that page's address in every language, so
every other cached page (the home page, the section's) stays as it is. Starting or ending
coverage also changes the article's card (a later slice shows "En direct" there): its
cached parts are made stale (articles.changes.touch) and the pages listing it too.
"""

from django.db import transaction
from django.dispatch import receiver

from articles import changes, freshness
from articles.models import Article, Status
from live import signals as said
from live import versions
from live.models import LiveCoverage

COVERAGE_ACTIONS = (said.STARTED, said.ENDED)


@receiver(said.live_changed, dispatch_uid="live_freshness")
def live_changed(sender, action, obj, **kwargs):
    coverage = obj if isinstance(obj, LiveCoverage) else obj.coverage
    article = Article.objects.only("slug", "status").get(pk=coverage.article_id)
    public = article.status == Status.PUBLISHED
    transaction.on_commit(lambda: versions.bump(article.pk))
    if action in COVERAGE_ACTIONS:
        changes.touch([article.pk])
        if action == said.STARTED:
            transaction.on_commit(versions.refresh_index)
        if public:  # its page, its card's lists, in every language
            freshness.bump_after_commit(changes.pages_of(article.pk))
    elif public:
        paths = changes.in_every_language({"articles:detail": [article.slug]})
        transaction.on_commit(lambda: freshness.bump_pages_only(paths))
