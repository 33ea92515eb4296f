"""Loads the demo newsroom. Idempotent: whatever exists already is left exactly as it is."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import format_html_join

from articles import workflow
from articles.changes import touch
from articles.demo import corpus, images, reference
from articles.models import Article, Byline, Section
from authors.models import Author

DEMO_USERS = [
    # username, first name, last name, group (None: superuser)
    ("journalist", "Séverin", "Konan", "Journalists"),
    ("journalist2", "Aminata", "Traoré", "Journalists"),
    ("editor", "Koffi", "Mensah", "Editors"),
    ("admin", "Admin", "Newsroom", None),
]

REFERENCE_STANDFIRST = (
    "À Moscou, devant les chefs des diplomaties des pays de l’Alliance des États du Sahel, "
    "la Russie a réaffirmé sa volonté de renforcer la coopération en matière de sécurité "
    "avec les pays du Sahel."
)


def load(password: str, log=print) -> dict:
    """Create what is missing and report counts of what was created."""
    created = {"users": 0, "sections": 0, "authors": 0, "articles": 0}
    # The demo's own workflow steps would otherwise email every demo user.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        with transaction.atomic():
            users = _users(password, created)
            sections = _sections(created)
            authors = _authors(users, created)
            editor = users["editor"]
            if not Article.objects.filter(headline=reference.HEADLINE).exists():
                _reference_article(sections, authors, editor)
                created["articles"] += 1
            for item in corpus.ARTICLES:
                if not Article.objects.filter(headline=item["headline"]).exists():
                    _corpus_article(item, sections, authors, users, editor)
                    created["articles"] += 1
    return created


def _users(password, created):
    User = get_user_model()
    users = {}
    for username, first, last, group in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username,
                email=f"{username}@newsroom.example",
                password=password,
                first_name=first,
                last_name=last,
                is_staff=True,
                is_superuser=group is None,
            )
            if group:
                user.groups.add(Group.objects.get(name=group))
            created["users"] += 1
        users[username] = user
    return users


def _sections(created):
    sections = {}
    for data in corpus.SECTIONS:
        section, was_created = Section.objects.get_or_create(slug=data["slug"], defaults=data)
        created["sections"] += was_created
        sections[data["slug"]] = section
    return sections


def _authors(users, created):
    authors = {}
    for data in corpus.AUTHORS:
        data = dict(data)
        username = data.pop("username")
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            author = Author(user=users.get(username), **data)
            author.photo.save("portrait.jpg", images.portrait(author.display_name), save=False)
            author.save()
            created["authors"] += 1
        authors[data["slug"]] = author
    return authors


def _body(blocks) -> str:
    return format_html_join("\n", "<{0}>{1}</{0}>", blocks)


def _new_article(headline, standfirst, body, section, tags, bylines, language="fr"):
    article = Article(
        headline=headline, standfirst=standfirst, body=body, section=section, language=language
    )
    article.featured_image.save("scene.jpg", images.scene(section.name), save=False)
    article.image_alt = f"Illustration de la rubrique {section.name}"
    article.image_credit = "Newsroom"
    article.save()
    article.tags.set(tags)
    for position, author in enumerate(bylines):
        Byline.objects.create(article=article, author=author, position=position)
    return article


def _reference_article(sections, authors, editor):
    article = _new_article(
        reference.HEADLINE,
        REFERENCE_STANDFIRST,
        _body(reference.BLOCKS),
        sections[reference.SECTION_SLUG],
        reference.TAGS,
        [authors[reference.AUTHOR_SLUG]],
    )
    author_user = authors[reference.AUTHOR_SLUG].user or editor
    workflow.apply_transition(article, "submit", author_user)
    workflow.apply_transition(article, "publish", editor)
    _backdate(article, days=1)


def _corpus_article(item, sections, authors, users, editor):
    blocks = [("p", text) for text in item["paragraphs"]]
    if item.get("subheading"):
        blocks.insert(min(2, len(blocks)), ("h2", item["subheading"]))
    bylines = [authors[item["author"]]]
    if item.get("coauthor"):
        bylines.append(authors[item["coauthor"]])
    article = _new_article(
        item["headline"],
        item["standfirst"],
        _body(blocks),
        sections[item["section"]],
        item["tags"],
        bylines,
    )
    state = item["state"]
    if state == "draft":
        return
    writer = bylines[0].user or editor
    workflow.apply_transition(article, "submit", writer)
    if state == "published":
        workflow.apply_transition(article, "publish", editor)
        _backdate(article, days=item["days_ago"])
    elif state == "scheduled":
        tomorrow = timezone.localtime() + timedelta(days=1)
        when = tomorrow.replace(hour=7, minute=0, second=0, microsecond=0)
        workflow.apply_transition(article, "schedule", editor, when=when)


def _backdate(article, days):
    """Spread the demo's publication times over the past weeks."""
    if days <= 0:
        return
    when = timezone.now() - timedelta(days=days, hours=days % 7)
    Article.objects.filter(pk=article.pk).update(published_at=when, first_published_at=when)
    touch([article.pk])  # its page shows the time
    article.transitions.update(at=when)
