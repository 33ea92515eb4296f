"""Newsletters on other desk pages: a published article's page offers editors to send it as
a breaking alert. A template tag, so that the articles' code never calls newsletters."""

from django import template
from django.urls import reverse

from articles import rules

register = template.Library()


@register.simple_tag(takes_context=True)
def alert_link(context, article) -> str:
    """`{% alert_link original as address %}`: the new alert's form, or empty."""
    if article is None or not article.is_public or not rules.is_editor(context["request"].user):
        return ""
    return f"{reverse('admin:newsletters_edition_add')}?article={article.pk}"
