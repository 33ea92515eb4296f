"""An editor sends a breaking alert as the desk offers it: from the article's page to the
preview, the WhatsApp text copied with its button, then "Envoyer maintenant"."""

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from articles import workflow
from newsletters.models import Edition, Subscriber
from tests.browser.desk import change_url, log_in, success_message
from tests.browser.pages import follow
from tests.factories import ArticleFactory


def test_an_editor_sends_an_alert_and_copies_its_whatsapp_text(new_context, journalist, editor):
    article = ArticleFactory(
        headline="Séisme à Abidjan : le bilan", authors=[journalist.author_profile]
    )
    workflow.apply_transition(article, "submit", journalist)
    workflow.apply_transition(article, "publish", editor)
    Subscriber.objects.create(
        email="lectrice@example.org", wants_alerts=True, confirmed_at=timezone.now()
    )
    mail.outbox.clear()
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = log_in(context, editor)
    page.goto(change_url(article))

    follow(page, page.get_by_role("link", name="Envoyer en alerte"))
    expect(page.locator("#id_subject")).to_have_value("Séisme à Abidjan : le bilan")
    follow(page, page.locator("input[name=_continue]"))
    edition = Edition.objects.get()
    assert edition.kind == Edition.Kind.ALERT and edition.articles() == [article]

    follow(page, page.get_by_role("link", name="Aperçu et texte WhatsApp"))
    expect(
        page.frame_locator("iframe.edition-email").get_by_text("Alerte info").first
    ).to_be_visible()
    page.get_by_role("button", name="Copier le texte WhatsApp").click()
    expect(page.get_by_role("status")).to_have_text("Copié")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("*Alerte info — ") and "*Séisme à Abidjan : le bilan*" in copied
    assert f"/a/{article.pk}" in copied

    page.go_back()
    follow(page, page.get_by_role("button", name="Envoyer maintenant"))
    assert "L’envoi a commencé" in success_message(page)
    assert [m.to for m in mail.outbox] == [["lectrice@example.org"]]
    expect(page.locator(".delivery-sent dd")).to_have_text("1")
