"""Structured data (schema.org JSON-LD) for articles and author pages."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.templatetags.static import static
from django.utils.timezone import localtime

from newsroom.absolute import absolute


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


def news_article(article) -> dict:
    url = absolute(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "datePublished": localtime(article.published_at).isoformat(),
        "dateModified": localtime(article.last_modified).isoformat(),
        "author": [_person(author) for author in article.byline_authors],
        "publisher": publisher(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "articleSection": article.section.name,
        "inLanguage": article.language,
        "keywords": [tag.name for tag in article.tag_list],
    }
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
