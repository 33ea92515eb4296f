"""Template tags for the reader's site. Each one runs at most one query, whatever the page."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from articles.forms_public import SearchForm
from articles.models import Section
from articles.share import share_links
from newsroom.absolute import absolute

register = template.Library()

# Characters that could end the script element or start markup, written as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(data) -> str:
    """A JSON-LD block no text can break out of (no `</script>`, no markup)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def absolute_url(url: str) -> str:
    return absolute(url)


@register.inclusion_tag("includes/nav.html", takes_context=True)
def site_nav(context):
    return {"sections": Section.objects.only("name", "slug"), "request": context.get("request")}


@register.inclusion_tag("includes/search_box.html", takes_context=True)
def search_box(context):
    request = context.get("request")
    query = request.GET.get("q", "") if request else ""
    return {"search_form": SearchForm.from_query(query, auto_id="site-search-%s")}


@register.inclusion_tag("includes/share_bar.html")
def share_bar(article, place="top"):
    url = absolute(article.get_absolute_url())
    return {
        "links": share_links(article.headline, url),
        "url": url,
        "title": article.headline,
        "place": place,
    }


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context):
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    return {
        "languages": [
            (code, get_language_info(code)["name_local"], translate_url(path, code))
            for code, _name in settings.LANGUAGES
        ]
    }


@register.simple_tag
def og_locale(language_code: str) -> str:
    return settings.OG_LOCALES.get(language_code, language_code)
