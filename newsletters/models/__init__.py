from newsletters.models.delivery import Delivery
from newsletters.models.edition import Edition, EditionStory
from newsletters.models.subscriber import STATES, Subscriber, SubscriberQuerySet

__all__ = ["STATES", "Delivery", "Edition", "EditionStory", "Subscriber", "SubscriberQuerySet"]
