"""What the reader's pages read, through the ORM: every query starts from published()."""

from collections import defaultdict

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.utils import timezone
from taggit.models import Tag

from articles import body_pictures
from articles.models import (
    Article,
    ArticleNote,
    BreakingNews,
    Byline,
    Picture,
    Section,
    Tagging,
)
from articles.models.home import FEATURED_MOST
from authors.models import Author

BYLINES = Prefetch("bylines", queryset=Byline.objects.select_related("author__photo"))
TAGS = Prefetch("taggings", queryset=Tagging.objects.select_related("tag").order_by("pk"))
# What a card shows, and what its cached copy is keyed by (articles/fragments.py).
CARD_FIELDS = (
    "slug",
    "headline",
    "standfirst",
    "language",  # its text's lang="…" on a page in another language
    "status",
    "version",
    "generation",
    "published_at",
    "revised_at",
    "section__name",
    "section__slug",
    # Its featured picture, read in the same query: the 4:3 crop, and its alt text here.
    "image_alt",
    "picture__file",
    "picture__width",
    "picture__height",
    "picture__focal_x",
    "picture__focal_y",
    "picture__renditions",
)
# Whether a live story's coverage runs (live/), for its badge and its page, in the same query.
LIVE = {"live_since": F("live_coverage__started_at"), "live_until": F("live_coverage__ended_at")}
# Large columns only search reads.
SEARCH_FIELDS = ("search_vector", "rank_vector", "search_tags", "search_authors")
READ_ALSO_COUNT = 4
# Read also counts the tags shared with the articles written around this one (ids grow with
# time): what was written then is what a story is related to, and a busy tag stays cheap.
READ_ALSO_WINDOW = 1000


def published():
    return Article.objects.published()


def cards():
    """Published articles, newest first, with what a card shows."""
    return published().select_related("section", "picture").only(*CARD_FIELDS).annotate(**LIVE)


def menu() -> list[tuple[str, str, str]]:
    """The sections as the menu shows them: (slug, name, address)."""
    return [(s.slug, s.name, s.get_absolute_url()) for s in Section.objects.all()]


def article_with(slug: str, related: list[int]) -> tuple[Article | None, list[Article]]:
    """The published article at this address, and those of `related` still published, in
    that order, in one query: each with a card's fields."""
    found = {a.pk: a for a in cards().filter(Q(slug=slug) | Q(pk__in=related))}
    article = next((a for a in found.values() if a.slug == slug), None)
    return article, [found[pk] for pk in related if pk in found and found[pk] is not article]


def article_in_full(**lookup) -> Article | None:
    """The published article (by pk or slug) with everything its own parts show: its
    bylines' authors and its tags too."""
    found = published().select_related("section", "picture").defer(*SEARCH_FIELDS)
    found = found.annotate(**LIVE).filter(**lookup)
    found = found.order_by()  # one article: sorting it costs a fifth of the query's compiling
    article = next(iter(found), None)
    if article is not None:
        with_credits_and_tags([article])
        # Its log, newest first: every entry dates revised_at, so an article never revised has none.
        article.notes = list(article.corrections.all()) if article.revised_at else []
    return article


def latest_notes():
    """Corrections and updates of published articles, newest first, each with its article."""
    return (
        ArticleNote.objects.filter(article__in=published().values("pk"))
        .select_related("article")
        # The status too: django-fsm reads it as it builds each article (a query each without).
        .only(
            "kind",
            "text",
            "created_at",
            "article__slug",
            "article__headline",
            "article__language",
            "article__status",
        )
        .order_by("-created_at", "-pk")
    )


def in_full(articles) -> list[Article]:
    """The same articles read again with their text and featured picture, in their order."""
    ids = [article.pk for article in articles]
    found = Article.objects.select_related("section", "picture").defer("body_text", *SEARCH_FIELDS)
    found = found.in_bulk(ids)
    return [found[pk] for pk in ids]


# The two below fill what the articles' byline_authors and tag_list would read, one query
# for all the articles: prefetch_related() clones a queryset per article to do the same.
def with_credits(articles) -> list[Article]:
    """The articles with their bylines' authors, for the cards that show them."""
    articles = list(articles)
    authors = defaultdict(list)
    for byline in Byline.objects.filter(article__in=articles).select_related("author__photo"):
        authors[byline.article_id].append(byline.author)
    for article in articles:
        article.byline_authors = authors[article.pk]
    return articles


