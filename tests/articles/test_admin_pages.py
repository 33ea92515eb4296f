"""The desk's pages: list without N+1 queries, filters, and what needs attention."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from tests.conftest import client_for
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

CHANGELIST = reverse("admin:articles_article_changelist")


def make_articles(count, editor):
    section = SectionFactory()
    for i in range(count):
        article = ArticleFactory(section=section, authors=[AuthorFactory(), AuthorFactory()])
        article.tags.add(f"tag{i}", "commun")
        if i % 2:
            workflow.apply_transition(article, "publish", editor)


def changelist_queries(client, **params):
    cache.clear()  # the popular tags' count, kept for ten minutes, is read each time here
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"state": "published"}, {"q": "Titre"}])
def test_article_list_queries_do_not_grow_with_rows(editor, params):
    client = client_for(editor)
    make_articles(3, editor)
    few = changelist_queries(client, **params)
    make_articles(12, editor)
    assert changelist_queries(client, **params) == few


def test_article_list_shows_state_section_and_authors(published, editor):
    page = client_for(editor).get(CHANGELIST).content.decode()
    assert published.headline in page
    assert 'class="state state-published"' in page
    assert published.section.name in page
    assert "Awa Koné" in page


@pytest.mark.parametrize(
    ("param", "value_of"),
    [
        ("state", lambda a: "scheduled"),
        ("section__id__exact", lambda a: a.section_id),
        ("author", lambda a: a.bylines.get().author_id),
        ("tag", lambda a: a.tags.get().slug),
    ],
)
def test_article_list_filters(in_review, editor, param, value_of):
    workflow.apply_transition(
        in_review, "schedule", editor, when=timezone.now() + timedelta(days=1)
    )
    in_review.tags.add("Sahel")
    other = ArticleFactory(section=SectionFactory(name="Sport"), authors=[AuthorFactory()])
    other.tags.add("Football")
    response = client_for(editor).get(CHANGELIST, {param: value_of(in_review)})
    assert list(response.context["cl"].result_list) == [in_review]


def test_hostile_query_strings_do_not_reach_the_orm(published, editor):
    client = client_for(editor)
    response = client.get(CHANGELIST, {"bylines__author__user__password__startswith": "md5"})
    assert response.status_code == 400
    response = client.get(CHANGELIST, {"author__user__password__startswith": "md5"})
    assert (response.status_code, response["Location"]) == (302, CHANGELIST + "?e=1")
    response = client.get(CHANGELIST, {"state": "nonsense", "o": "99"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [published]


def test_editor_index_lists_review_and_scheduled(in_review, editor, colleague):
    scheduled = ArticleFactory(authors=[colleague.author_profile])
    workflow.apply_transition(scheduled, "submit", colleague)
    workflow.apply_transition(
        scheduled, "schedule", editor, when=timezone.now() + timedelta(hours=3)
    )
    response = client_for(editor).get(reverse("admin:index"))
    lists = {desk.key: desk.articles for desk in response.context["lists"]}
    assert lists["review"] == [in_review]
    assert lists["scheduled"] == [scheduled]


def test_journalist_index_lists_own_drafts_and_what_was_sent_back(
    draft, journalist, colleague, editor
):
    returned = ArticleFactory(authors=[journalist.author_profile])
    workflow.apply_transition(returned, "submit", journalist)
    workflow.apply_transition(returned, "send_back", editor, comment="Vérifiez les chiffres.")
    ArticleFactory(authors=[colleague.author_profile])  # not theirs
    response = client_for(journalist).get(reverse("admin:index"))
    lists = {desk.key: desk.articles for desk in response.context["lists"]}
    assert lists == {"sent_back": [returned], "drafts": [draft]}
    assert "Vérifiez les chiffres." in response.content.decode()


def test_change_form_shows_only_allowed_actions(in_review, journalist, editor):
    url = reverse("admin:articles_article_change", args=[in_review.pk])
    journalist_page = client_for(journalist).get(url).content.decode()
    assert 'value="withdraw"' in journalist_page
    assert 'value="publish"' not in journalist_page
    editor_page = client_for(editor).get(url).content.decode()
    for action in ("send_back", "publish", "schedule"):
        assert f'value="{action}"' in editor_page
    assert 'value="withdraw"' not in editor_page


def test_the_body_editors_dialogs_speak_french(journalist):
    """django-prose-editor's link and table dialogs read the admin's JavaScript catalogue."""
    client = client_for(journalist)
    form = client.get(reverse("admin:articles_article_add")).content.decode()
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    assert reverse("admin:jsi18n") in form
    assert "Modifier le lien" in catalogue and "Propri\\u00e9t\\u00e9s du tableau" in catalogue


def test_the_body_editor_offers_tables(journalist):
    form = client_for(journalist).get(reverse("admin:articles_article_add")).content.decode()
    assert "&quot;Table&quot;:true" in form  # the extension, in the editor's configuration
