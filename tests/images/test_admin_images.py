"""The desk's view of pictures: thumbnails, preview, focal point and the shared-card check."""

from django.urls import reverse
from PIL import Image

from articles.models import Article
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.images import makers
from tests.images.test_uploads import upload
from tests.public.conftest import publish


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_upload_through_the_admin_with_focal_point(draft, journalist):
    data = article_post(draft, image_alt="Le marché", image_focal_x="20", image_focal_y="70")
    data["featured_image"] = upload(
        makers.encoded(Image.new("RGB", (1600, 900), "teal"), "PNG"), "m.png"
    )
    response = client_for(journalist).post(change(draft), data)
    assert response.status_code == 302
    article = Article.objects.get(pk=draft.pk)
    assert (article.image_width, article.image_height) == (1600, 900)
    assert (article.image_focal_x, article.image_focal_y) == (20, 70)
    assert article.featured_image.name.endswith(".png")


def test_focal_point_beyond_100_is_a_form_error(draft, journalist):
    response = client_for(journalist).post(change(draft), article_post(draft, image_focal_x="150"))
    assert response.status_code == 200
    assert "image_focal_x" in response.context["adminform"].form.errors


def test_image_without_alt_text_is_a_form_error(draft, journalist):
    data = article_post(draft, image_alt="")
    data["featured_image"] = upload(makers.encoded(Image.new("RGB", (100, 100)), "JPEG"))
    response = client_for(journalist).post(change(draft), data)
    assert response.status_code == 200
    assert "image_alt" in response.context["adminform"].form.errors
    assert not Article.objects.get(pk=draft.pk).featured_image


def test_list_shows_thumbnails_and_form_shows_preview_and_card(draft, editor):
    draft.featured_image = upload(makers.encoded(Image.new("RGB", (800, 600), "teal"), "JPEG"))
    draft.image_alt = "Une vue"
    draft.save()
    draft.refresh_renditions()
    client = client_for(editor)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert 'class="admin-thumb"' in listing and "/w320.jpg" in listing
    form = client.get(change(draft)).content.decode()
    assert 'class="focal-preview"' in form
    assert 'class="social-card"' in form and "/og.jpg" in form
    assert "1200 × 630" in form  # the picture is too small for a shared card


def test_social_card_warnings(published, editor):
    article = published
    assert "Aucune image" in " ".join(str(w) for w in article.social_card_warnings())
    article.featured_image = upload(makers.encoded(Image.new("RGB", (1200, 1200)), "JPEG"))
    article.image_alt = ""
    article.headline = "Un titre bien trop long " * 4
    article.standfirst = "Un chapeau interminable. " * 12
    warnings = " ".join(str(w) for w in article.social_card_warnings())
    for expected in ("1,91", "texte alternatif", "70", "200"):
        assert expected in warnings, expected
    article.featured_image = upload(makers.encoded(Image.new("RGB", (1200, 630)), "JPEG"))
    article.image_alt = "Alt"
    article.headline, article.standfirst = "Titre court", "Chapeau court."
    article.save()
    assert article.social_card_warnings() == []


def test_admin_list_queries_do_not_grow_with_pictures(editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ArticleFactory, AuthorFactory

    def add(count):
        for _ in range(count):
            article = ArticleFactory(authors=[AuthorFactory()], image_alt="x")
            article.featured_image = upload(makers.encoded(Image.new("RGB", (400, 300)), "JPEG"))
            article.save()
            article.refresh_renditions()
            publish(article, editor)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page = client.get(reverse("admin:articles_article_changelist")).content.decode()
        return len(captured), page.count('class="admin-thumb"')

    client = client_for(editor)
    add(1)
    few, thumbs = queries()
    add(5)
    assert queries() == (few, thumbs + 5)
