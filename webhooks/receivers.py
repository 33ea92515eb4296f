"""Which events the articles' changes make: each becomes a delivery per endpoint that wants
it, in the same transaction (sending.plan). Only changes readers can see count."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from articles.models import Article, ArticleNote, Transition
from articles.signals import saved_from_desk
from webhooks import sending
from webhooks.models import Event


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


@receiver(post_save, sender=ArticleNote, dispatch_uid="webhooks_note")
def note_logged(sender, instance, created, **kwargs):
    if created and Article.objects.published().filter(pk=instance.article_id).exists():
        kind = Event.CORRECTED if instance.kind == ArticleNote.Kind.CORRECTION else Event.UPDATED
        sending.plan(kind, instance.article)


@receiver(saved_from_desk, dispatch_uid="webhooks_desk_save")
def desk_save(sender, article, user, revised, **kwargs):
    if revised and article.is_public:
        sending.plan(Event.UPDATED, article)
    elif article.status == Article.Status.PUBLISHED:  # its time may have been changed
        sending.move_publications(article)
