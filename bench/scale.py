"""Scale: each page's p99 with a large archive against its p99 with 1,000 articles, side by side.

Comparing two runs made minutes apart measured the machine more than the archive: in one such
comparison, cached pages (the same bytes from Redis at any size) came out anywhere from 0.35×
to 6.4×. Here both sizes are served at once, by two gunicorns, and each page is measured in
ROUNDS rounds that alternate small and large, the order swapped every round, so the machine's
drift falls on both alike. A page's ratio is the median of its rounds' ratios.
"""

import statistics
from datetime import datetime

import serve

ROUNDS = 5
SECONDS = 2  # per page, per size, per round; under load and for one reader
# The large archive's page cache: the same addresses must not share one.
LARGE_REDIS = "redis://127.0.0.1:6379/4"


def _round(small, large, path_small, path_large, swap, connections):
    """One round of a page: p99 under load and for one reader, at each size."""
    order = [(small, path_small, "small"), (large, path_large, "large")]
    p99 = {}
    for port, path, size in reversed(order) if swap else order:
        p99[size] = {
            "load": serve.wrk(path, SECONDS, connections, port)["p99"],
            "one": serve.wrk(path, SECONDS, 1, port)["p99"],
        }
    return p99


def compare(small_db: str, large_db: str, small_paths: dict, large_paths: dict, connections):
    """{mode: {page: {kind: {"small", "large", "ratio"}}}} for kind in load and one reader."""
    result = {}
    for mode, cached in (("uncached", False), ("cached", True)):
        small_port, large_port = serve.PORT, serve.free_port()
        large_env = {**serve.environment(large_db, page_cache=cached), "REDIS_URL": LARGE_REDIS}
        for database in ("3", LARGE_REDIS[-1]):
            serve.sh("redis-cli", "-n", database, "flushdb", capture=True)
        with (
            serve.Server(serve.environment(small_db, page_cache=cached), small_port),
            serve.Server(large_env, large_port),
        ):
            for port in (small_port, large_port):
                serve.wrk(small_paths["ceiling"], 2, connections, port)  # warm every worker
            result[mode] = {}
            for name, path in large_paths.items():
                rounds = [
                    _round(small_port, large_port, small_paths[name], path, i % 2, connections)
                    for i in range(ROUNDS)
                ]
                result[mode][name] = {
                    kind: {
                        "small": statistics.median(r["small"][kind] for r in rounds),
                        "large": statistics.median(r["large"][kind] for r in rounds),
                        "ratio": statistics.median(
                            r["large"][kind] / r["small"][kind] for r in rounds
                        ),
                    }
                    for kind in ("load", "one")
                }
    return result


def main():
    """Only this comparison, on archives `make bench` has seeded:
    .venv/bin/python bench/scale.py --articles 100000"""
    import argparse

    import budgets
    import run

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    small, large = f"newsroom_bench_{run.SMALL}", f"newsroom_bench_{args.articles}"
    paths = [run.sample_paths(serve.environment(db, page_cache=False)) for db in (small, large)]
    scaled = compare(small, large, *paths, args.connections)
    stamp = datetime.now()
    text = "\n".join(
        [
            f"# Scale: {args.articles:,} articles against {run.SMALL:,}, side by side, "
            f"{stamp:%Y-%m-%d %H:%M}",
            "",
            f"Machine: {run.machine()}.",
            "",
            *budgets.scale_table(scaled),
        ]
    )
    print(text)
    out = serve.ROOT / "bench" / "results" / f"{stamp:%Y-%m-%d-%H%M}-scale-{args.articles}.md"
    out.write_text(text + "\n")
    print(f"Written to {out.relative_to(serve.ROOT)}")


if __name__ == "__main__":
    main()
