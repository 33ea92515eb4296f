"""Error pages in the site's look, robots, and the interface in French and English."""

import html
import re

from django.template.loader import render_to_string
from django.urls import reverse


def test_404_page_is_in_the_site_look(client, db):
    response = client.get("/nexiste/pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert 'class="site-header"' in html and 'role="search"' in html


def test_500_page_renders_without_a_database_or_context():
    html = render_to_string("500.html")
    assert "/static/css/site.css" in html


def test_french_is_the_default_and_english_is_available(client, story):
    french = client.get(story.get_absolute_url()).content.decode()
    assert '<html lang="fr">' in french and "Partagez cet article" in french
    english = client.get("/en" + story.get_absolute_url()).content.decode()
    assert '<html lang="en">' in english and "Share this article" in english
    assert 'hreflang="en"' in french and 'href="/en/article/' in french


def test_skip_link_and_landmarks(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<article", "<footer"):
        assert landmark in html


def test_admin_is_french_by_default(client, editor):
    from tests.conftest import client_for

    html = client_for(editor).get(reverse("admin:index")).content.decode()
    assert "Rédaction" in html


def test_a_refusal_is_a_page_in_the_site_look(in_review, journalist):
    from tests.conftest import client_for

    response = client_for(journalist).post(
        reverse("admin:articles_article_transition", args=[in_review.pk]),
        {"_transition": "publish"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="site-header"' in html and "Rien n’a été modifié" in html


def test_language_links_match_django_translate_url_on_every_kind_of_page(client, story):
    from django.urls import translate_url

    author = story.bylines.first().author
    pages = [
        "/",
        story.get_absolute_url(),
        story.section.get_absolute_url() + "?page=2",
        "/mot-cle/aes/",
        author.get_absolute_url(),
        reverse("articles:search") + "?q=russie+%C3%A9t%C3%A9&page=1",
        "/contact/",
        "/en" + story.get_absolute_url(),
        "/en/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        shown = re.findall(r'<a href="([^"]*)" lang="(\w+)" hreflang=', response.content.decode())
        links = {code: html.unescape(url) for url, code in shown}
        path = response.wsgi_request.get_full_path()
        assert links == {"fr": translate_url(path, "fr"), "en": translate_url(path, "en")}, page
        assert links["en"].startswith("/en/") and not links["fr"].startswith("/en/")


def test_the_language_menu_marks_this_language_and_escapes_the_address(client, story):
    """Written in Python (articles/html/language_nav.py), escaped as the template did."""
    hostile = '"><script>alert(1)</script>'
    for prefix, language in (("", "fr"), ("/en", "en")):
        html = client.get(f"{prefix}{reverse('articles:search')}", {"q": hostile}).content.decode()
        menu = html[
            html.index('<nav class="languages"') : html.index("</nav>", html.index("languages"))
        ]
        marked = re.findall(r'lang="(\w+)" hreflang="\w+" aria-current="true"', menu)
        assert marked == [language]
        assert "<script>" not in menu and "%3Cscript%3E" in menu
