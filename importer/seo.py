"""Search and social titles and descriptions from Yoast SEO and Rank Math.

Both plugins keep them in the post's meta, often as templates ("%%title%% %%sep%%
%%sitename%%" for Yoast, "%title% %sep% %sitename%" for Rank Math): the post's title and
excerpt are filled in, every other variable is dropped (Newsroom's pages add the site's
name themselves), and a text that only repeats the headline or the standfirst is left
empty, so the article keeps following them. Rank Math is read first: a site that has both
moved to it from Yoast, and copied Yoast's texts as it did.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator

from newsroom.text import clean_line

# Article field → (meta keys in order of preference, the article's field it falls back to).
FIELDS = {
    "seo_title": (("rank_math_title", "_yoast_wpseo_title"), "headline"),
    "meta_description": (("rank_math_description", "_yoast_wpseo_metadesc"), "standfirst"),
    "social_title": (
        (
            "rank_math_facebook_title",
            "_yoast_wpseo_opengraph-title",
            "rank_math_twitter_title",
            "_yoast_wpseo_twitter-title",
        ),
        "headline",
    ),
    "social_description": (
        (
            "rank_math_facebook_description",
            "_yoast_wpseo_opengraph-description",
            "rank_math_twitter_description",
            "_yoast_wpseo_twitter-description",
        ),
        "standfirst",
    ),
}
LENGTHS = {"seo_title": 70, "meta_description": 160, "social_title": 95, "social_description": 200}
_VARIABLE = re.compile(r"%%([a-z0-9_]+)%%|%([a-z][a-z0-9_]*)%", re.IGNORECASE)
_EDGES = " \t-–—|·•:,;/"


def fields(meta: dict[str, str], headline: str, standfirst: str) -> dict[str, str]:
    """The article's search and social fields that the post's meta fills."""
    filled = {"headline": headline, "standfirst": standfirst}
    found = {}
    for name, (keys, fallback) in FIELDS.items():
        for key in keys:
            text = _text(meta.get(key, ""), filled)
            if text:
                if text != clean_line(filled[fallback]):
                    found[name] = Truncator(text).chars(LENGTHS[name])
                break
    return found


def _text(template: str, filled: dict[str, str]) -> str:
    def variable(match):
        name = (match.group(1) or match.group(2)).lower()
        if name == "title":
            return filled["headline"]
        if name in ("excerpt", "excerpt_only"):
            return filled["standfirst"]
        return " "

    text = _VARIABLE.sub(variable, html.unescape(strip_tags(template or "")))
    return clean_line(text).strip(_EDGES)
