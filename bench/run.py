"""`make bench`: seed a corpus, serve it with gunicorn in production settings, load it with wrk.

    .venv/bin/python bench/run.py --articles 1000 [--duration 10] [--connections 16] [--reuse]

A run at another size (100000) also serves a 1,000-article archive beside it and compares each
page's p99 at both sizes, measured in alternating rounds (bench/scale.py).

Runs on this machine's PostgreSQL and Redis (started if they are not), on loopback only,
every load bounded in time. Prints a Markdown report and writes it to bench/results/.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import budgets
import scale
from serve import PORT, PYTHON, ROOT, Server, ensure_services, environment, psql, sh, wrk

PAGE = 20  # articles on a list page
SMALL = 1000  # the archive a larger one is compared with


def prepare(database, articles, reuse):
    names = {line.split("|")[0].strip() for line in psql("-lqt").stdout.splitlines()}
    exists = database in names  # newsroom_bench_1000 is no newsroom_bench_100000_new
    env = environment(database, page_cache=False)
    if exists and reuse:
        print(f"Reusing database {database}.")
        sh(PYTHON, "manage.py", "migrate", "-v0", env=env)  # to the code's schema
        # A migration may rewrite every article (0022 did): clear what autovacuum would have
        # cleared on a live site by the time readers come, as seed_bench does.
        sh("psql", "-h", "127.0.0.1", "-U", "root", "-d", database, "-qc", "VACUUM ANALYZE")
    else:
        psql("-qc", f"DROP DATABASE IF EXISTS {database}")
        psql("-qc", f"CREATE DATABASE {database}")
        sh(PYTHON, "manage.py", "migrate", "-v0", env=env)
        started = time.monotonic()
        sh(PYTHON, "manage.py", "seed_bench", "--articles", str(articles), env=env)
        print(f"Seeded {articles} articles in {time.monotonic() - started:.0f} s.")
    sh(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    return env


def sample_paths(env):
    script = (
        "from articles.models import Article; from django.db.models import Count;"
        "from taggit.models import Tag; from authors.models import Author;"
        "a = list(Article.objects.published().order_by('-published_at')[:51])[-1];"
        f"tags = Tag.objects.annotate(n=Count('articles_tagging_items')).filter(n__gt={PAGE});"
        "t, rt = tags.order_by('-n', 'pk')[0], tags.order_by('n', 'pk')[0];"
        f"authors = Author.objects.annotate(n=Count('bylines')).filter(n__gt={PAGE});"
        "au, ra = authors.order_by('-n', 'pk')[0], authors.order_by('n', 'pk')[0];"
        "import json; print(json.dumps([a.get_absolute_url(), a.section.get_absolute_url(),"
        " '/mot-cle/%s/' % t.slug, au.get_absolute_url(), '/mot-cle/%s/' % rt.slug,"
        " ra.get_absolute_url(), a.pk]))"
    )
    out = sh(PYTHON, "manage.py", "shell", "-c", script, env=env, capture=True).stdout
    article, section, tag, author, rare_tag, rare_author, pk = json.loads(
        out.strip().splitlines()[-1]
    )
    media = sh(PYTHON, "manage.py", "seed_bench_media", env=env, capture=True).stdout
    return {
        "home": "/",
        "article": article,
        # The same article with five pictures, a gallery of eight and two embeds in its text.
        "article with media": media.strip().splitlines()[-1],
        "section": section,
        "tag": tag,
        "author": author,
        # The least used that still fill a page: the planner's choices differ for them (a
        # rare author's page once walked the archive, unseen while only the busiest was
        # measured), and a full page at both sizes keeps the scale comparison fair.
        "rare tag": rare_tag,
        "rare author": rare_author,
        "search": "/recherche/?q=s%C3%A9curit%C3%A9+march%C3%A9",
        "rss": "/flux/rss/",
        # The content API (api/): a page of 20 articles in full, and the sampled article.
        "api list": "/api/v1/articles",
        "api article": f"/api/v1/articles/{pk}",
        "ceiling": "/bench/ceiling/",
    }


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = (
        int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        // 1024
        // 1024
    )
    postgres = psql("-tAc", "SHOW server_version").stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}, PostgreSQL {postgres}, {platform.platform()}"


def page_weight(path) -> dict:
    """Bytes of the article page's HTML, stylesheets and scripts, before compression."""
    base = f"http://127.0.0.1:{PORT}"
    html = urllib.request.urlopen(base + path, timeout=10).read()
    text = html.decode()
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
    js = re.findall(r'<script src="([^"]+)"', text)

    def size(urls):
        return sum(len(urllib.request.urlopen(base + url, timeout=10).read()) for url in urls)

    weight = {"html": len(html), "css": size(css), "js": size(js)}
    weight["total"] = sum(weight.values())
    return weight


