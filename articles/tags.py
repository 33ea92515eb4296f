from taggit.models import Tag

from articles.models import Article


def public_tags():
    """Tags carried by at least one published article: the only ones readers may discover."""
    return Tag.objects.filter(article__in=Article.objects.published()).distinct()
