"""TRUST 8, 13, 18: hostile text in every plain field is escaped everywhere it appears;
query strings never reach the ORM; nothing unpublished leaks to anonymous readers."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from articles import workflow
from articles.models import Section
from tests.conftest import client_for
from tests.factories import ArticleFactory, PictureFactory
from tests.images import jpeg_upload

XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
RAW = ("<script>alert(1)</script>", "<img src=x onerror")


@pytest.fixture
def hostile(editor, journalist, django_capture_on_commit_callbacks):
    section = Section.objects.create(name="Rubrique " + XSS[:60], description=XSS)
    author = journalist.author_profile
    author.display_name, author.bio, author.job_title = "Awa " + XSS[:80], XSS, XSS[:100]
    author.save()
    article = ArticleFactory(
        headline="Titre " + XSS[:150],
        standfirst=XSS,
        section=section,
        image_alt=XSS[:200],
        image_caption=XSS,
        image_credit=XSS[:140],
        picture=PictureFactory(file=jpeg_upload(size=(800, 450)), title=XSS[:200]),
        authors=[author],
    )
    article.tags.add("Étiquette " + XSS[:80])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply_transition(article, "submit", journalist)
        workflow.apply_transition(article, "publish", editor)
    return article


def assert_escaped(body: str, where: str):
    for raw in RAW:
        assert raw not in body, f"{raw!r} unescaped in {where}"


def test_escaped_on_every_public_page_feed_and_sitemap(client, hostile):
    tag_slug = hostile.tags.get().slug
    author = hostile.bylines.get().author
    urls = [
        "/",
        hostile.get_absolute_url(),
        hostile.section.get_absolute_url(),
        reverse("articles:tag", args=[tag_slug]),
        author.get_absolute_url(),
        reverse("articles:search") + "?q=" + XSS,
        reverse("feeds:site-rss"),
        reverse("feeds:site-atom"),
        reverse("feeds:author-rss", args=[author.slug]),
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
    page = client.get(hostile.get_absolute_url()).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "&lt;script&gt;" in title


def test_escaped_in_the_admin_lists_forms_history_and_emails(hostile, editor):
    client = client_for(editor)
    for url in (
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[hostile.pk]),
        reverse("admin:articles_article_revisions", args=[hostile.pk]),
        reverse("admin:authors_author_changelist"),
        reverse("admin:articles_section_changelist"),
        reverse("admin:index"),
    ):
        assert_escaped(client.get(url).content.decode(), url)
    assert mail.outbox  # the workflow emails are plain text: nothing there is HTML
    for message in mail.outbox:
        assert not getattr(message, "alternatives", None)


@pytest.mark.parametrize(
    "params",
    [
        {"order": "-author__user__password"},
        {"author__user__password__startswith": "pbkdf2"},
        {"page": "1", "o": "1"},
    ],
)
def test_unknown_query_strings_are_ignored_on_public_pages(client, published, params):
    plain = client.get(published.section.get_absolute_url())
    hostile = client.get(published.section.get_absolute_url(), params)
    assert hostile.status_code == 200
    assert list(hostile.context["articles"]) == list(plain.context["articles"])


@pytest.mark.parametrize("params", [{"preview": "1"}, {"draft": "1"}, {"status": "draft"}])
def test_no_query_string_reveals_a_draft(client, draft, params):
    response = client.get(draft.get_absolute_url(), params)
    assert response.status_code == 404
    assert draft.headline not in response.content.decode()


def test_a_draft_image_leaves_no_trace(client, draft):
    draft.picture = PictureFactory(file=jpeg_upload("secret.jpg"))
    draft.image_alt = "Secret"
    draft.save()
    stem = draft.picture.file.name.rsplit("/", 1)[1].split(".")[0]
    for url in ("/", "/sitemap-articles.xml", reverse("feeds:site-rss")):
        assert stem not in client.get(url).content.decode()
    assert len(stem) >= 32  # unguessable name