def with_credits_and_tags(articles) -> list[Article]:
    """The articles with their bylines' authors and their tags, for the feeds."""
    articles = with_credits(articles)
    tags = defaultdict(list)
    taggings = Tagging.objects.filter(content_object__in=articles).select_related("tag")
    for tagging in taggings.order_by("pk"):
        tags[tagging.content_object_id].append(tagging.tag)
    for article in articles:
        article.tag_list = tags[article.pk]
    return articles


def home(latest_count: int) -> tuple[Article | None, list[Article], list[Article]]:
    """The home page's lead story (the editor's choice, else the newest), its featured
    stories in the editors' order (expired ones gone), then the latest, none repeated:
    three queries, each with a card's fields, whatever editors chose."""
    chosen = cards().filter(is_lead=True).first()
    featured = list(
        cards()
        .filter(featured__until__gt=timezone.now())
        .order_by("featured__position", "featured__pk")[: FEATURED_MOST + 1]
    )
    newest = list(cards()[: latest_count + FEATURED_MOST + 1])
    lead = chosen or next(iter(newest), None)
    featured = [article for article in featured if article != lead][:FEATURED_MOST]
    shown = {lead, *featured}
    return lead, featured, [article for article in newest if article not in shown][:latest_count]


def breaking_news() -> tuple[str, str] | None:
    """The banner every page shows (text, link), read here only while the cache is down:
    otherwise it comes with the versions (articles/freshness.py)."""
    return BreakingNews.objects.shown().values_list("text", "link").first()


def section_blocks(per_section: int) -> list[tuple[Section, list[Article]]]:
    """Each section with its newest articles, in menu order; empty sections left out.
    Two queries whatever the number of sections: each one's cutoff (its per_section-th
    newest), then the articles at or after their section's cutoff."""
    nth_newest = (
        published()
        .filter(section=OuterRef("pk"))
        .order_by("-published_at")
        .values("published_at")[per_section - 1 : per_section]
    )
    menu = list(Section.objects.annotate(cutoff=Subquery(nth_newest)))
    if not menu:
        return []
    blocks = Q()
    for section in menu:
        newest = Q(section=section)
        if section.cutoff is not None:  # else fewer than a block holds: all of them
            newest &= Q(published_at__gte=section.cutoff)
        blocks |= newest
    by_section = {section.pk: [] for section in menu}
    for article in cards().filter(blocks):
        by_section[article.section_id].append(article)
    return [(s, by_section[s.pk][:per_section]) for s in menu if by_section[s.pk]]


def in_section(section):
    return cards().filter(section=section)


def by_author(author):
    return cards().filter(bylines__author=author)


def tagged(tag):
    return cards().filter(taggings__tag=tag)


def pictures_in(body: str) -> dict:
    """The library pictures an article's text shows, by id: no query for a text without."""
    ids = body_pictures.picture_ids(body)
    return Picture.objects.in_bulk(ids) if ids else {}


def public_tag(slug: str) -> Tag | None:
    """A tag exists for readers once a published article carries it."""
    return public_tags().filter(slug=slug).first()


def public_tags():
    carried = Tagging.objects.filter(tag=OuterRef("pk"), content_object__in=published())
    return Tag.objects.filter(Exists(carried))


def public_author(slug: str) -> Author | None:
    return (
        Author.objects.with_published_articles().select_related("photo").filter(slug=slug).first()
    )


def read_also(article) -> list[Article]:
    """The published articles sharing the most tags with this one (read in full), then its
    section's newest, READ_ALSO_COUNT in all, most shared first: one query when its tags
    find enough."""
    found = list(
        cards()
        .filter(
            taggings__tag__in=[tag.pk for tag in article.tag_list],
            taggings__content_object__gte=article.pk - READ_ALSO_WINDOW,
            taggings__content_object__lte=article.pk + READ_ALSO_WINDOW,
        )
        .exclude(pk=article.pk)
        .annotate(shared=Count("taggings"))
        .order_by("-shared", "-published_at")[:READ_ALSO_COUNT]
    )
    if len(found) < READ_ALSO_COUNT:
        newest = cards().filter(section_id=article.section_id).exclude(pk=article.pk)
        found += [a for a in newest[:READ_ALSO_COUNT] if a.pk not in {f.pk for f in found}]
    return found[:READ_ALSO_COUNT]
