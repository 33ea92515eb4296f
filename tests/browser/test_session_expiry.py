"""TRUST 27: a session that expires while a journalist writes does not lose the text."""

from django.contrib.sessions.models import Session

from articles.models import Article
from tests.browser.desk import PASSWORD, change_url, log_in
from tests.browser.pages import follow
from tests.factories import ArticleFactory


def test_text_typed_before_the_session_expired_is_offered_back(new_context, journalist):
    draft = ArticleFactory(headline="Premier jet", authors=[journalist.author_profile])
    page = log_in(new_context(), journalist)
    page.goto(change_url(draft))
    page.fill("#id_headline", "Titre retravaillé pendant une heure")
    page.fill("#id_standfirst", "Un chapeau écrit avant l’expiration de la session.")

    Session.objects.all().delete()  # the session expires while the journalist writes
    follow(page, page.locator("input[name=_continue]"))
    assert "/login/" in page.url  # the save could not happen
    assert Article.objects.get(pk=draft.pk).headline == "Premier jet"

    page.fill("#id_username", journalist.username)
    page.fill("#id_password", PASSWORD)
    follow(page, page.locator("#login-form [type=submit]"))
    assert page.url.endswith(change_url(draft))
    offer = page.locator("#restore-local-copy")
    assert offer.is_visible()
    offer.locator("button").click()
    assert page.input_value("#id_headline") == "Titre retravaillé pendant une heure"
    follow(page, page.locator("input[name=_continue]"))
    stored = Article.objects.get(pk=draft.pk)
    assert stored.headline == "Titre retravaillé pendant une heure"
    assert stored.standfirst == "Un chapeau écrit avant l’expiration de la session."
