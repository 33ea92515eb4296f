"""The desk's front page (the admin index): what waits for the editors, and for each writer."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django import template
from django.db.models import Count, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles import rules
from articles.models import Article, Status, Transition
from articles.models.article import SCHEDULED
from authors.models import Author
from newsroom import dates

register = template.Library()


@register.filter
def machine_time(when):
    """For <time datetime>: to the second, with its offset (HTML allows no microseconds)."""
    return dates.machine_time(when)


LIST_LENGTH = 15
# What a list shows (the workflow reads status on load); the body and search vectors stay put.
SHOWN_FIELDS = ("headline", "status", "published_at", "updated_at", "section", "section__name")


@dataclass
class DeskList:
    """One list of the front page: its first articles, how many there are in all, and the
    changelist showing them all (empty where no filter can)."""

    key: str
    articles: list
    total: int
    see_all: str = ""


@register.inclusion_tag("admin/includes/attention.html", takes_context=True)
def desk_attention(context):
    user = context["request"].user
    now = timezone.now()
    lists = []
    if rules.is_editor(user):
        lists += _desk_lists(now)
    author = Author.objects.filter(user=user).values_list("pk", flat=True).first()
    if author is not None:
        lists += _own_lists(user, author)
    return {"lists": lists, "time_zone": timezone.get_default_timezone()}


def _desk_lists(now):
    articles = Article.objects.select_related("section").only(*SHOWN_FIELDS)
    review = _first(
        _waiting_since(articles.in_review()).order_by("waiting_since", "pk"),
        "review",
        _changelist(state=Status.REVIEW),
    )
    for article in review.articles:
        article.waiting_for = waiting_for(now - article.waiting_since)
    site_zone = timezone.get_default_timezone()
    today = timezone.localdate(now, site_zone)
    midnight = timezone.make_aware(datetime.combine(today, time.min), site_zone)
    return [
        review,
        _first(
            articles.scheduled().order_by("published_at", "pk"),
            "scheduled",
            _changelist(state=SCHEDULED),
        ),
        _first(
            articles.published().filter(published_at__gte=midnight).order_by("-published_at"),
            "published_today",
            # The list's date filter's own "today" (local midnight to midnight), shown chosen.
            _changelist(
                state=Status.PUBLISHED,
                published_at__gte=str(midnight),
                published_at__lt=str(midnight + timedelta(days=1)),
            ),
        ),
    ]


def _own_lists(user, author):
    own = _with_last_step(
        Article.objects.select_related("section")
        .only(*SHOWN_FIELDS)
        .by_user(user)
        .filter(status=Status.DRAFT)
        .order_by("-updated_at", "pk")
    )
    return [
        # No filter tells sent-back drafts apart: they are found among the drafts.
        _first(own.filter(last_step="send_back"), "sent_back"),
        _first(
            own.filter(Q(last_step__isnull=True) | ~Q(last_step="send_back")),
            "drafts",
            _changelist(state=Status.DRAFT, author=author),
        ),
    ]


def _first(queryset, key, see_all=""):
    """The list's first articles and, on each row, the list's total: one query a list.
    (A user has one author profile and an article one byline per author, so by_user's join
    repeats no row and the total counts articles.)"""
    articles = list(queryset.annotate(total=Window(Count("pk")))[:LIST_LENGTH])
    total = articles[0].total if articles else 0
    return DeskList(key, articles, total, see_all if total else "")


def _waiting_since(queryset):
    """When each article last entered review: submitted, or recalled by an edit after approval."""
    entered = Transition.objects.filter(article=OuterRef("pk"), target=Status.REVIEW)
    entered = entered.order_by("-at", "-pk").values("at")[:1]
    # An article put in review without a recorded step (an import) waits since its last change.
    return queryset.annotate(waiting_since=Coalesce(Subquery(entered), "updated_at"))


def _with_last_step(queryset):
    last = Transition.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    return queryset.annotate(
        last_step=Subquery(last.values("name")[:1]),
        last_comment=Subquery(last.values("comment")[:1]),
    )


def _changelist(**params):
    return reverse("admin:articles_article_changelist") + "?" + urlencode(params)


def waiting_for(age) -> str:
    """How long an article has waited, as the desk says it: "for 3 hours"."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return _("for less than a minute")
    if minutes < 60:
        return ngettext("for %(count)d minute", "for %(count)d minutes", minutes) % {
            "count": minutes
        }
    hours = minutes // 60
    if hours < 48:
        return ngettext("for %(count)d hour", "for %(count)d hours", hours) % {"count": hours}
    days = hours // 24
    return ngettext("for %(count)d day", "for %(count)d days", days) % {"count": days}
