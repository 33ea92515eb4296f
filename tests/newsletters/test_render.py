"""An edition rendered once per language: its public stories in order, pictures and links
that work from a mail program, and two marks where each subscriber's own links go."""

import html
from datetime import date
from html.parser import HTMLParser

import pytest

from articles import workflow
from articles.models import Picture
from articles.share import share_links
from newsletters.models import Edition, EditionStory
from newsletters.render import PREFERENCES_MARK, UNSUBSCRIBE_MARK, own_links, render, with_links
from tests.factories import ArticleFactory, PictureFactory, SectionFactory
from tests.images import jpeg_upload

SITE = "https://news.example.test"  # SITE_URL in newsroom/test_settings.py


def an_article(journalist, editor, picture=False, **fields):
    """A published article, with a picture if asked."""
    if picture:
        fields["picture"] = PictureFactory(file=jpeg_upload(size=(1200, 675)))
        fields.setdefault("image_alt", "Le marché de Treichville au matin")
    article = ArticleFactory(authors=[journalist.author_profile], **fields)
    if picture:
        article.picture.refresh_renditions()  # what the save's on_commit does outside tests
    workflow.apply_transition(article, "submit", journalist)
    workflow.apply_transition(article, "publish", editor)
    return article


def unpublish(article, editor):
    """Taken off the site after an editor chose it for an edition."""
    workflow.apply_transition(article, "unpublish", editor, comment="Retrait demandé.")


def an_edition(articles, kind=Edition.Kind.DIGEST, **fields):
    fields = {"subject": "L’essentiel du lundi", "day": date(2026, 12, 7), **fields}
    edition = Edition.objects.create(kind=kind, **fields)
    for position, article in enumerate(articles):
        EditionStory.objects.create(edition=edition, article=article, position=position)
    return edition


class Addresses(HTMLParser):
    """Every address an HTML document loads (src) or links to (href)."""

    def __init__(self, text):
        super().__init__()
        self.loaded, self.links, self.tags = [], [], set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if "src" in attrs or (tag == "link" and "href" in attrs):
            self.loaded.append(attrs.get("src") or attrs["href"])
        elif "href" in attrs:
            self.links.append(attrs["href"])


@pytest.fixture
def digest(journalist, editor):
    """Three stories chosen in this order; the second was unpublished since."""
    economy = SectionFactory(name="Économie")
    first = an_article(journalist, editor, picture=True, headline="Le cacao", section=economy)
    gone = an_article(journalist, editor, headline="Retiré du site")
    third = an_article(journalist, editor, headline="La pluie revient")
    introduction = "Bonjour,\n\nTrois nouvelles <script>alert(1)</script> & plus.\nBonne lecture."
    edition = an_edition([third, gone, first], introduction=introduction)
    unpublish(gone, editor)
    return edition


def test_a_digest_shows_its_public_stories_in_the_editors_order(digest):
    rendered = render(digest, "fr")
    for part in (rendered.text, rendered.html):
        assert part.index("La pluie revient") < part.index("Le cacao")
        assert "Retiré du site" not in part
    assert rendered.subject == "L’essentiel du lundi"
    assert "ÉCONOMIE" in rendered.text and "Économie" in rendered.html


def test_each_story_links_to_its_page_and_its_share_links(digest):
    rendered = render(digest, "fr")
    links = Addresses(rendered.html).links
    for article in digest.articles()[::2]:
        url = f"{SITE}/article/{article.slug}/"
        assert url in links and url in rendered.text
        assert {share.href for share in share_links(article.headline, url)} <= set(links)


def test_the_picture_is_a_rendition_about_as_wide_as_the_email_at_its_full_address(digest):
    rendered = render(digest, "fr")
    [picture] = Addresses(rendered.html).loaded
    assert picture.startswith(f"{SITE}/media/renditions/") and picture.endswith("/w640.jpg")
    assert (
        f'src="{picture}" width="600" height="338" alt="Le marché de Treichville au matin"'
        in rendered.html
    )


def test_without_renditions_yet_the_original_is_shown(digest, monkeypatch):
    monkeypatch.setattr(Picture, "images", property(lambda picture: None))
    rendered = render(digest, "fr")
    [picture] = Addresses(rendered.html).loaded
    assert picture.startswith(f"{SITE}/media/pictures/")
    assert 'width="600" height="338"' in rendered.html


def test_nothing_is_loaded_from_another_site_and_nothing_runs(digest):
    page = render(digest, "fr").html
    addresses = Addresses(page)
    assert addresses.loaded and all(src.startswith(f"{SITE}/") for src in addresses.loaded)
    assert not addresses.tags & {"script", "link", "iframe", "object", "embed", "form"}
    assert "url(" not in page and "@import" not in page


