"""What search engines and shared links read of a page: its title, description and canonical
address, and structured data (schema.org JSON-LD) for articles and author pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.templatetags.static import static
from django.utils.timezone import now
from django.utils.translation import override

from newsroom.absolute import absolute
from newsroom.dates import machine_time
from newsroom.text import clean_line


def _person(author) -> dict:
    person = {
        "@type": "Person",
        "name": author.display_name,
        "url": absolute(author.get_absolute_url()),
    }
    if author.job_title:
        person["jobTitle"] = author.job_title
    same_as = [
        u for u in (author.website, author.x_url, author.facebook_url, author.linkedin_url) if u
    ]
    if same_as:
        person["sameAs"] = same_as
    return person


def publisher() -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def _or(own: str, fallback: str) -> str:
    """The article's own text for this place, or the fallback when it has none."""
    return clean_line(own) or fallback


def search_title(article) -> str:
    return _or(article.seo_title, article.headline)


def search_description(article) -> str:
    return _or(article.meta_description, article.standfirst)


def shared_title(article) -> str:
    return _or(article.social_title, article.headline)


def shared_description(article) -> str:
    return _or(article.social_description, article.standfirst)


def own_url(article) -> str:
    """The article's address in its own language: the other is the same text in another
    language's interface, not a translation."""
    with override(article.language):
        return absolute(article.get_absolute_url())


def canonical_url(article) -> str:
    """The original's address for syndicated copy, else the article's own (own_url)."""
    given = urlsplit(article.canonical_url)
    if given.scheme in ("http", "https") and given.hostname:  # as the model validates it
        return article.canonical_url
    return own_url(article)


def article_head(article) -> dict:
    """What the article page's <head> says of it (templates/jinja2/articles/article_head.html)."""
    return {
        "title": search_title(article),
        "description": search_description(article),
        "shared_title": shared_title(article),
        "shared_description": shared_description(article),
        "canonical": canonical_url(article),
    }


def news_article(article) -> dict:
    url = own_url(article)
    notes = getattr(article, "notes", [])  # its log, newest first (queries.article_in_full)
    modified = max([article.last_modified, *(note.created_at for note in notes[:1])])
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": search_description(article),
        # A preview's article has no date yet: it would be published now.
        "datePublished": machine_time(article.published_at or now()),
        "dateModified": machine_time(modified or now()),
        "author": [_person(author) for author in article.byline_authors],
        "publisher": publisher(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "articleSection": article.section.name,
        "inLanguage": article.language,
        "keywords": [tag.name for tag in article.tag_list],
    }
    corrections = [note for note in notes if note.kind == note.Kind.CORRECTION]
    if corrections:  # an update is news, not a correction: it only dates the change
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": machine_time(note.created_at),
            }
            for note in corrections
        ]
    crops = (article.images or {}).get("crops", {})
    images = [
        absolute(default_storage.url(crops[n][3])) for n in ("1x1", "4x3", "16x9") if n in crops
    ]
    if images:
        data["image"] = images
    return data


def profile_page(author) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": absolute(author.get_absolute_url()),
        "mainEntity": _person(author),
    }
