"""The benchmark's corpus: its article with media differs from the sampled plain article
by its media only, and is added once; a rare name is in three articles at any size."""

import io

import pytest
from django.core.management import call_command

from articles import search
from articles.management.commands import seed_bench, seed_bench_media
from articles.models import Article


def run(command, *args) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip().splitlines()[-1]


# Transactional: on PostgreSQL the seeding ends with VACUUM, which no transaction may hold.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_article_with_media_copies_the_plain_one_and_adds_its_media(client):
    run("seed_bench", "--articles", "60")
    newest = Article.objects.published().order_by("-published_at")
    plain = newest[seed_bench_media.SAMPLED]
    address = run("seed_bench_media")
    assert run("seed_bench_media") == address  # once
    assert Article.objects.count() == 61
    assert newest[seed_bench_media.SAMPLED] == plain  # the sample stays the plain article
    media = Article.objects.get(slug=seed_bench_media.SLUG)
    assert media.get_absolute_url() == address
    assert (media.headline, media.section, media.body_text.startswith(plain.body_text[:80])) == (
        plain.headline,
        plain.section,
        True,
    )
    assert set(media.tags.all()) == set(plain.tags.all()) and media.bylines.count()
    assert media.body_pictures.count() == 5 + 8
    assert media.body.count("<figure data-gallery") == 1
    assert media.body.count("<figure data-embed=") == 2
    page = client.get(address).content.decode()
    assert page.count("<picture>") == 5 + 8 and page.count('class="embed ') == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", [10, 61])
def test_the_rare_name_is_in_three_articles_whatever_the_size(size):
    run("seed_bench", "--articles", str(size))
    named = Article.objects.filter(body_text__contains=seed_bench.RARE_NAME)
    assert sorted(named.values_list("slug", flat=True)) == sorted(
        f"article-{i}" for i in seed_bench.rare_positions(size)
    )
    assert len(seed_bench.rare_positions(size)) == 3
    assert all(seed_bench.RARE_SENTENCE in body for body in named.values_list("body", flat=True))
    if search.uses_postgres():  # the index sees it too: the desk's rare search finds three
        words = search.words(seed_bench.RARE_NAME)
        assert search.matching(Article.objects.all(), words).count() == 3
