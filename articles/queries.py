"""What the reader's pages read, through the ORM: every query starts from published()."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from taggit.models import Tag

from articles.models import Article, Byline, Section, Tagging
from authors.models import Author

BYLINES = Prefetch("bylines", queryset=Byline.objects.select_related("author"))
# What a card shows, and what its cached copy is keyed by (articles/fragments.py).
CARD_FIELDS = (
    "slug",
    "headline",
    "standfirst",
    "status",
    "version",
    "generation",
    "published_at",
    "revised_at",
    "section__name",
    "section__slug",
)
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
    return published().select_related("section").only(*CARD_FIELDS)


def sections() -> list[Section]:
    return list(Section.objects.all())


def article_head(slug: str) -> Article | None:
    """The published article at this address with a card's fields: enough to find its
    cached parts, and to show the page around them."""
    return cards().filter(slug=slug).first()


def article_in_full(pk: int) -> Article | None:
    """Everything the article's own parts show: its bylines' authors and its tags too."""
    return (
        published()
        .select_related("section")
        .defer(*SEARCH_FIELDS)
        .prefetch_related(BYLINES, "tags")
        .filter(pk=pk)
        .first()
    )


def with_credits(articles) -> list[Article]:
    """The articles with their bylines' authors, for the cards that show them."""
    articles = list(articles)
    prefetch_related_objects(articles, BYLINES)
    return articles


def with_credits_and_tags(articles) -> list[Article]:
    """The articles with their bylines' authors and their tags, for the feeds."""
    articles = list(articles)
    prefetch_related_objects(articles, BYLINES, "tags")
    return articles


def lead() -> Article | None:
    """The editor's chosen lead story, else the newest: its block shows its picture too."""
    chosen = published().select_related("section").defer("body", "body_text", *SEARCH_FIELDS)
    return chosen.order_by("-is_lead", "-published_at").first()


def latest(count: int, excluding: int | None = None):
    return cards().exclude(pk=excluding)[:count]


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


def public_tag(slug: str) -> Tag | None:
    """A tag exists for readers once a published article carries it."""
    return public_tags().filter(slug=slug).first()


def public_tags():
    carried = Tagging.objects.filter(tag=OuterRef("pk"), content_object__in=published())
    return Tag.objects.filter(Exists(carried))


def public_author(slug: str) -> Author | None:
    return Author.objects.with_published_articles().filter(slug=slug).first()


def read_also(article) -> list[Article]:
    """The published articles sharing the most tags with this one, then its section's
    newest, READ_ALSO_COUNT in all, most shared first."""
    around = (article.pk - READ_ALSO_WINDOW, article.pk + READ_ALSO_WINDOW)
    its_tags = Tagging.objects.filter(content_object_id=article.pk).values("tag_id")
    shared = dict(
        Tagging.objects.filter(tag_id__in=its_tags, content_object__pk__range=around)
        .exclude(content_object_id=article.pk)
        .values("content_object_id")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "-content_object_id")
        .values_list("content_object_id", "shared")[: READ_ALSO_COUNT * 4]
    )
    found = list(cards().filter(pk__in=shared)) if shared else []
    if len(found) < READ_ALSO_COUNT:
        found += (
            cards().filter(section_id=article.section_id).exclude(pk=article.pk)[:READ_ALSO_COUNT]
        )
    ranked = sorted(
        {a.pk: a for a in found}.values(),
        key=lambda a: (shared.get(a.pk, 0), a.published_at),
        reverse=True,
    )
    return ranked[:READ_ALSO_COUNT]
