"""Live coverage on other desk pages: the article's page offers to start, feed or end it.
A template tag, so that the articles' code never calls live coverage (.importlinter)."""

from django import template

from live.admin.coverage import article_links

register = template.Library()


@register.simple_tag(takes_context=True)
def live_links(context, article) -> list[tuple[str, str]]:
    """`{% live_links original as links %}`: (label, address) pairs, none for most people."""
    return article_links(context["request"].user, article)
