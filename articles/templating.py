"""What the reader's templates call (newsroom/jinja.py): links, menus, pictures, wording."""

import json
import re
from functools import lru_cache

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import capfirst
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import (
    get_language,
    get_language_info,
    gettext_lazy,
    ngettext,
    override,
)
from django.utils.translation import gettext as _

from articles import body_pictures, embeds, fragments, freshness, queries, search
from articles.share import share_links
from newsroom import data_saving
from newsroom.absolute import absolute
from newsroom.links import slug_url

# Characters that could end the script element or start markup, written as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld(data) -> str:
    """A JSON-LD block no text can break out of (no `</script>`, no markup)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def link(name: str, slug: str | None = None) -> str:
    if slug is None:  # the shell's fixed links, on every page
        return _fixed_link(name, get_language(), get_script_prefix(), get_urlconf())
    return slug_url(name, slug)


@lru_cache(maxsize=64)
def _fixed_link(name: str, language: str, script_prefix: str, urlconf) -> str:
    return reverse(name, urlconf=urlconf)


def site_menu(request) -> list[tuple[str, str, bool]]:
    """The sections menu: (name, url, whether it is this page)."""
    match = getattr(request, "resolver_match", None)
    current = (match.view_name, match.kwargs.get("slug")) if match else None
    links = [(_("Home"), link("articles:home"), current == ("articles:home", None))]
    versions = freshness.for_request(request)
    for slug, name, url in fragments.menu(versions and versions.shared):
        links.append((name, url, current == ("articles:section", slug)))
    return links


def breaking_news(request) -> dict | None:
    """The breaking-news banner, if one is on: read with the versions (no query of its
    own), from the database only while the cache is down."""
    versions = freshness.for_request(request) if request is not None else None
    shown = versions.banner if versions is not None else queries.breaking_news()
    if shown is None:
        return None
    return {"text": shown[0], "link": shown[1], "lang": site_text_lang()}


def site_text_lang() -> str:
    """` lang="…"` for what the newsroom writes in the site's language (section names, the
    banner) on a page in another language."""
    return lang_unless_page(settings.LANGUAGE_CODE)


def search_box(request, prefix="site-search", name=None) -> dict:
    return {
        "action": link("articles:search"),
        "query": search.shown_query(request.GET.get("q", "") if request else ""),
        "max_length": search.MAX_LENGTH,
        "prefix": prefix,
        "name": name or _("Site search"),
    }


def share_bar(article, place="top") -> dict:
    url = absolute(article.get_absolute_url())
    return {
        "links": share_links(article.headline, url),
        "url": url,
        "title": article.headline,
        "place": place,
    }


def language_links(request) -> list:
    """(code, name, this page's address in that language) for each of the site's languages."""
    return [
        (code, capfirst(get_language_info(code)["name_local"]), in_language(request, code))
        for code, _name in settings.LANGUAGES
    ]


def alternates(request) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of this page in each of the site's languages, then
    x-default: the site's own language. Without the query, like the canonical address."""
    links = [
        (code, absolute(in_language(request, code, query=False))) for code, _n in settings.LANGUAGES
    ]
    return [*links, ("x-default", dict(links)[settings.LANGUAGE_CODE])]


def lang_unless_page(language: str) -> str:
    """` lang="…"` for text in another language than the page's (an article's headline on
    the English page): its own language, for screen readers, hyphenation and spelling."""
    if not language or language == get_language():
        return ""
    return format_html(' lang="{}"', language)


def in_language(request, code: str, query: bool = True) -> str:
    """This page's address in another language, its query kept unless told: from the route
    it matched, where translate_url would resolve the path again."""
    path = (request.get_full_path() if query else request.path) if request else "/"
    match = getattr(request, "resolver_match", None)
    if match is None or match.args or not match.namespace:
        return translate_url(path, code)
    with override(code):
        url = reverse(match.view_name, kwargs=match.kwargs)
    query = path.partition("?")[2]
    return f"{url}?{query}" if query else url


def og_locale(language_code: str) -> str:
    return settings.OG_LOCALES.get(language_code, language_code)


def reading_time(article) -> str:
    minutes = article.reading_minutes
    return ngettext("%(minutes)s min read", "%(minutes)s min read", minutes) % {"minutes": minutes}


def search_results(total: int, query: str, more: bool) -> str:
    """How many articles matched, or that more than `total` did."""
    if more:
        return _("More than %(total)s results for “%(query)s”") % {"total": total, "query": query}
    return ngettext(
        "%(total)s result for “%(query)s”", "%(total)s results for “%(query)s”", total
    ) % {"total": total, "query": query}


ARTICLE_SIZES = "(min-width: 44rem) 42rem, 100vw"
# A gallery's pictures take 85 % of the text's width (static/css/site.css).
GALLERY_SIZES = "(min-width: 44rem) 36rem, 85vw"


def article_picture(article, eager=False, sizes=ARTICLE_SIZES) -> dict:
    """The article's featured picture: see picture_sources."""
    fallback = (article.image_width or 1600, article.image_height or 900)
    original = article.picture.file.url if article.picture_id else None
    return picture_sources(article.images, article.image_alt, eager, sizes, fallback, original)


def picture_sources(
    images, alt, eager=False, sizes=ARTICLE_SIZES, fallback=(1600, 900), original=None
) -> dict:
    """<picture> with WebP and fallback srcsets, explicit size, lazy unless above the fold.

    Until the renditions exist (the task worker makes them in seconds; the page is not
    cached meanwhile), the `original` file stands in at the `fallback` size; for a reader
    saving data, or with no original, a placeholder of that shape.
    """
    context = {"alt": alt, "eager": eager, "sizes": sizes}
    if not images or not images.get("widths"):
        shape = {"width": fallback[0], "height": fallback[1]}
        if original and not data_saving.active():
            return {**context, **shape, "original": original}
        return {**context, **shape, "placeholder": True}
    widths = images["widths"]
    largest, middle = widths[-1], widths[min(1, len(widths) - 1)]
    if data_saving.active():
        widths = [w for w in widths if w[0] <= SAVE_DATA_WIDTH] or widths[:1]
        middle = widths[-1]
        if not eager:
            context["tap_label"] = _tap_label(images, widths[-1][2])
    url = default_storage.url
    return {
        **context,
        "webp_srcset": ", ".join(f"{url(w[2])} {w[0]}w" for w in widths),
        "fallback_srcset": ", ".join(f"{url(w[3])} {w[0]}w" for w in widths),
        "src": url(middle[3]),
        "width": largest[0],
        "height": largest[1],
    }


SAVE_DATA_WIDTH = 640  # the largest rendition a reader saving data is offered


def _tap_label(images, name) -> str:
    """ "Photo, 41 Ko": what loading the picture costs (the largest WebP offered)."""
    size = (images.get("bytes") or {}).get(name)
    if size is None:  # renditions made before their weights were recorded
        try:
            size = default_storage.size(name)
        except OSError:
            return _("Photo")
    return _("Photo, %(kilobytes)s KB") % {"kilobytes": max(1, round(size / 1024))}


# A card's picture: a thumbnail in a row on phones and in the home page's columns, a
# third of the list's width in the grid of wide screens: the library's 4:3 crops
# (renditions.ARTICLE_PLAN: "4x3" and the smaller "4x3-…") make its srcset.
CARD_SIZES = "(min-width: 64rem) 20rem, (min-width: 48rem) 10rem, 7.5rem"
CARD_CROP = "4x3"


def card_picture(article, eager=False, sizes=CARD_SIZES) -> dict | None:
    """The article's featured picture as its 4:3 crops (every size the library made of
    that shape, smallest first): see picture_sources. None below the first screen for a
    reader saving data: the card is tapped to read the article, not to load its picture."""
    if data_saving.active() and not eager:
        return None
    crops = ((article.images or {}).get("crops") or {}).items()
    shapes = sorted(crop for name, crop in crops if name.partition("-")[0] == CARD_CROP)
    images = {"widths": shapes} if shapes else None
    original = article.picture.file.url if article.picture_id else None
    return picture_sources(images, article.image_alt, eager, sizes, (1200, 900), original)


def body_html(body: str, pictures: dict) -> str:
    """The article's text for readers: each library picture as its renditions, lazily
    loaded (the text starts below the first screen)."""

    def render(picture, alt, in_gallery):
        fallback = (picture.width or 1600, picture.height or 900)
        sizes = GALLERY_SIZES if in_gallery else ARTICLE_SIZES
        original = picture.file.url if picture.file else None
        context = picture_sources(picture.images, alt, False, sizes, fallback, original)
        return render_to_string("includes/picture.html", {"picture": context}, using="jinja2")

    html = body_pictures.substitute(body, pictures, render)
    html = embeds.replace_in_text(
        html, lambda embed, caption: embed_card(embed, mark_safe(caption))
    )
    # A row readers scroll, by keyboard too: it takes the focus.
    gallery = format_html('<figure class="gallery" tabindex="0" aria-label="{}">', _("Gallery"))
    return mark_safe(html.replace('<figure data-gallery="">', gallery))


EMBED_WORDS = {  # what the card says the post is, and what tapping does
    "video": (gettext_lazy("%(site)s video"), gettext_lazy("Play the video")),
    "post": (gettext_lazy("%(site)s post"), gettext_lazy("Show the post")),
    "audio": (gettext_lazy("%(site)s audio"), gettext_lazy("Listen")),
}


def embed_card(embed, caption: str) -> str:
    what, load = EMBED_WORDS[embed.provider.kind]
    context = {"embed": embed, "what": what % {"site": embed.provider.label}, "load": load}
    return render_to_string("includes/embed.html", {**context, "caption": caption}, using="jinja2")


# An embed card's opening tag, as includes/embed.html writes it: a text's words cannot hold
# a "<" (the sanitiser escapes it), so they never reach the page's policy.
_EMBED_CARD = re.compile(r'<figure class="embed embed-[a-z]+" data-frame="(https://[a-z0-9.-]+)/')


def embed_hosts(html: str) -> list[str]:
    """The other sites a rendered text's embed cards may frame once its reader taps: the
    page's policy allows those, on that page only."""
    return sorted(set(_EMBED_CARD.findall(html)))


def social_image(article):
    """The 1200×630 crop shared links show: {url, width, height}, or None."""
    crop = (article.images or {}).get("crops", {}).get("og")
    if not crop:
        return None
    return {"url": absolute(default_storage.url(crop[3])), "width": crop[0], "height": crop[1]}


def portrait(author, size=96, eager=False) -> dict:
    photos = author.photos
    crops = (photos or {}).get("crops", {})
    one, two = crops.get(f"sq{size}"), crops.get(f"sq{size * 2}") or crops.get("sq400")
    if not one:
        return {"missing": True}
    return {
        "size": size,
        "eager": eager,
        "webp_srcset": f"{default_storage.url(one[2])} 1x"
        + (f", {default_storage.url(two[2])} 2x" if two else ""),
        "src": default_storage.url(one[3]),
        "srcset": f"{default_storage.url(one[3])} 1x"
        + (f", {default_storage.url(two[3])} 2x" if two else ""),
    }
