"""Build the POST an admin article or author form would send, as a browser would."""

from django.utils import timezone

from articles.models import Article


def article_post(article: Article | None = None, bylines=(), **overrides) -> dict:
    data = {
        "headline": "",
        "slug": "",
        "standfirst": "",
        "body": "",
        "section": "",
        "tags": "",
        "language": "fr",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "picture": "",
    }
    existing = []
    if article is not None:
        data.update(
            headline=article.headline,
            slug=article.slug,
            standfirst=article.standfirst,
            body=article.body,
            section=str(article.section_id),
            tags=", ".join(article.tags.names()),
            language=article.language,
            image_alt=article.image_alt,
            image_caption=article.image_caption,
            image_credit=article.image_credit,
            picture=str(article.picture_id or ""),
        )
        if article.published_at:
            local = timezone.localtime(article.published_at)
            data["published_at_0"] = local.strftime("%d/%m/%Y")
            data["published_at_1"] = local.strftime("%H:%M:%S")
        existing = list(article.bylines.all())
    authors = list(bylines)
    data.update(
        {
            "bylines-TOTAL_FORMS": str(len(existing) + len(authors)),
            "bylines-INITIAL_FORMS": str(len(existing)),
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
            # The log of corrections and updates: nothing added.
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
            "corrections-MIN_NUM_FORMS": "0",
            "corrections-MAX_NUM_FORMS": "1000",
        }
    )
    for i, byline in enumerate(existing):
        data[f"bylines-{i}-id"] = str(byline.pk)
        data[f"bylines-{i}-article"] = str(article.pk)
        data[f"bylines-{i}-author"] = str(byline.author_id)
        data[f"bylines-{i}-position"] = str(byline.position)
    for j, author in enumerate(authors, start=len(existing)):
        data[f"bylines-{j}-author"] = str(author.pk)
        data[f"bylines-{j}-position"] = str(j)
    data.update(overrides)
    return data
