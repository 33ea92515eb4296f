"""A realistic corpus for the benchmark, inserted in bulk: `seed_bench --articles 100000`.

8 sections, about 60 authors and 2,000 tags; French-like text of realistic length; bylines
and tags spread the way a real site's are (a few authors and tags carry most articles).
"""

import random
import sys
import time
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils import timezone
from taggit.models import Tag

from articles import search
from articles.models import Article, Byline, Section, Status, Tagging
from authors.models import Author

SECTIONS = [
    "Politique",
    "Économie",
    "Sécurité",
    "International",
    "Société",
    "Sport",
    "Culture",
    "Santé",
]
WORDS = (
    "le la les un une des du de dans pour avec sur par au aux ce cette ces qui que dont où "
    "gouvernement ministre élections électeurs sécurité frontière région pays Sahel Abidjan Dakar "
    "Bamako Niamey Ouagadougou Lomé Accra économie cacao coton prix marché croissance banque "
    "réforme projet population jeunes santé école université football équipe match culture "
    "festival musique cinéma annonce rapport conseil assemblée président déclaration accord "
    "coopération développement infrastructures routes énergie électricité agriculture pluie "
    "saison récolte habitants quartier ville village communauté sources officielles selon"
).split()
BATCH = 1000
# A name in three articles whatever the corpus's size, as a rare search finds in a real archive
# (every made-up word is in about 1% of the articles); neither word can be made up below.
RARE_NAME = "Kadiatou Diallo"
RARE_SENTENCE = f"La juge {RARE_NAME} a rendu sa décision."
FUNCTION_WORDS = WORDS.index("où") + 1  # le, la, les… as frequent as in real French


def vocabulary(size=6000, seed=7):
    """Real words, then made-up French-sounding ones, used with Zipf's law (rank r: 1/r).

    With a hundred words only, every word was in almost every article and every search
    matched the whole archive. Here the real content words take ranks between about 25 and
    800, so "sécurité" is in a fraction of the articles and most words in very few, as in a
    real newspaper.
    """
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdfgjklmnprstvz" for v in ("a", "e", "i", "o", "ou", "é", "an")]
    made_up = set()
    while len(made_up) < size - len(WORDS):
        made_up.add("".join(rng.choices(syllables, k=rng.randint(2, 4))))
    made_up = sorted(made_up - set(WORDS))
    rng.shuffle(made_up)
    common = WORDS[FUNCTION_WORDS:] + made_up[:700]
    rng.shuffle(common)
    words = WORDS[:FUNCTION_WORDS] + common + made_up[700:]
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        weights.append(total)
    return words, weights


VOCABULARY, CUMULATIVE = vocabulary()


def sentence(rng, length):
    words = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=length)
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(12, 24)) for _ in range(rng.randint(3, 5)))


def rare_positions(count) -> set[int]:
    """Where the rare name goes: early, middle and late in the archive, drawing no number."""
    return {count // 5, count // 2, count - 1 - count // 5}


def skewed(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


class Command(BaseCommand):
    help = "Fill an empty database with a realistic benchmark corpus (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if Article.objects.exists():
            raise CommandError("This database already has articles: seed an empty one.")
        rng = random.Random(options["seed"])
        count = options["articles"]
        started = time.monotonic()
        with transaction.atomic():
            sections = [
                Section.objects.create(name=name, position=i) for i, name in enumerate(SECTIONS)
            ]
            authors = Author.objects.bulk_create(
                [
                    Author(
                        display_name=f"Auteur {i:02d}",
                        slug=f"auteur-{i:02d}",
                        bio=sentence(rng, 20),
                    )
                    for i in range(60)
                ]
            )
            tags = Tag.objects.bulk_create(
                [Tag(name=f"Sujet {i}", slug=f"sujet-{i}") for i in range(2000)]
            )
        author_weights = [1 / (i + 1) for i in range(len(authors))]
        tag_weights = [1 / (i + 1) ** 0.8 for i in range(len(tags))]
        content_type = ContentType.objects.get_for_model(Article)
        now = timezone.now()
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            with transaction.atomic():
                self._batch(
                    rng,
                    size,
                    done,
                    now,
                    sections,
                    authors,
                    author_weights,
                    tags,
                    tag_weights,
                    content_type,
                )
            done += size
            self._progress(done, count, started)
        Article.objects.filter(slug__in=[f"article-{i}" for i in rare_positions(count)]).update(
            body=Concat("body", Value(f"<p>{RARE_SENTENCE}</p>")),
            body_text=Concat("body_text", Value(f" {RARE_SENTENCE}")),
        )
        if connection.vendor == "postgresql":
            self.stderr.write("\nIndexing for full-text search…")
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '256MB'")
            Article.objects.update(**search.vectors())
            # What autovacuum would do on a live site by the time readers come: statistics for
            # the planner, the dead rows of the update above gone, the visibility map set.
            self.stderr.write("Vacuuming and analysing…")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"\n{count} articles in {time.monotonic() - started:.0f} s.")

    def _batch(
        self,
        rng,
        size,
        offset,
        now,
        sections,
        authors,
        author_weights,
        tags,
        tag_weights,
        content_type,
    ):
        articles = []
        for i in range(offset, offset + size):
            body_paragraphs = [paragraph(rng) for _ in range(rng.randint(5, 9))]
            body = "".join(f"<p>{p}</p>" for p in body_paragraphs)
            published = now - timedelta(minutes=rng.randint(1, 60 * 24 * 730))
            articles.append(
                Article(
                    headline=sentence(rng, rng.randint(7, 13))[:190],
                    slug=f"article-{i}",
                    standfirst=sentence(rng, rng.randint(20, 32)),
                    body=body,
                    body_text=" ".join(body_paragraphs),
                    section=rng.choice(sections),
                    status=Status.PUBLISHED,
                    published_at=published,
                    first_published_at=published,
                )
            )
        articles = Article.objects.bulk_create(articles)
        bylines, tagged, updates = [], [], []
        for article in articles:
            chosen_authors = {
                skewed(rng, authors, author_weights) for _ in range(rng.choice([1, 1, 1, 2]))
            }
            chosen_tags = {skewed(rng, tags, tag_weights) for _ in range(rng.randint(2, 6))}
            bylines += [
                Byline(article=article, author=a, position=p) for p, a in enumerate(chosen_authors)
            ]
            tagged += [Tagging(content_object=article, tag=t) for t in chosen_tags]
            article.search_authors = " ".join(a.display_name for a in chosen_authors)
            article.search_tags = " ".join(t.name for t in chosen_tags)
            updates.append(article)
        Byline.objects.bulk_create(bylines)
        Tagging.objects.bulk_create(tagged)
        Article.objects.bulk_update(updates, ["search_authors", "search_tags"])

    def _progress(self, done, total, started):
        width = 40
        filled = int(width * done / total)
        rate = done / max(time.monotonic() - started, 0.001)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:.0f}/s)"
        )
        sys.stderr.flush()
