"""New editions, filled from what the newsroom published: editors then reorder, drop or add."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext

from articles.models import Article
from newsletters.models import Edition, EditionStory

DIGEST_STORIES = 10  # a morning read; editors add more by hand if the day calls for it
DIGEST_HOURS = 24  # built at dawn, "the day's news" is the last day's, not the night's


def digest(user, now=None) -> Edition:
    """L'essentiel as a draft: the last day's published articles, lead stories first."""
    Edition.check_editor(user)
    now = now or timezone.now()
    articles = (
        Article.objects.published()
        .filter(published_at__gt=now - timedelta(hours=DIGEST_HOURS), published_at__lte=now)
        .order_by("-is_lead", "-published_at")[:DIGEST_STORIES]
    )
    day = timezone.localdate(now)
    subject = gettext("L’essentiel of %(day)s") % {"day": formats.date_format(day, "j F Y")}
    with transaction.atomic():
        edition = Edition.objects.create(subject=subject, day=day, created_by=user)
        EditionStory.objects.bulk_create(
            EditionStory(edition=edition, article=article, position=position)
            for position, article in enumerate(articles, start=1)
        )
    return edition


def alert(user, article) -> Edition:
    """A breaking alert as a draft: one published article, its headline as the subject."""
    Edition.check_editor(user)
    if not article.is_public:
        raise ValidationError(gettext("Only a published article can be sent."))
    with transaction.atomic():
        edition = Edition.objects.create(
            kind=Edition.Kind.ALERT, subject=article.headline[:150], created_by=user
        )
        EditionStory.objects.create(edition=edition, article=article, position=1)
    return edition
