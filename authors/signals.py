from django.db.models.signals import pre_delete
from django.dispatch import receiver

from authors.models import Author


@receiver(pre_delete, sender=Author)
def protect_published_authors(sender, instance, **kwargs):
    # pre_delete runs for Model.delete() and QuerySet.delete() alike, inside the transaction.
    instance.refuse_deletion_if_published()
