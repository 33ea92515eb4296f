"""The old addresses of categories, tags and authors, kept once the posts are in.

A top-level category leads to the section it became; a sub-category to the tag it became on
the posts filed under it, else to its top-level ancestor's section. WordPress answered a
category both at its full path (/category/afrique/senegal/) and at its own slug
(/category/senegal/), and at ?cat=ID. Tags (/tag/slug/, ?tag=slug) and authors
(/author/nicename/, ?author=ID) are kept only when readers can see their pages at the end
of the run: an address never reveals a tag or a byline that only unpublished articles carry.
An address already kept is left as it is (an editor may have changed it since).
"""

from urllib.parse import unquote

from django.conf import settings
from django.db.models.functions import Lower
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from articles import queries
from articles.models import Section
from authors.models import Author
from importer.addresses import ADDRESS_MAX_LENGTH, nicename, path_key, query_key
from importer.models import ImportedAuthor, LegacyAddress
from importer.taxonomy import SECTION_NAME_MAX, ancestry, readable

BATCH = 500  # keys or names a query looks for at once


def keep(channel, summary) -> None:
    """Store the addresses that lead somewhere; report those already leading elsewhere."""
    # Stored without a language prefix: the site's own language answers them.
    with translation.override(settings.LANGUAGE_CODE):
        wanted = {
            **_categories(channel),
            **_tags(channel),
            **_authors(channel),
        }
    wanted = {key: url for key, url in wanted.items() if key and len(key) <= ADDRESS_MAX_LENGTH}
    kept = {}
    for keys in _batches(sorted(wanted)):
        kept.update(LegacyAddress.objects.filter(key__in=keys).values_list("key", "target"))
    for key in sorted(kept):
        if kept[key] != wanted[key]:
            summary.note(
                _("Old address %(key)s already leads elsewhere: left as it was.") % {"key": key}
            )
    LegacyAddress.objects.bulk_create(
        [
            LegacyAddress(key=key, target=url)
            for key, url in sorted(wanted.items())
            if key not in kept
        ],
        batch_size=BATCH,
    )
    summary.addresses_kept += len(wanted.keys() - kept.keys())


def _categories(channel) -> dict[str, str]:
    categories = channel.categories
    sections = {
        name.casefold(): slug
        for name, slug in Section.objects.values_list("name", "slug")  # a few dozen at most
    }
    names = {readable(category.name).casefold() for category in categories.values()}
    tags = _public_tags(names)
    wanted = {}
    for category in categories.values():
        chain = ancestry(category, categories)
        top = chain[-1]
        section = sections.get(readable(top.name)[:SECTION_NAME_MAX].strip().casefold())
        tag = tags.get(readable(category.name).casefold())
        if category is top:
            url = _section_url(section) or _tag_url(tag)
        else:
            url = _tag_url(tag) or _section_url(section)
        if not url:
            continue
        slugs = "/".join(unquote(c.slug) for c in reversed(chain))
        wanted[path_key(f"{channel.base_path}/category/{slugs}/")] = url
        wanted[path_key(f"{channel.base_path}/category/{unquote(category.slug)}/")] = url
        if category.term_id is not None:
            wanted[query_key("cat", str(category.term_id))] = url
    return wanted


def _tags(channel) -> dict[str, str]:
    tags = _public_tags({readable(tag.name).casefold() for tag in channel.tags.values()})
    wanted = {}
    for tag in channel.tags.values():
        url = _tag_url(tags.get(readable(tag.name).casefold()))
        if url:
            slug = unquote(tag.slug)
            wanted[path_key(f"{channel.base_path}/tag/{slug}/")] = url
            wanted[query_key("tag", slug)] = url
    return wanted


def _authors(channel) -> dict[str, str]:
    imported = dict(
        ImportedAuthor.objects.filter(
            site=channel.site, author__in=Author.objects.with_published_articles()
        ).values_list("login", "author__slug")
    )
    wanted = {}
    for login, slug in imported.items():
        url = _url("authors:detail", slug)
        name = nicename(login)
        if name:
            wanted[path_key(f"{channel.base_path}/author/{name}/")] = url
        author = channel.authors.get(login)
        if author is not None and author.id is not None:
            wanted[query_key("author", str(author.id))] = url
    return wanted


def _public_tags(names) -> dict[str, str]:
    """{name, lower case: slug} of the tags readers can see, among these names."""
    lowered = sorted({name.lower() for name in names if name})
    found = {}
    for batch in _batches(lowered):
        rows = (
            queries.public_tags()
            .annotate(lowered=Lower("name"))
            .filter(lowered__in=batch)
            .values_list("name", "slug")
        )
        found.update((name.casefold(), slug) for name, slug in rows)
    return found


def _batches(values):
    for start in range(0, len(values), BATCH):
        yield values[start : start + BATCH]


def _url(name, slug) -> str:
    """The page's address; none for a slug our addresses cannot spell."""
    if not slug:
        return ""
    try:
        return reverse(name, kwargs={"slug": slug})
    except NoReverseMatch:
        return ""


def _section_url(slug) -> str:
    return _url("articles:section", slug)


def _tag_url(slug) -> str:
    return _url("articles:tag", slug)
