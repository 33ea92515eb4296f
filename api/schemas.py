"""The API's shapes, as OpenAPI describes them: ninjs 2.0's properties that Newsroom fills,
the lists' pages, and the filters they take."""

from ninja import Field, Schema
from pydantic import AwareDatetime, field_validator

SLUG = r"^[-a-zA-Z0-9_]+$"
PAGE_MOST = 100
FIRST_YEAR, LAST_YEAR = 1900, 2200


class Text(Schema):
    role: str | None = None
    contenttype: str | None = None
    value: str


class Entity(Schema):
    name: str
    rel: str
    uri: str
    literal: str


class Rendition(Schema):
    name: str
    href: str
    contenttype: str
    width: int | None = None
    height: int | None = None


class Picture(Schema):
    name: str
    type: str
    uri: str
    descriptions: list[Text]
    by: str
    renditions: list[Rendition]


class Standard(Schema):
    name: str
    version: str
    schema_: str = Field(alias="schema")


class AltId(Schema):
    role: str
    value: str


class NewsItem(Schema):
    """A published article as an IPTC ninjs 2.0 news item."""

    uri: str
    standard: Standard
    type: str
    representationtype: str
    version: str
    firstcreated: str
    versioncreated: str
    contentcreated: str
    pubstatus: str
    language: str
    slugline: str
    altids: list[AltId]
    headlines: list[Text]
    descriptions: list[Text]
    bodies: list[Text]
    by: str
    people: list[Entity]
    subjects: list[Entity]
    associations: list[Picture] | None = None


class NewsPage(Schema):
    items: list[NewsItem]
    next: str | None = Field(None, description="The next page's address; null on the last.")


class ArticleFilters(Schema):
    section: str | None = Field(None, pattern=SLUG, max_length=100)
    tag: str | None = Field(None, pattern=SLUG, max_length=100)
    author: str | None = Field(None, pattern=SLUG, max_length=100)
    updated_since: AwareDatetime | None = Field(
        None,
        description="Only articles changed after this time (ISO 8601 with its offset), "
        "oldest change first: what a copy kept in sync asks for.",
    )
    cursor: str | None = Field(None, max_length=300, description="From the previous page.")
    limit: int = Field(20, ge=1, le=PAGE_MOST)

    @field_validator("updated_since")
    @classmethod
    def plausible(cls, value):
        """Years databases store without overflowing (year 1 or 9999 would not convert)."""
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValueError(f"a time between {FIRST_YEAR} and {LAST_YEAR}")
        return value


class Paging(Schema):
    cursor: str | None = Field(None, max_length=300, description="From the previous page.")
    limit: int = Field(50, ge=1, le=PAGE_MOST)


class SectionOut(Schema):
    slug: str
    name: str
    description: str
    uri: str


class AuthorOut(Schema):
    slug: str
    name: str
    job_title: str
    uri: str


class TagOut(Schema):
    slug: str
    name: str
    uri: str


class SectionList(Schema):
    items: list[SectionOut]


class AuthorPage(Schema):
    items: list[AuthorOut]
    next: str | None = None


class TagPage(Schema):
    items: list[TagOut]
    next: str | None = None


class Problem(Schema):
    detail: str
