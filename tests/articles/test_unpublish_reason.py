"""Unpublishing asks for a reason: refused without one, kept in the history, emailed to the
authors, and asked for on a confirmation page, for one article or many (issue 31, item 2)."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from articles import workflow
from articles.models import Article, Status, Transition
from tests.conftest import client_for
from tests.factories import ArticleFactory

REASON = "Retrait demandé par la <b>justice</b>."
REFUSAL = "Say why the article is unpublished: a reason is required."
CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def confirm_url(article):
    return reverse("admin:articles_article_unpublish", args=[article.pk])


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


def stored(article):
    """What unpublishing would change: state, time, version, generation and history."""
    row = Article.objects.get(pk=article.pk)
    steps = list(row.transitions.values_list("name", flat=True))
    return row.status, row.published_at, row.version, row.generation, steps


def published_by(editor, journalist, headline):
    article = ArticleFactory(headline=headline, authors=[journalist.author_profile])
    workflow.apply_transition(article, "publish", editor)
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize("reason", ["", "  \n\t "])
def test_the_workflow_refuses_to_unpublish_without_a_reason_and_changes_nothing(
    published, editor, reason, django_capture_on_commit_callbacks
):
    before = stored(published)
    assert before[0] == Status.PUBLISHED
    with django_capture_on_commit_callbacks() as after_commit:
        with pytest.raises(ValidationError) as error:
            workflow.apply_transition(published, "unpublish", editor, comment=reason)
    assert error.value.message_dict == {"comment": [gettext(REFUSAL)]}
    assert stored(published) == before
    assert after_commit == []  # no cache bump, no email


def test_unpublishing_with_a_reason_keeps_it_and_emails_the_authors(
    published, journalist, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        step = workflow.apply_transition(published, "unpublish", editor, comment=f"  {REASON}\n")
    assert (step.name, step.user, step.comment) == ("unpublish", editor, REASON)
    assert (step.source, step.target) == ("published", "unpublished")
    assert not Article.objects.published().filter(pk=published.pk).exists()
    assert [m.to for m in mail.outbox] == [[journalist.email]]
    assert published.headline in mail.outbox[0].subject
    assert REASON in mail.outbox[0].body  # plain text: the reason as typed
    assert f"/admin/articles/article/{published.pk}/change/" in mail.outbox[0].body


def test_the_unpublish_button_opens_a_confirmation_page(published, editor):
    before, client = stored(published), client_for(editor)
    panel = client.get(change_url(published)).content.decode()
    assert f'href="{confirm_url(published)}"' in panel
    assert 'value="unpublish"' not in panel  # no one-click unpublishing left
    response = client.get(confirm_url(published))
    assert response.status_code == 200
    assert "admin/base_site.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert published.headline in html and "404" in html
    assert re.search(r'<textarea name="reason"[^>]* required[ >]', html)
    assert f'href="{change_url(published)}"' in html  # breadcrumbs and "No, take me back"
    assert stored(published) == before


def test_confirming_without_a_reason_shows_a_form_error(published, editor):
    before = stored(published)
    response = client_for(editor).post(confirm_url(published), {"reason": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert 'class="errorlist"' in response.content.decode()
    assert stored(published) == before


def test_confirming_with_a_reason_unpublishes_and_shows_it_in_the_history(published, editor):
    client = client_for(editor)
    response = client.post(confirm_url(published), {"reason": REASON})
    assert response.status_code == 302
    assert response["Location"] == change_url(published)
    published.refresh_from_db()
    assert published.status == Status.UNPUBLISHED
    assert published.transitions.last().comment == REASON
    page = client.get(change_url(published))
    shown = [str(m) for m in page.context["messages"]]
    assert any(published.headline in message for message in shown)
    html = page.content.decode()
    assert "Retrait demandé par la &lt;b&gt;justice&lt;/b&gt;." in html
    assert REASON not in html


def test_a_forged_post_without_a_reason_is_refused(published, editor):
    before, client = stored(published), client_for(editor)
    for data in ({"_transition": "unpublish"}, {"_transition": "unpublish", "_comment": " "}):
        response = client.post(transition_url(published), data, follow=True)
        assert gettext(REFUSAL) in [str(m) for m in response.context["messages"]]
        assert stored(published) == before


def test_the_change_form_without_a_reason_does_not_unpublish(published, editor):
    from tests.admin_forms import article_post

    response = client_for(editor).post(
        change_url(published), article_post(published, _transition="unpublish"), follow=True
    )
    assert gettext(REFUSAL) in [str(m) for m in response.context["messages"]]
    status, _time, _version, _generation, steps = stored(published)
    assert (status, steps) == (Status.PUBLISHED, ["submit", "publish"])


def test_bulk_unpublishing_shows_the_selection_and_asks_for_a_reason(editor, journalist, draft):
    first = published_by(editor, journalist, "Premier article")
    second = published_by(editor, journalist, "Second article")
    selection = {
        "action": "unpublish_selected",
        "_selected_action": [first.pk, second.pk, draft.pk],
    }
    before, client = (stored(first), stored(second)), client_for(editor)
    response = client.post(CHANGELIST, {**selection, "index": "0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Premier article" in html and "Second article" in html
    for pk in (first.pk, second.pk, draft.pk):
        assert f'<input type="hidden" name="_selected_action" value="{pk}">' in html
    assert '<input type="hidden" name="action" value="unpublish_selected">' in html
    assert [a.pk for a in response.context["refused"]] == [draft.pk]  # reported, not skipped
    assert draft.headline in html

    response = client.post(CHANGELIST, {**selection, "post": "yes", "reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert (stored(first), stored(second)) == before

    response = client.post(CHANGELIST, {**selection, "post": "yes", "reason": REASON}, follow=True)
    for article in (first, second):
        article.refresh_from_db()
        assert article.status == Status.UNPUBLISHED
        assert article.transitions.last().comment == REASON
    shown = [str(m) for m in response.context["messages"]]
    assert any(m.startswith(f"{draft.headline}: ") for m in shown)
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


def test_a_journalist_cannot_unpublish_in_any_way(published, journalist):
    before, client = stored(published), client_for(journalist)
    assert 'value="unpublish"' not in client.get(change_url(published)).content.decode()
    assert confirm_url(published) not in client.get(change_url(published)).content.decode()
    assert client.get(confirm_url(published)).status_code in (403, 404)
    assert client.post(confirm_url(published), {"reason": REASON}).status_code in (403, 404)
    data = {"_transition": "unpublish", "_comment": REASON}
    assert client.post(transition_url(published), data).status_code in (302, 403)
    bulk = {"action": "unpublish_selected", "_selected_action": [published.pk]}
    client.post(CHANGELIST, {**bulk, "post": "yes", "reason": REASON})
    assert stored(published) == before
    assert not Transition.objects.filter(name="unpublish").exists()


def test_an_article_that_is_not_public_cannot_be_unpublished(draft, editor):
    response = client_for(editor).get(confirm_url(draft), follow=True)
    assert response.redirect_chain == [(change_url(draft), 302)]
    assert len(list(response.context["messages"])) == 1
    assert Article.objects.get(pk=draft.pk).status == Status.DRAFT


def test_the_bulk_confirmation_page_queries_do_not_grow_with_the_selection(editor, journalist):
    client = client_for(editor)

    def queries_for(count):
        pks = [published_by(editor, journalist, f"Article {i}").pk for i in range(count)]
        data = {"action": "unpublish_selected", "_selected_action": pks, "index": "0"}
        cache.clear()  # the list's popular tags are kept ten minutes: read them each time
        with CaptureQueriesContext(connection) as queries:
            assert client.post(CHANGELIST, data).status_code == 200
        return len(queries)

    assert queries_for(2) == queries_for(8)
