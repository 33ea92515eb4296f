"""The newsroom traffic mix: what readers ask of a served site, for wrk (bench/traffic.lua).

    45 %  article pages, by recency: Zipf (s = 1.1) over the rank of every published article,
          newest first (the day's stories most read, the archive's long tail still hit)
    15 %  the home page; 15 % the section pages, evenly
     5 %  tag pages, 5 % author pages, each weighted by its number of articles
    10 %  searches, drawn from the 200 French queries of bench/queries_fr.txt
     5 %  RSS: the site's feed half of the time, a section's feed the other half

bench/compare.py runs it on two checkouts; alone, on a database `bench/compare.py` seeded:

    python bench/traffic.py CHECKOUT DATABASE --out /tmp/mix.txt   # write the mix, print its make-up

Every address comes from the checkout's own code (its URLs, its models), read through its
`manage.py shell`; the draws are the same for every checkout given the same seed. The list is
drawn before the run: the articles the editor publishes meanwhile are on the list pages, but
no article request draws them.
"""

import argparse
import bisect
import json
import random
import re
import tempfile
from collections import Counter
from itertools import accumulate
from pathlib import Path
from urllib.parse import quote_plus

import serve

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries_fr.txt"
LUA = HERE / "traffic.lua"
MIX = {
    "article": 0.45,
    "home": 0.15,
    "section": 0.15,
    "tag": 0.05,
    "author": 0.05,
    "search": 0.10,
    "rss": 0.05,
}
ZIPF_S = 1.1
SIZE = 100_000  # draws in the list wrk picks from: more than a 60 s run makes
SEED = 2026

# Run in the checkout (`manage.py shell`): its addresses, written as JSON to $BENCH_SITE_OUT.
COLLECT = """
import json, os
from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from articles.models import Article, Section
from authors.models import Author

with translation.override(settings.LANGUAGE_CODE):
    articles = (
        Article.objects.published()
        .order_by("-published_at", "-pk")
        .only("pk", "slug", "published_at", "section_id")
    )
    sections = list(Section.objects.order_by("position", "pk"))
    tags = Tag.objects.annotate(n=Count("articles_tagging_items")).filter(n__gt=0)
    authors = Author.objects.annotate(n=Count("bylines")).filter(n__gt=0)
    site = {
        "home": reverse("articles:home"),
        "search": reverse("articles:search"),
        "rss": reverse("feeds:site-rss"),
        "ceiling": "/bench/ceiling/",
        "articles": [[a.pk, a.get_absolute_url()] for a in articles.iterator(chunk_size=5000)],
        "sections": [s.get_absolute_url() for s in sections],
        "section_feeds": [reverse("feeds:section-rss", kwargs={"slug": s.slug}) for s in sections],
        "tags": [
            [reverse("articles:tag", kwargs={"slug": t.slug}), t.n, t.name]
            for t in tags.order_by("-n", "pk")
        ],
        "authors": [[a.get_absolute_url(), a.n] for a in authors.order_by("-n", "pk")],
    }
with open(os.environ["BENCH_SITE_OUT"], "w") as out:
    json.dump(site, out)
"""


def collect(checkout: Path, env: dict) -> dict:
    """The served site's addresses, from the checkout's own code and database."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        serve.sh(
            serve.python_for(checkout),
            "manage.py",
            "shell",
            "-v0",
            "-c",
            COLLECT,
            env={**env, "BENCH_SITE_OUT": out.name},
            cwd=checkout,
        )
        return json.loads(Path(out.name).read_text())


def queries() -> list[str]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def zipf_weights(count: int, s: float = ZIPF_S) -> list[float]:
    return list(accumulate(1 / rank**s for rank in range(1, count + 1)))


def build(site: dict, size: int = SIZE, seed: int = SEED) -> list[tuple[str, str]]:
    """(kind, path) draws in MIX's proportions, shuffled."""
    rng = random.Random(seed)
    counts = {kind: round(share * size) for kind, share in MIX.items()}
    articles = [url for _, url in site["articles"]]
    searches = [f"{site['search']}?q={quote_plus(q)}" for q in queries()]
    feeds = [site["rss"]] * len(site["section_feeds"]) + site["section_feeds"]
    draws = {
        "article": rng.choices(
            articles, cum_weights=zipf_weights(len(articles)), k=counts["article"]
        ),
        "home": [site["home"]] * counts["home"],
        "section": rng.choices(site["sections"], k=counts["section"]),
        "tag": rng.choices(
            [url for url, _, _ in site["tags"]],
            weights=[n for _, n, _ in site["tags"]],
            k=counts["tag"],
        ),
        "author": rng.choices(
            [url for url, _ in site["authors"]],
            weights=[n for _, n in site["authors"]],
            k=counts["author"],
        ),
        "search": rng.choices(searches, k=counts["search"]),
        "rss": rng.choices(feeds, k=counts["rss"]),
    }
    mix = [(kind, path) for kind, paths in draws.items() for path in paths]
    rng.shuffle(mix)
    return mix


def write(mix: list[tuple[str, str]], path: Path) -> Path:
    path.write_text("".join(f"{url}\n" for _, url in mix))
    return path


def describe(site: dict, mix: list[tuple[str, str]]) -> dict:
    """The mix's make-up: each kind's share, and how far into the archive article reads go."""
    kinds = Counter(kind for kind, _ in mix)
    rank = {url: i for i, (_, url) in enumerate(site["articles"])}
    ranks = sorted(rank[url] for kind, url in mix if kind == "article")

    def beyond(n):
        return 1 - bisect.bisect_left(ranks, n) / len(ranks) if ranks else 0.0

    return {
        "draws": len(mix),
        "shares": {kind: kinds[kind] / len(mix) for kind in MIX},
        "articles": len(site["articles"]),
        "distinct_articles": len(set(ranks)),
        "article_reads_beyond_newest": {n: beyond(n) for n in (10, 100, 1000, 10000)},
        "distinct_paths": len({url for _, url in mix}),
    }


def scripted_wrk(port, script, label, seconds, connections, *args) -> dict:
    """wrk with a Lua script (bounded in time), and what the script printed on its `label`
    line, as JSON, with the requests a second."""
    out = serve.sh(
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}/",
        "--",
        *args,
        capture=True,
    ).stdout
    result = json.loads(re.search(rf"^{label} (.*)$", out, re.MULTILINE).group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def run(port: int, paths_file: Path, seconds: float, connections: int, seed: int) -> dict:
    """The mix under load for `seconds` (wrk, bounded in time): req/s, p50/p90/p99 ms,
    status codes, errors (socket errors and 4xx/5xx) and the page cache's hit rate."""
    result = scripted_wrk(port, LUA, "TRAFFIC", seconds, connections, str(paths_file), str(seed))
    result["errors"] = result["socket_errors"] + result["4xx"] + result["5xx"]
    answered = result["hits"] + result["misses"]
    result["hit_rate"] = result["hits"] / answered if answered else 0.0
    return result


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("checkout", type=Path)
    parser.add_argument("database")
    parser.add_argument("--out", type=Path, default=Path("mix.txt"))
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    env = serve.environment(args.database, page_cache=False)
    site = collect(args.checkout.resolve(), env)
    mix = build(site, args.size, args.seed)
    write(mix, args.out)
    print(json.dumps(describe(site, mix), indent=1))


if __name__ == "__main__":
    main()
