"""An edition as the newsroom posts it on WhatsApp: its markup, short links, no HTML."""

from newsletters.models import Edition
from newsletters.whatsapp import whatsapp_text
from tests.newsletters.test_render import SITE, an_article, an_edition, unpublish


def test_a_digest_is_a_bold_title_the_introduction_and_a_line_per_public_story(journalist, editor):
    first = an_article(journalist, editor, headline="La pluie revient")
    gone = an_article(journalist, editor, headline="Retiré du site")
    last = an_article(journalist, editor, headline="Le cacao")
    edition = an_edition([first, gone, last], introduction="Bonjour,\n\nBonne lecture.")
    unpublish(gone, editor)
    assert whatsapp_text(edition, "fr") == (
        "*L’essentiel du lundi — 7 décembre 2026*\n\n"
        "Bonjour,\n\n"
        "Bonne lecture.\n\n"
        f"*La pluie revient* {SITE}/a/{first.pk}\n"
        f"*Le cacao* {SITE}/a/{last.pk}"
    )


def test_an_alert_gives_the_headline_in_bold_its_standfirst_and_link(journalist, editor):
    article = an_article(
        journalist, editor, headline="Séisme à Abidjan", standfirst="Le bilan provisoire."
    )
    edition = an_edition([article], kind=Edition.Kind.ALERT, subject="Séisme")
    assert whatsapp_text(edition, "en") == (
        "*Breaking news — 7 December 2026*\n\n"
        "*Séisme à Abidjan*\n"
        "Le bilan provisoire.\n"
        f"{SITE}/a/{article.pk}"
    )
    assert whatsapp_text(edition, "fr").startswith("*Alerte info — 7 décembre 2026*\n\n")


def test_markup_characters_in_the_newsrooms_words_cannot_break_the_bold(journalist, editor):
    article = an_article(journalist, editor, headline="Le *vrai* prix_du ~pain~ `cher`")
    edition = an_edition([article], subject="Prix * 2", introduction="À _lire_ *vite*")
    text = whatsapp_text(edition, "fr")
    assert text == (
        "*Prix ∗ 2 — 7 décembre 2026*\n\n"
        "À ˍlireˍ ∗vite∗\n\n"
        f"*Le ∗vrai∗ prixˍdu ∼pain∼ ˋcherˋ* {SITE}/a/{article.pk}"
    )
    for line in text.splitlines():  # each line's only markup: one pair of asterisks, or none
        assert line.count("*") in (0, 2) and not {"_", "~", "`"} & set(line)


def test_no_html_reaches_the_message(journalist, editor):
    article = an_article(journalist, editor, headline="A & B <i>vs</i> C")
    text = whatsapp_text(an_edition([article]), "fr")
    assert f"*A & B <i>vs</i> C* {SITE}/a/{article.pk}" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_a_title_that_gives_the_date_already_does_not_get_it_twice(journalist, editor):
    article = an_article(journalist, editor, headline="La pluie revient")
    edition = an_edition([article], subject="L’essentiel du 7 décembre 2026")
    assert whatsapp_text(edition, "fr").startswith("*L’essentiel du 7 décembre 2026*\n\n")
