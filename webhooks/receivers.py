"""Which events the articles' changes make: each becomes a delivery per endpoint that wants
it, in the same transaction (sending.plan). Only changes readers can see count. A new
endpoint is told of the publications already scheduled."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.timezone import now
from django.utils.translation import gettext as _

from articles.models import Article, ArticleNote, Transition
from articles.signals import saved_from_desk
from webhooks import sending
from webhooks.models import Delivery, Endpoint, Event


@receiver(post_save, sender=Transition, dispatch_uid="webhooks_transition")
def workflow_step(sender, instance, created, **kwargs):
    if not created:
        return
    article = instance.article
    if instance.name in ("publish", "schedule"):
        sending.cancel_publications(article.pk, _("Published again before this was sent."))
        sending.plan(Event.PUBLISHED, article, due=max(article.published_at, instance.at))
    elif instance.name == "recall":
        sending.cancel_publications(article.pk, _("Sent back to review before its time."))
    elif instance.name == "unpublish":
        sending.cancel_publications(article.pk, _("Unpublished before its time."))
        if article.published_at and article.published_at <= instance.at:  # readers saw it
            sending.plan(Event.UNPUBLISHED, article, body=sending.withdrawn(article))


@receiver(post_save, sender=Endpoint, dispatch_uid="webhooks_endpoint")
def endpoint_saved(sender, instance, **kwargs):
    """An endpoint that now wants publications (added, given the event, or enabled again)
    is told of the articles already scheduled, at their time."""
    if not instance.wants(Event.PUBLISHED):
        return
    waiting = Delivery.objects.filter(
        endpoint=instance, event=Event.PUBLISHED, state=Delivery.State.PENDING
    )
    for article in Article.objects.scheduled().exclude(pk__in=waiting.values("article_id")):
        sending.plan(Event.PUBLISHED, article, due=article.published_at, endpoints=[instance])


@receiver(post_save, sender=ArticleNote, dispatch_uid="webhooks_note")
def note_logged(sender, instance, created, **kwargs):
    if created and Article.objects.published().filter(pk=instance.article_id).exists():
        kind = Event.CORRECTED if instance.kind == ArticleNote.Kind.CORRECTION else Event.UPDATED
        sending.plan(kind, instance.article)


def readable(article) -> bool:
    """As published() says: a published article whose time has come (a time removed: not)."""
    when = article.published_at
    return article.status == Article.Status.PUBLISHED and when is not None and when <= now()


@receiver(saved_from_desk, dispatch_uid="webhooks_desk_save")
def desk_save(sender, article, user, revised, was_public, **kwargs):
    if was_public and not readable(article):  # its time moved ahead, or was removed
        sending.plan(Event.UNPUBLISHED, article, body=sending.withdrawn(article))
        if article.is_scheduled:
            sending.plan(Event.PUBLISHED, article, due=article.published_at)
    elif revised and readable(article):
        sending.plan(Event.UPDATED, article)
    elif article.status == Article.Status.PUBLISHED and not was_public:  # its time changed
        sending.move_publications(article)