def test_the_introduction_is_escaped_text_in_paragraphs(digest):
    rendered = render(digest, "fr")
    assert "<script" not in rendered.html
    assert (
        '<p style="margin:0 0 12px;font-size:16px;line-height:24px;">Bonjour,</p>' in rendered.html
    )
    escaped = "Trois nouvelles &lt;script&gt;alert(1)&lt;/script&gt; &amp; plus.<br>Bonne lecture."
    assert escaped in rendered.html
    assert "Trois nouvelles <script>alert(1)</script> & plus.\nBonne lecture." in rendered.text


def test_the_email_is_a_responsive_table_with_a_hidden_preheader(digest):
    page = render(digest, "fr").html
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr"' in page
    assert "max-width:600px" in page and "@media only screen and (max-width: 620px)" in page
    assert page.count("<style>") == 1 and '<table role="presentation"' in page
    assert '<div style="display:none;' in page and "Bonjour, Trois nouvelles" in page


def test_each_mark_is_in_each_part_once(digest):
    rendered = render(digest, "fr")
    for part in (rendered.text, rendered.html):
        assert part.count(PREFERENCES_MARK) == 1 and part.count(UNSUBSCRIBE_MARK) == 1
    assert f'href="{PREFERENCES_MARK}"' in rendered.html
    assert f'href="{UNSUBSCRIBE_MARK}"' in rendered.html


def test_the_footer_says_why_and_whose_email_it_is(digest, settings):
    rendered = render(digest, "en")
    for part in (rendered.text, rendered.html):
        assert f"because you subscribed to {settings.SITE_NAME}" in part.replace("&#x27;", "'")
        assert settings.SITE_URL in part


def test_rendering_costs_one_query_however_many_stories(digest, django_assert_num_queries):
    with django_assert_num_queries(1):  # the stories with their articles, pictures, sections
        render(digest, "fr")


def test_an_alert_shows_its_story_big_under_a_label(journalist, editor):
    article = an_article(
        journalist, editor, picture=True, headline="Séisme à Abidjan", standfirst="Le bilan."
    )
    edition = an_edition([article], kind=Edition.Kind.ALERT, subject="Séisme à Abidjan")
    rendered = render(edition, "fr")
    assert rendered.html.count("Alerte info") == 2  # above the date and on the story
    assert 'class="headline-lead"' in rendered.html and "font-size:30px" in rendered.html
    assert "les alertes info de" in rendered.html  # why: the alerts, not the digest
    assert rendered.text.startswith("Newsroom · Alerte info\n7 décembre 2026\n")
    assert "Alerte info\nSéisme à Abidjan\nLe bilan.\nhttps://" in rendered.text.replace(
        "\n" + article.section.name.upper(), ""
    )


def test_in_english_the_words_and_addresses_are_english(digest):
    rendered = render(digest, "en")
    assert '<html lang="en"' in rendered.html
    assert "7 December 2026" in rendered.text and "Manage my preferences" in rendered.html
    assert f"{SITE}/en/article/" in rendered.text
    assert ">Email</a>" in rendered.html
    french = render(digest, "fr")
    assert "7 décembre 2026" in french.text and ">E-mail</a>" in french.html


def test_personal_links_lead_to_the_subscribers_own_pages(digest, confirmed, client):
    rendered = render(digest, "fr")
    text, page = with_links(rendered, *own_links(confirmed))
    assert PREFERENCES_MARK not in text + page and UNSUBSCRIBE_MARK not in text + page
    found = [link for link in Addresses(page).links if "/lettre/" in link]
    preferences, unsubscribe = found
    # A signed token needs no escaping: the address is the same in HTML as in text.
    assert html.escape(preferences) == preferences and preferences in text
    assert html.escape(unsubscribe) == unsubscribe and unsubscribe in text
    assert client.get(preferences.removeprefix(SITE)).status_code == 200
    assert client.get(unsubscribe.removeprefix(SITE)).status_code == 200
    assert client.post(unsubscribe.removeprefix(SITE)).status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.state == "unsubscribed"


def test_an_english_subscribers_links_open_english_pages(digest, confirmed):
    confirmed.language = "en"
    text, _html = with_links(render(digest, "en"), *own_links(confirmed))
    assert f"{SITE}/en/lettre/preferences/" in text


def test_no_line_of_the_html_is_too_long_for_8bit(digest):
    """Mail allows 998 characters a line: longer, Django encodes the part quoted-printable,
    which costs each of 10,000 messages its encoding and makes them a third larger."""
    rendered = render(digest, "fr")
    assert max(len(line) for line in rendered.html.splitlines()) < 998