CHUNKS = 5


def paired(path, ceiling, args):
    """A page under load in CHUNKS short runs, each right after a run of the ceiling.

    A shared two-core machine's speed drifts by half within a minute: each page run is
    compared with the ceiling of its own seconds, and the medians are kept.
    """
    page_runs, ratios, ceilings = [], [], []
    for _ in range(CHUNKS):
        beside = wrk(ceiling, max(1, args.duration // (2 * CHUNKS)), args.connections)
        run = wrk(path, max(1, args.duration // CHUNKS), args.connections)
        page_runs.append(run)
        ceilings.append(beside["rps"])
        ratios.append(run["rps"] / beside["rps"])
    result = {
        key: statistics.median(run[key] for run in page_runs)
        for key in ("rps", "p50", "p95", "p99")
    }
    result["errors"] = sum(run["errors"] for run in page_runs)
    result["ceiling_rps"] = statistics.median(ceilings)
    result["share"] = statistics.median(ratios)
    return result


def measure(database, paths, args):
    """Each page under load (paired with the ceiling), then one reader at a time; uncached,
    then cached."""
    load, latency, weight = {}, {}, None
    ceiling = paths["ceiling"]
    for mode, cached in (("uncached", False), ("cached", True)):
        sh("redis-cli", "-n", "3", "flushdb", capture=True)
        with Server(environment(database, page_cache=cached)):
            wrk(ceiling, 3, args.connections)  # warm every worker up first; not counted
            load[mode] = {
                name: paired(path, ceiling, args)
                for name, path in paths.items()
                if name != "ceiling"
            }
            alone = wrk(ceiling, args.duration, args.connections)
            load[mode]["ceiling"] = {**alone, "ceiling_rps": alone["rps"], "share": 1.0}
            latency[mode] = {
                name: wrk(path, args.latency_duration, 1) for name, path in paths.items()
            }
            weight = weight or {name: page_weight(paths[name]) for name in budgets.WEIGHED}
    return load, latency, weight


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page under load")
    parser.add_argument("--latency-duration", type=int, default=5, help="seconds, one reader")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--reuse", action="store_true", help="reuse an already seeded database")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    ensure_services()
    database = f"newsroom_bench_{args.articles}"
    env = prepare(database, args.articles, args.reuse)
    paths = sample_paths(env)
    counts = json.loads(
        sh(PYTHON, "bench/queries.py", *paths.values(), env=env, capture=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    load, latency, weight = measure(database, paths, args)
    scaled = None
    if args.articles != SMALL:
        small = f"newsroom_bench_{SMALL}"
        small_paths = sample_paths(prepare(small, SMALL, reuse=True))
        scaled = scale.compare(small, database, small_paths, paths, args.connections)
    run = {
        "articles": args.articles,
        "date": f"{datetime.now():%Y-%m-%d %H:%M}",
        "machine": machine(),
        "duration": args.duration,
        "latency_duration": args.latency_duration,
        "connections": args.connections,
        "paths": paths,
        "queries": {name: counts[path]["queries"] for name, path in paths.items()},
        "load": load,
        "latency": latency,
        "weight": weight,
        "scale": scaled,
    }
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    text = budgets.markdown(run)
    print(text)
    stem = results / f"{datetime.now():%Y-%m-%d-%H%M}-{args.articles}"
    stem.with_suffix(".md").write_text(text)
    stem.with_suffix(".json").write_text(json.dumps(run, indent=1) + "\n")
    print(f"Written to {stem.relative_to(ROOT)}.md and .json")


if __name__ == "__main__":
    tempfile.tempdir = None
    main()
