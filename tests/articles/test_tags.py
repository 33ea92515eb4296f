"""Tags: case-insensitive, trimmed, length-checked in the form."""

from django.urls import reverse

from articles.models import Article
from tests.admin_forms import article_post
from tests.conftest import client_for


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_sahel_in_three_spellings_is_one_tag(draft, journalist):
    data = article_post(draft, tags="Sahel, sahel,  SAHEL , Côte d’Ivoire")
    assert client_for(journalist).post(change(draft), data).status_code == 302
    assert sorted(Article.objects.get(pk=draft.pk).tags.names()) == ["Côte d’Ivoire", "Sahel"]


def test_existing_tag_is_reused_whatever_its_case(draft, journalist, published):
    published.tags.add("Sahel")
    client_for(journalist).post(change(draft), article_post(draft, tags="SAHEL"))
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == ["Sahel"]


def test_tag_over_100_characters_is_a_form_error(draft, journalist):
    response = client_for(journalist).post(change(draft), article_post(draft, tags="a" * 101))
    assert response.status_code == 200
    assert "tags" in response.context["adminform"].form.errors
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == []
