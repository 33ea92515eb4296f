"""A journalist reaching for a colleague's draft or for an editor's actions is refused."""

from django.urls import reverse

from articles import workflow
from articles.models import Article, Status
from tests.browser.desk import change_url, log_in, take_action
from tests.factories import ArticleFactory

# What someone would try from the browser's console: a button the page never offered.
FORGE_PUBLISH_BUTTON = """() => {
  const withdraw = document.querySelector("button[name=_transition][value=withdraw]");
  const button = withdraw.cloneNode();
  Object.assign(button, {value: "publish", textContent: "Publier"});
  withdraw.after(button);
}"""


def test_journalist_cannot_open_a_colleagues_draft(new_context, watch, journalist, colleague):
    draft = ArticleFactory(headline="Brouillon de Yao", authors=[colleague.author_profile])
    preview = reverse("admin:articles_article_preview", args=[draft.pk])
    watch.expect_status(preview, 404)
    page = log_in(new_context(), journalist)

    page.goto(change_url(draft))
    assert page.url.endswith(reverse("admin:index"))
    assert page.locator(".messagelist .warning").is_visible()
    assert page.locator("#id_headline").count() == 0
    assert page.goto(preview).status == 404
    page.goto(reverse("admin:articles_article_changelist"))
    assert draft.headline not in page.content()


def test_journalist_is_refused_an_editors_actions(new_context, watch, journalist):
    article = ArticleFactory(headline="Mon article relu", authors=[journalist.author_profile])
    workflow.apply_transition(article, "submit", journalist)
    transition = reverse("admin:articles_article_transition", args=[article.pk])
    watch.expect_status(transition, 403)
    watch.expect_status("/favicon.ico", 404)  # Django's bare 403 page names no icon
    page = log_in(new_context(), journalist)

    page.goto(reverse("admin:articles_article_changelist"))
    offered = page.locator("select[name=action] option").evaluate_all(
        "options => options.map(option => option.value)"
    )
    assert offered, "the list offers no action at all"
    assert not {"publish_selected", "unpublish_selected"} & set(offered)

    page.goto(change_url(article))
    buttons = page.locator("button[name=_transition]")
    assert buttons.evaluate_all("all => all.map(b => b.value)") == ["withdraw"]
    page.evaluate(FORGE_PUBLISH_BUTTON)
    with page.expect_response(lambda response: response.url.endswith(transition)) as answer:
        take_action(page, "publish")
    assert answer.value.status == 403
    assert Article.objects.get(pk=article.pk).status == Status.REVIEW
    assert not article.transitions.filter(name="publish").exists()
