"""The admin index's "what needs attention" lists, for editors and for journalists."""

from django import template
from django.db.models import OuterRef, Q, Subquery

from articles import rules
from articles.models import Article, Status, Transition

register = template.Library()

LIST_LENGTH = 15


def _with_last_step(queryset):
    last = Transition.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    return queryset.annotate(
        last_step=Subquery(last.values("name")[:1]),
        last_comment=Subquery(last.values("comment")[:1]),
    )


@register.inclusion_tag("admin/includes/attention.html", takes_context=True)
def desk_attention(context):
    user = context["request"].user
    articles = Article.objects.select_related("section").order_by("-updated_at")
    if rules.is_editor(user):
        lists = [
            ("review", articles.in_review()),
            ("scheduled", articles.scheduled().order_by("published_at")),
        ]
    else:
        own = _with_last_step(articles.by_user(user).filter(status=Status.DRAFT))
        lists = [
            ("sent_back", own.filter(last_step="send_back")),
            ("drafts", own.filter(Q(last_step__isnull=True) | ~Q(last_step="send_back"))),
        ]
    return {"lists": [(key, list(qs[:LIST_LENGTH])) for key, qs in lists]}
