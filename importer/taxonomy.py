"""WordPress categories → sections, tags → tags.

Newsroom's sections are flat, WordPress categories nest. The rule: a post's section is the
top-level ancestor of its deepest category (the first listed when several are as deep).
Every other category of the post — the sub-categories included — becomes a tag, so
nothing the old site said about the post is lost. A post with no category, or only
WordPress's default one ("Uncategorized"), goes to the section "Non classé". An existing
section with the same name is reused.
"""

import html
from urllib.parse import unquote

from django.utils.translation import gettext as _
from taggit.models import Tag

from articles.forms import TAG_MAX_LENGTH, dedupe_tags
from articles.models import Section
from importer.wxr import Category
from newsroom.slugs import unique_slug
from newsroom.text import clean_line

# Data, not interface text: the name the desk already knows from WordPress in French.
UNCATEGORISED = "Non classé"
WORDPRESS_DEFAULT_CATEGORY = {"uncategorized", "non classé"}  # by name: a renamed one stays
CATEGORY_DOMAINS = {"category"}
TAG_DOMAINS = {"post_tag", "tag"}  # "tag" in WXR 1.0
SECTION_NAME_MAX, DESCRIPTION_MAX = 80, 500


def readable(name: str) -> str:
    """WordPress stores term names HTML-escaped ('Sport &amp; santé')."""
    return clean_line(html.unescape(name or ""))


class SectionChooser:
    def __init__(self, categories: dict[str, Category], summary):
        self.categories = categories
        self.summary = summary
        self._sections = {}

    def for_post(self, post) -> tuple[Section, list[str]]:
        """The post's section, and its other categories' names (to keep as tags)."""
        listed = {}
        for term in post.terms:
            if term.domain in CATEGORY_DOMAINS and readable(term.name or term.slug):
                category = self.categories.get(term.slug) or Category(term.slug, term.name)
                listed.setdefault(category.slug or readable(category.name).casefold(), category)
        chosen = [c for c in listed.values() if not _is_wordpress_default(c)]
        if not chosen:
            return self._section(UNCATEGORISED), []
        position = {id(category): index for index, category in enumerate(chosen)}
        deepest = max(chosen, key=lambda c: (len(self._ancestry(c)), -position[id(c)]))
        top = self._ancestry(deepest)[-1]
        others = [readable(c.name) for c in chosen if c is not top and c.slug != top.slug]
        return self._section(readable(top.name), top), others

    def _ancestry(self, category) -> list[Category]:
        return ancestry(category, self.categories)

    def _section(self, name: str, category: Category | None = None) -> Section:
        if len(name) > SECTION_NAME_MAX:
            self.summary.note(
                _("Category “%(name)s” shortened to %(max)d characters for its section.")
                % {"name": name, "max": SECTION_NAME_MAX}
            )
            name = name[:SECTION_NAME_MAX].strip()
        key = name.casefold()
        if key not in self._sections:
            section = Section.objects.filter(name__iexact=name).first()
            if section is not None:
                self.summary.sections_reused += 1
            else:
                section = Section.objects.create(
                    name=name,
                    slug=unique_slug(
                        unquote(category.slug) if category and category.slug else name,
                        Section,
                        max_length=SECTION_NAME_MAX,
                        fallback="section",
                    ),
                    description=html.unescape(category.description if category else "")[
                        :DESCRIPTION_MAX
                    ],
                )
                self.summary.sections_created += 1
            self._sections[key] = section
        return self._sections[key]


class TagCatalogue:
    """Tags found or made once per run, whatever their case (as TAGGIT_CASE_INSENSITIVE
    does), so each post costs no tag lookups."""

    def __init__(self, summary):
        self.summary = summary
        self._tags = {}

    def for_post(self, post, extra_names) -> list[Tag]:
        """The post's tags and extra names, each once; too long ones skipped and reported."""
        names = [readable(t.name) for t in post.terms if t.domain in TAG_DOMAINS]
        tags = []
        for name in dedupe_tags(names + list(extra_names)):
            if len(name) > TAG_MAX_LENGTH:
                self.summary.tags_too_long += 1
                self.summary.note(
                    _("Post %(id)d: tag longer than %(max)d characters skipped: “%(tag)s…”.")
                    % {"id": post.post_id, "max": TAG_MAX_LENGTH, "tag": name[:40]}
                )
            else:
                tags.append(self._tag(name))
        return tags

    def _tag(self, name: str) -> Tag:
        key = name.casefold()
        if key not in self._tags:
            tag = Tag.objects.filter(name__iexact=name).first()
            if tag is None:
                tag = Tag.objects.create(name=name)
                self.summary.tags_created += 1
            self._tags[key] = tag
        return self._tags[key]


def ancestry(category, categories) -> list[Category]:
    """The category, its parent, … up to its top-level ancestor (loops cut)."""
    chain = [category]
    while chain[-1].parent_slug in categories and len(chain) <= len(categories):
        parent = categories[chain[-1].parent_slug]
        if any(parent is seen for seen in chain):
            break
        chain.append(parent)
    return chain


def _is_wordpress_default(category) -> bool:
    return readable(category.name).casefold() in WORDPRESS_DEFAULT_CATEGORY
