"""An edition as email: rendered once per language, then made personal for each subscriber
by putting their own links in place of two marks."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import Truncator

from articles.share import share_links
from newsletters import links
from newsroom.absolute import absolute

# Stand-ins for each subscriber's signed links: URL-safe, so replaced as they are in HTML too.
PREFERENCES_MARK = "%%preferences%%"
UNSUBSCRIBE_MARK = "%%unsubscribe%%"
PURPOSES = ("preferences", "unsubscribe")  # own_links' order
EMAIL_WIDTH = 600  # the email's column, in CSS pixels
PREHEADER_CHARS = 140
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(edition, language: str) -> Rendered:
    """The edition's subject, plain text and HTML in `language`, with its public stories."""
    with translation.override(language):
        articles = public_articles(edition)
        stories = [story(article) for article in articles]
        if edition.kind == edition.Kind.ALERT and stories:
            stories[0]["lead"] = True
        context = {
            "edition": edition,
            "is_alert": edition.kind == edition.Kind.ALERT,
            "language": language,
            "date": date_format(edition.day, "DATE_FORMAT"),
            "introduction": paragraphs(edition.introduction),
            "preheader": preheader(edition, stories),
            "stories": stories,
            "preferences_url": PREFERENCES_MARK,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "SITE_NAME": settings.SITE_NAME,
            "SITE_URL": settings.SITE_URL,
        }
        text = render_to_string("newsletters/email/edition.txt", context)
        html = render_to_string("newsletters/email/edition.html", context)
    # The text template is laid out for reading; the reader gets no run of blank lines.
    text = re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip() + "\n"
    return Rendered(subject=edition.subject, text=text, html=html)


def own_links(subscriber) -> tuple[str, str]:
    """(preferences, unsubscribe): the subscriber's signed links, in their language."""
    with translation.override(subscriber.language):
        return tuple(absolute(links.path(subscriber, kind)) for kind in PURPOSES)


def with_links(rendered: Rendered, preferences: str, unsubscribe: str) -> tuple[str, str]:
    """(text, html) with these links in place of the marks."""
    text, html = rendered.text, rendered.html
    for mark, url in ((PREFERENCES_MARK, preferences), (UNSUBSCRIBE_MARK, unsubscribe)):
        text, html = text.replace(mark, url), html.replace(mark, url)
    return text, html


def public_articles(edition) -> list:
    """The edition's articles still public, in order: one unpublished since is never sent."""
    return [article for article in edition.articles() if article.is_public]


def story(article) -> dict:
    url = absolute(article.get_absolute_url())
    return {
        "article": article,
        "section": article.section.name if article.section_id else "",
        "url": url,
        "picture": picture(article),
        "shares": share_links(article.headline, url),
        "lead": False,
    }


def picture(article) -> dict | None:
    """The featured picture about as wide as the email: the first rendition at least that
    wide (JPEG or PNG, which every mail program shows); the original until they exist."""
    if not article.picture_id:
        return None
    widths = (article.images or {}).get("widths") or []
    fit = next((w for w in widths if w[0] >= EMAIL_WIDTH), widths[-1] if widths else None)
    if fit is not None:
        width, height, url = fit[0], fit[1], default_storage.url(fit[3])
    else:
        width, height = article.image_width, article.image_height
        url = article.picture.file.url
    if not width or not height:
        return None
    shown = min(width, EMAIL_WIDTH)
    return {
        "src": absolute(url),
        "width": shown,
        "height": round(height * shown / width),
        "alt": article.image_alt,
        "credit": article.image_credit,
    }


def paragraphs(text: str) -> list[str]:
    """Plain text cut into paragraphs at its blank lines."""
    return [part.strip() for part in _BLANK_LINE.split(text or "") if part.strip()]


def preheader(edition, stories) -> str:
    """What mail programs show after the subject: the introduction, or what leads."""
    if edition.introduction.strip():
        words = " ".join(edition.introduction.split())
    elif stories and stories[0]["lead"]:
        words = stories[0]["article"].standfirst or stories[0]["article"].headline
    else:
        words = " · ".join(s["article"].headline for s in stories)
    return Truncator(words).chars(PREHEADER_CHARS)
