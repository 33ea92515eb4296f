from articles.models.article import Article, ArticleQuerySet, Byline, Status
from articles.models.section import Section
from articles.models.tip import Tip
from articles.models.transition import Transition

__all__ = ["Article", "ArticleQuerySet", "Byline", "Section", "Status", "Tip", "Transition"]
