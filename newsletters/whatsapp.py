"""An edition as a WhatsApp message, for the newsroom's channel: WhatsApp's own markup
(*bold*), short links, no HTML."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from articles.views.short_link import short_url
from newsletters.render import paragraphs, public_articles

# WhatsApp reads * _ ~ ` as markup: in the newsroom's words each becomes a look-alike that
# it shows as it is, so a headline's asterisk never ends the bold around it.
LOOK_ALIKES = str.maketrans({"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"})


def plain(text: str) -> str:
    return text.strip().translate(LOOK_ALIKES)


def bold(text: str) -> str:
    # On one line: WhatsApp pairs the asterisks of one line only.
    return f"*{' '.join(plain(text).split())}*"


def whatsapp_text(edition, language: str) -> str:
    with translation.override(language):
        is_alert = edition.kind == edition.Kind.ALERT
        title = gettext("Breaking news") if is_alert else edition.subject
        day = date_format(edition.day, "DATE_FORMAT")
        blocks = [bold(title if day in title else f"{title} — {day}")]  # L'essentiel's has it
        blocks += [plain(paragraph) for paragraph in paragraphs(edition.introduction)]
        articles = public_articles(edition)
        if is_alert:
            blocks += [alert_story(article) for article in articles]
        elif articles:
            blocks.append("\n".join(f"{bold(a.headline)} {short_url(a)}" for a in articles))
    return "\n\n".join(blocks)


def alert_story(article) -> str:
    lines = [bold(article.headline), plain(article.standfirst), short_url(article)]
    return "\n".join(line for line in lines if line)
