"""Posts are written a chunk at a time, in bulk, and the result is what saving each article
would have made: slugs, bylines, tags, one revision each, workflow steps, old addresses,
search fields, body pictures. The queries a chunk takes do not grow with its posts."""

from articles import search
from articles.models import Article, BodyPicture, Revision, Transition
from importer.models import ImportedPost, LegacyAddress
from tests.factories import ArticleFactory
from tests.importer.exports import attachment, author, category, export, post, upload_url

SEARCH_FIELDS = ("search_tags", "search_authors", "search_vector", "rank_vector")
PREPARED_FIELDS = ("headline", "body", "body_text", "image_alt", "image_caption", "image_credit")


def site_export():
    """Slugs that clash inside a chunk, across chunks and with an article already there."""
    picture = f'<img src="{upload_url("2024/03/carte.png")}" class="wp-image-51" alt="" />'
    return export(
        attachment(50, "2024/03/une.jpg", alt="Une"),
        attachment(51, "2024/03/carte.png", title="Carte du Sahel", alt="Carte"),
        post(1, "Premier", slug="meme", categories=[("sport", "Sport")], tags=["Mali", "Niger"]),
        post(2, "Deuxième", slug="meme", tags=["mali"], creator="yao"),
        post(3, "Troisième", slug="deja-la", meta={"_thumbnail_id": "50"}),
        post(4, "Un titre commun", slug="", content=f"Texte.\n\n{picture}", status="draft"),
        post(5, "Un titre commun", slug="", status="future", date="2099-01-01 10:00:00"),
        post(6, "Sixième", slug="meme", tags=["Sahel"], status="pending"),
        post(7, "Septième", slug="meme-2", creator=""),
        authors=[author("awa", display_name="Awa Koné"), author("yao", display_name="Yao K.")],
        categories=[category("sport", "Sport")],
    )


def test_chunks_make_what_saving_each_article_makes(run_import, uploads):
    ArticleFactory(headline="Déjà là", slug="deja-la")
    summary = run_import(site_export(), media_dir=uploads, chunk_size=3)
    assert summary.posts_imported == 7
    by_post = {
        imported.wordpress_id: imported.article
        for imported in ImportedPost.objects.select_related("article")
    }
    slugs = {post_id: article.slug for post_id, article in by_post.items()}
    assert slugs == {
        1: "meme",
        2: "meme-2",  # same chunk as 1
        3: "deja-la-2",  # the table's
        4: "un-titre-commun",
        5: "un-titre-commun-2",  # another chunk's
        6: "meme-3",
        7: "meme-2-2",  # WordPress's own "meme-2" was taken by post 2
    }
    assert [b.author.display_name for b in by_post[1].bylines.all()] == ["Awa Koné"]
    assert [b.author.display_name for b in by_post[2].bylines.all()] == ["Yao K."]
    assert not by_post[7].bylines.exists()
    assert sorted(by_post[1].tags.names()) == ["Mali", "Niger"]
    assert list(by_post[2].tags.names()) == ["Mali"]  # whatever its case
    assert by_post[3].picture.file.name and by_post[3].image_alt == "Une"
    body_picture = BodyPicture.objects.get()
    assert body_picture.article == by_post[4]
    assert f'data-file="{body_picture.picture_id}"' in by_post[4].body
    assert by_post[4].body_text.startswith("Texte.")
    for post_id, article in by_post.items():
        step = Transition.objects.get(article=article)
        assert (step.name, step.source, step.target) == ("import", "import", article.status)
        assert f"post ID {post_id}," in step.comment
        assert LegacyAddress.objects.filter(article=article, key=f"?p={post_id}").exists()
        revision = Revision.objects.get(article=article)  # one each
        assert revision.number == 1 and revision.data == Revision.snapshot(article)

    # Saving each article the ordinary way finds nothing to change.
    stored = {a.pk: _values(a) for a in Article.objects.filter(pk__in=_ids(by_post))}
    pictures = set(BodyPicture.objects.values_list("article_id", "picture_id"))
    search.reindex(_ids(by_post))
    for article in Article.objects.filter(pk__in=_ids(by_post)):
        article.save()
    assert {a.pk: _values(a) for a in Article.objects.filter(pk__in=_ids(by_post))} == stored
    assert set(BodyPicture.objects.values_list("article_id", "picture_id")) == pictures
    assert all(
        Revision.record(article) is None for article in Article.objects.filter(pk__in=stored)
    )


def _ids(by_post):
    return [article.pk for article in by_post.values()]


def _values(article) -> dict:
    values = {name: getattr(article, name) for name in PREPARED_FIELDS + SEARCH_FIELDS}
    values["authors"] = article.search_authors
    return values


def test_an_old_address_two_posts_claim_goes_to_the_first(run_import):
    link = "https://ancien.example.com/une-page/"
    summary = run_import(export(post(1, link=link), post(2, link=link)), chunk_size=5)
    assert LegacyAddress.objects.get(key="/une-page/").article.slug == "article-1"
    assert any("/une-page/ already leads elsewhere" in note for note in summary.notes)


def sport_posts(first: int, count: int) -> list[str]:
    return [
        post(n, f"Article {n}", categories=[("sport", "Sport")], tags=["Mali"])
        for n in range(first, first + count)
    ]


# A run of one chunk: its record, what the chunk reads (posts done, section, author, tag,
# slugs, old addresses), its inserts, revisions, the site's old addresses, the run's end;
# PostgreSQL also looks for vectors a stopped run left unmade, fills the search vectors,
# and numbers the articles and their revisions before copying them in: 4 more.
QUERIES_A_RUN = 29


def test_the_queries_of_a_chunk_do_not_grow_with_its_posts(run_import, django_assert_num_queries):
    known = export(*sport_posts(1, 1), categories=[category("sport", "Sport")])
    run_import(known)  # the author, section, tag and the category's old address exist now
    expected = QUERIES_A_RUN + (4 if search.uses_postgres() else 0)
    for first, count in ((10, 3), (100, 30)):
        with django_assert_num_queries(expected):
            summary = run_import(
                export(*sport_posts(first, count), categories=[category("sport", "Sport")]),
                chunk_size=100,
            )
        assert summary.posts_imported == count
    assert Article.objects.count() == 34
