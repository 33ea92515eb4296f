"""A chunk's slugs at once: each as unique_slug would give it, post after post, in one or two
queries for the whole chunk instead of one or two per post."""

from functools import reduce
from operator import or_

from django.db.models import Q

from articles.models import Article
from newsroom.slugs import readable_slug

SLUG_MAX = 100
FALLBACK = "article"


def chunk_slugs(wanted: list[tuple[str, str]]) -> list[str]:
    """For each (WordPress's slug made readable, or "", headline): that slug when it is free,
    else the first free one of base, base-2, base-3… — free of the table and of the posts
    before it in the chunk."""
    bases = [slug or readable_slug(headline, SLUG_MAX, FALLBACK) for slug, headline in wanted]
    stored = set(Article.objects.filter(slug__in=set(bases)).values_list("slug", flat=True))
    clashing, seen = set(), set()
    for base in bases:
        if base in stored or base in seen:
            clashing.add(base)
        seen.add(base)
    # A suffixed slug always starts with a clashing base (or with a slug made from one): the
    # rows starting with those bases are all a suffix can meet.
    if clashing:
        starting = reduce(or_, (Q(slug__startswith=base) for base in sorted(clashing)))
        stored.update(Article.objects.filter(starting).values_list("slug", flat=True))
    taken, slugs = stored, []
    for base in bases:
        candidate, number = base, 2
        while candidate in taken:
            candidate = f"{base}-{number}"
            number += 1
        taken.add(candidate)
        slugs.append(candidate)
    return slugs
