"""Two real app servers sharing PostgreSQL, Redis and the media store; and a database outage."""

import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles import workflow
from articles.models import Article, Picture
from tests.admin_forms import article_post
from tests.factories import ArticleFactory, UserFactory
from tests.images import jpeg_upload
from tests.production.servers import (
    Browser,
    TcpSwitch,
    app_server,
    database_url,
    task_worker,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("servers_gone_from_the_database"),
]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def newsroom():
    editor = UserFactory(username="chef", group="Editors")
    # The servers run production settings, whose hashers do not include the tests' fast one.
    editor.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    editor.save()
    writer = UserFactory(username="plume", group="Journalists")
    from tests.factories import AuthorFactory

    author = AuthorFactory(user=writer, display_name="Plume Vive")
    live = ArticleFactory(headline="Déjà en ligne", authors=[author])
    workflow.apply_transition(live, "publish", editor)
    waiting = ArticleFactory(headline="Bientôt en ligne", authors=[author])
    workflow.apply_transition(waiting, "submit", writer)
    return {"editor": editor, "live": live, "waiting": waiting}


def text(response):
    return response[2].decode()


def test_publish_and_edit_through_one_server_show_on_both_at_once(shared, newsroom):
    live, waiting = newsroom["live"], newsroom["waiting"]
    with app_server(**shared) as a, app_server(**shared) as b:
        for server in (a, b):
            server.get("/")
            status, headers, _ = server.get("/")
            assert headers.get("X-Page-Cache") == "hit"  # cached on both
        assert b.get(waiting.get_absolute_url())[0] == 404

        desk = Browser(a.base, a.process)  # the editor, signed in on server A
        desk.log_in("chef", PASSWORD)
        desk.post(
            reverse("admin:articles_article_transition", args=[waiting.pk]),
            {"_transition": "publish"},
        )
        assert Article.objects.get(pk=waiting.pk).is_public
        # Fresh on both at once: rendered once (on A), then shared with B through Redis.
        states = []
        for server in (a, b):
            page = server.get("/")
            assert "Bientôt en ligne" in text(page)
            states.append(page[1].get("X-Page-Cache"))
        assert states == ["miss", "hit"]
        assert b.get(waiting.get_absolute_url())[0] == 200

        b.get(live.get_absolute_url())
        assert b.get(live.get_absolute_url())[1].get("X-Page-Cache") == "hit"
        change = reverse("admin:articles_article_change", args=[live.pk])
        status, url, _ = desk.post(change, article_post(live, headline="Titre corrigé sur A"))
        assert url.endswith("/admin/articles/article/"), status
        page = b.get(live.get_absolute_url())
        assert "Titre corrigé sur A" in text(page) and page[1].get("X-Page-Cache") == "miss"


def test_unpublishing_during_a_redis_pause_takes_the_story_down_everywhere(shared, newsroom):
    """TRUST_MAP case 34: the bump Redis missed is sent again from the database."""
    import redis

    live = newsroom["live"]
    url = live.get_absolute_url()
    with app_server(**shared) as a, app_server(**shared) as b:
        for server in (a, b):
            server.get(url)
            assert server.get(url)[1].get("X-Page-Cache") == "hit"
        desk = Browser(a.base, a.process)
        desk.log_in("chef", PASSWORD)
        desk.csrf(reverse("admin:articles_article_change", args=[live.pk]))
        redis.Redis.from_url(shared["REDIS_URL"]).execute_command("CLIENT", "PAUSE", 2500, "ALL")
        paused_until = time.monotonic() + 2.5
        status, _, _ = desk.post(
            reverse("admin:articles_article_transition", args=[live.pk]),
            {"_transition": "unpublish", "_comment": "Retrait demandé par la justice"},
        )
        assert status == 200 and not Article.objects.get(pk=live.pk).is_public
        time.sleep(max(0.0, paused_until - time.monotonic()) + 1.5)  # Redis back, a check gone by
        assert [a.get(url)[0], b.get(url)[0]] == [404, 404]


def renditions_made(picture_id, within=60.0) -> dict:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        made = Picture.objects.get(pk=picture_id).renditions
        if made:
            return made
        time.sleep(0.2)
    raise AssertionError(f"no renditions after {within} s")


def test_an_image_uploaded_through_one_server_is_served_by_the_other(shared, newsroom):
    live = newsroom["live"]
    with app_server(**shared) as a, app_server(**shared) as b, task_worker(**shared):
        a.log_in("chef", PASSWORD)
        upload = jpeg_upload(size=(6000, 4000))  # 24 megapixels, a camera's
        change = reverse("admin:articles_article_change", args=[live.pk])
        fields = article_post(live, image_alt="Une photo partagée")
        status, url, _ = a.post(
            change, fields, files={"new_picture": ("p.jpg", upload.read(), "image/jpeg")}
        )
        assert url.endswith("/admin/articles/article/"), status
        stored = Article.objects.get(pk=live.pk)
        assert stored.picture
        # The answer did not wait for the renditions: they are the worker's to make.
        asked = DBTaskResult.objects.filter(args_kwargs__args=[stored.picture_id])
        assert asked.exists()
        status, headers, body = b.get(stored.picture.file.url)
        assert status == 200 and headers["Content-Type"] == "image/jpeg" and body[:2] == b"\xff\xd8"
        renditions_made(stored.picture_id)
        assert asked.get().status == "SUCCESSFUL"
        page = text(b.get(live.get_absolute_url()))
        assert "<picture>" in page and "Une photo partagée" in page
        rendition = page.split('<img src="', 1)[1].split('"', 1)[0]
        assert b.get(rendition)[0] == 200 and a.get(rendition)[0] == 200


def test_database_outage_gives_a_quick_503_and_the_server_recovers(static_root, newsroom):
    settings = connection.settings_dict
    switch = TcpSwitch(int(settings.get("PORT") or 5432))
    switch.start()
    proxied = {**settings, "HOST": "127.0.0.1", "PORT": switch.port}
    env = {"DATABASE_URL": database_url(proxied), "PAGE_CACHE": "0", "STATIC_ROOT": static_root}
    try:
        with app_server(**env) as server:
            assert server.get("/")[0] == 200
            live = newsroom["live"]
            change = reverse("admin:articles_article_change", args=[live.pk])
            desk = Browser(server.base, server.process)
            desk.log_in("chef", PASSWORD)
            desk.csrf(change)
            switch.cut()
            started = time.monotonic()
            status, headers, body = server.get("/")
            elapsed = time.monotonic() - started
            assert status == 503, (status, body[:300])
            assert headers["Retry-After"] == "30" and elapsed < 3.0
            assert "Back in a moment" in body.decode() or "instant" in body.decode()
            assert server.get("/readyz")[0] == 503
            started = time.monotonic()
            status, _, _ = desk.post(change, article_post(live, headline="Pendant la coupure"))
            assert status == 503 and time.monotonic() - started < 3.0  # an editor, as fast
            switch.hang()  # now a database that takes connections and never answers
            for request in (
                lambda: server.get("/"),
                lambda: desk.post(change, article_post(live, headline="Pendant la panne")),
            ):
                started = time.monotonic()
                status = request()[0]
                assert status == 503 and time.monotonic() - started < 3.0  # one connect timeout
            switch.cut()
            assert server.get("/healthz")[0] == 200  # the process is alive
            switch.start()
            # Recovered by itself, on every thread's connection.
            assert [server.get("/")[0] for _ in range(8)] == [200] * 8
            assert server.process.poll() is None
    finally:
        switch.cut()
        time.sleep(
            0.5
        )  # let PostgreSQL notice the closed connections before the test database goes
