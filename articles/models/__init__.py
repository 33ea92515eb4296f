from articles.models.article import Article, ArticleQuerySet, Byline, Status
from articles.models.body_picture import BodyPicture
from articles.models.home import BreakingNews, FeaturedStory
from articles.models.lock import EditSession
from articles.models.note import ArticleNote, NoteKind
from articles.models.picture import Picture
from articles.models.preview import PreviewLink
from articles.models.rate_count import RateCount
from articles.models.revision import Revision
from articles.models.section import Section
from articles.models.stale_pages import UnsentBump
from articles.models.tagging import Tagging, TagRedirect
from articles.models.tip import Tip
from articles.models.transition import Transition

__all__ = [
    "Article",
    "ArticleNote",
    "ArticleQuerySet",
    "BodyPicture",
    "BreakingNews",
    "Byline",
    "EditSession",
    "FeaturedStory",
    "NoteKind",
    "Picture",
    "PreviewLink",
    "RateCount",
    "Revision",
    "Section",
    "Status",
    "TagRedirect",
    "Tagging",
    "Tip",
    "Transition",
    "UnsentBump",
]
