"""Loads the demo newsroom from content.json. Idempotent: whatever exists is left as it is."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.template.loader import render_to_string
from django.test.utils import override_settings
from django.utils import timezone

from articles import workflow
from articles.changes import touch
from articles.demo import content, images
from articles.models import Article, ArticleNote, Byline, Picture, Section
from articles.models.picture import PORTRAIT_FOCAL_Y
from authors.models import Author


def load(password: str, log=print) -> dict:
    """Create what is missing and report counts of what was created."""
    created = {"users": 0, "sections": 0, "authors": 0, "articles": 0}
    # The demo's own workflow steps would otherwise email every demo user.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        with transaction.atomic():
            users = _users(password, created)
            sections = _sections(created)
            authors = _authors(users, created)
            photos = {}
            for item in content.ARTICLES:
                if not Article.objects.filter(headline=item["headline"]).exists():
                    _article(item, sections, authors, users["editor"], photos)
                    created["articles"] += 1
    return created


def _users(password, created):
    User = get_user_model()
    users = {}
    for data in content.USERS:
        username = data["username"]
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username,
                email=data["email"],
                password=password,
                first_name=data["first_name"],
                last_name=data["last_name"],
                is_staff=True,
                is_superuser=data.get("superuser", False),
            )
            if "group" in data:
                user.groups.add(Group.objects.get(name=data["group"]))
            created["users"] += 1
        users[username] = user
    return users


def _sections(created):
    sections = {}
    for data in content.SECTIONS:
        section, was_created = Section.objects.get_or_create(slug=data["slug"], defaults=data)
        created["sections"] += was_created
        sections[data["slug"]] = section
    return sections


def _authors(users, created):
    authors = {}
    for data in content.AUTHORS:
        data = dict(data)
        username = data.pop("username")
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            author = Author(user=users.get(username), **data)
            author.photo = Picture.objects.create(
                file=images.portrait(author.display_name),
                title=author.display_name,
                alt_text=author.display_name,
                focal_y=PORTRAIT_FOCAL_Y,
            )
            author.save()
            created["authors"] += 1
        authors[data["slug"]] = author
    return authors


def _section_photo(section, photos) -> Picture:
    """One library photo per section, shared by its articles as a newsroom reuses a file
    photo: each camera-sized picture's renditions are then made once, keeping `make run` quick."""
    if section.pk not in photos:
        alt = content.PICTURE["alt"].format(section=section.name)
        photos[section.pk] = Picture.objects.filter(
            alt_text=alt, credit=content.PICTURE["credit"]
        ).first() or Picture.objects.create(
            file=images.photo(section.name),
            title=alt,
            alt_text=alt,
            credit=content.PICTURE["credit"],
        )
    return photos[section.pk]


def _article(item, sections, authors, editor, photos):
    """Write the article, then take it through the workflow as far as its "state"."""
    section = sections[item["section"]]
    article = Article(
        headline=item["headline"],
        standfirst=item["standfirst"],
        body=_body(item["body"]),
        section=section,
        language=content.LANGUAGE,
    )
    article.picture = _section_photo(section, photos)
    article.save()  # its alternative text and credit come from the library
    article.tags.set(item["tags"])
    bylines = [authors[slug] for slug in item["authors"]]
    for position, author in enumerate(bylines):
        Byline.objects.create(article=article, author=author, position=position)
    state = item["state"]
    if state == "draft":
        return
    workflow.apply_transition(article, "submit", bylines[0].user or editor)
    if state == "published":
        workflow.apply_transition(article, "publish", editor)
        _backdate(article, days=item["days_ago"])
        _log(article, item.get("corrections", []), editor)
    elif state == "scheduled":
        tomorrow = timezone.localtime() + timedelta(days=1)
        when = tomorrow.replace(hour=7, minute=0, second=0, microsecond=0)
        workflow.apply_transition(article, "schedule", editor, when=when)


def _log(article, entries, editor):
    """Its corrections and updates (oldest first in the file), each dated days ago."""
    for entry in entries:
        note = workflow.log_note(article, editor, entry["kind"], entry["text"])
        when = timezone.now() - timedelta(days=entry["days_ago"])
        ArticleNote.objects.filter(pk=note.pk).update(created_at=when)
        Article.objects.filter(pk=article.pk).update(revised_at=when)
    if entries:
        touch([article.pk])  # its page shows the dates


def _body(blocks) -> str:
    """The text from its blocks: paragraphs and headings, and pictures (put in the library),
    galleries, pull quotes, tables and embeds, as the editor writes them."""

    def in_library(picture):
        made = Picture.objects.create(
            file=images.photo(picture["scene"]),
            title=picture["scene"],
            alt_text=picture["alt"],
            caption=picture.get("caption", ""),
            credit=content.PICTURE["credit"],
        )
        return {**picture, "id": made.pk, "src": made.file.url}

    shown = []
    for kind, value in blocks:
        if kind == "picture":
            value = in_library(value)
        elif kind == "gallery":
            value = {**value, "pictures": [in_library(p) for p in value["pictures"]]}
        shown.append((kind, value))
    return render_to_string("articles/demo/body.html", {"blocks": shown})


def _backdate(article, days):
    """Spread the demo's publication times over the past weeks."""
    if days <= 0:
        return
    when = timezone.now() - timedelta(days=days, hours=days % 7)
    Article.objects.filter(pk=article.pk).update(published_at=when, first_published_at=when)
    touch([article.pk])  # its page shows the time
    article.transitions.update(at=when)
