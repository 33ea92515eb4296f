"""The benchmark's article with media: `seed_bench_media` adds it once and prints its address.

A copy of the sampled plain article (bench/run.py: the 51st newest), with the same section,
bylines, tags and words, plus five pictures, a gallery of eight and two embeds in its text:
side by side, the two pages differ by their media only.
"""

import re
from datetime import timedelta
from html import unescape

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template.loader import render_to_string

from articles.demo import images
from articles.models import Article, Byline, Picture, Status

SLUG = "banc-d-essai-article-avec-medias"
PICTURES = 5
GALLERY = 8
EMBEDS = (
    "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    "https://x.com/afp/status/1460323737035677698",
)
SAMPLED = 50  # the plain article's place among the newest (bench/run.py's sample_paths)


class Command(BaseCommand):
    help = "Add the benchmark's article with pictures, a gallery and embeds (once)."

    def handle(self, *args, **options):
        article = Article.objects.filter(slug=SLUG).first() or self._add()
        self.stdout.write(article.get_absolute_url())

    @transaction.atomic
    def _add(self) -> Article:
        newest = Article.objects.published().order_by("-published_at")
        plain = newest[SAMPLED : SAMPLED + 1].first()
        if plain is None:
            raise CommandError("Seed the benchmark's articles first (seed_bench).")
        pictures = [self._picture(n) for n in range(PICTURES + GALLERY)]
        blocks = [("p", unescape(text)) for text in re.findall(r"<p>(.*?)</p>", plain.body)]
        gallery = {"pictures": pictures[PICTURES:], "caption": "Le reportage en images."}
        media = [
            ("picture", pictures[0]),
            ("embed", {"address": EMBEDS[0], "caption": "La vidéo du reportage."}),
            ("picture", pictures[1]),
            ("gallery", gallery),
            ("picture", pictures[2]),
            ("embed", {"address": EMBEDS[1], "caption": "Le message du ministère."}),
            ("picture", pictures[3]),
            ("picture", pictures[4]),
        ]
        for place, block in enumerate(media):  # after each of the first paragraphs
            blocks.insert(2 * place + 1, block)
        article = Article.objects.create(
            headline=plain.headline,
            slug=SLUG,
            standfirst=plain.standfirst,
            body=render_to_string("articles/demo/body.html", {"blocks": blocks}),
            section=plain.section,
            status=Status.PUBLISHED,
            # Just older than the plain one: the sample stays the same article.
            published_at=plain.published_at - timedelta(seconds=1),
            first_published_at=plain.published_at - timedelta(seconds=1),
        )
        Byline.objects.bulk_create(
            Byline(article=article, author_id=b.author_id, position=b.position)
            for b in plain.bylines.all()
        )
        article.tags.set(list(plain.tags.all()))
        return article

    def _picture(self, n: int) -> dict:
        """A library picture, as the demo's text template shows one."""
        picture = Picture.objects.create(
            file=images.scene(f"Banc d’essai {n}", 1600, 1067),
            title=f"Banc d’essai {n}",
            alt_text=f"Photo {n + 1} du reportage",
            caption=f"Légende de la photo {n + 1}.",
            credit="Banc d’essai",
        )
        picture.refresh_renditions()
        return {
            "src": picture.file.url,
            "alt": picture.alt_text,
            "id": picture.pk,
            "caption": picture.caption,
        }
