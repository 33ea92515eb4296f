"""Published content for the reader's pages, with a fixed publication time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory, SectionFactory
from tests.images import jpeg_upload

ABIDJAN = ZoneInfo("Africa/Abidjan")
PUBLISHED_AT = datetime(2026, 11, 28, 14, 5, tzinfo=ABIDJAN)


def publish(article, editor, when=PUBLISHED_AT):
    workflow.apply_transition(article, "publish", editor)
    Article.objects.filter(pk=article.pk).update(published_at=when, first_published_at=when)
    article.refresh_from_db()
    return article


@pytest.fixture
def security(db):
    return SectionFactory(name="Sécurité", slug="securite", description="Défense et terrorisme.")


@pytest.fixture
def story(editor, security):
    """A complete published story: two authors, three tags, a photo."""
    first = AuthorFactory(
        display_name="Séverin Konan", job_title="Journaliste", bio="Basé à Abidjan."
    )
    second = AuthorFactory(display_name="Aminata Traoré", website="https://example.org/at")
    article = ArticleFactory(
        headline="La Russie réaffirme son engagement avec l’AES",
        standfirst="À Moscou, la Russie a réaffirmé sa volonté de coopérer.",
        body="<p>" + "mot " * 450 + "</p><h2>Vers une collaboration</h2><p>Fin.</p>",
        section=security,
        image_alt="Les ministres réunis à Moscou",
        image_caption="La réunion de Moscou.",
        image_credit="Agence X",
        picture=PictureFactory(file=jpeg_upload("moscou.jpg", size=(1000, 563))),
        authors=[first, second],
    )
    article.picture.refresh_renditions()  # what the save's on_commit does outside tests
    article.tags.add("AES", "Russie", "Sécurité")
    return publish(article, editor)


@pytest.fixture
def hidden_articles(journalist, editor, security):
    """One article in each state readers must never see, all tagged and signed."""
    secret_author = AuthorFactory(display_name="Auteur Secret")
    made = {}
    for state in ("draft", "review", "scheduled", "unpublished"):
        article = ArticleFactory(
            headline=f"Secret {state} zanzibar",
            section=security,
            authors=[journalist.author_profile, secret_author],
        )
        article.tags.add(f"secret-{state}")
        if state != "draft":
            workflow.apply_transition(article, "submit", journalist)
        if state == "scheduled":
            workflow.apply_transition(
                article, "schedule", editor, when=PUBLISHED_AT + timedelta(days=3650)
            )
        if state == "unpublished":
            workflow.apply_transition(article, "publish", editor)
            workflow.apply_transition(article, "unpublish", editor, comment="Retrait demandé.")
        made[state] = Article.objects.get(pk=article.pk)
    return made
