"""With a task worker (production): saving a picture asks the worker for its renditions
and makes none in the request; pages show a placeholder meanwhile and ask once more at
most; the worker (`manage.py db_worker`, run here in batch mode) makes them."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from articles.models import Picture
from tests.factories import AuthorFactory, PictureFactory

# The worker closes its database connections as it stops: a transaction of its own, then.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker_mode(settings):
    settings.TASK_WORKER = True
    settings.TASKS = WORKER
    cache.clear()


def waiting() -> list:
    return [(task.task_path, task.args_kwargs["args"]) for task in DBTaskResult.objects.ready()]


def work() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_saved_picture_is_left_to_the_worker(worker_mode, committed):
    picture = committed(PictureFactory)
    assert waiting() == [("articles.models.picture.make_renditions", [picture.pk])]
    assert Picture.objects.get(pk=picture.pk).renditions == {}  # nothing made in the request
    assert Picture.objects.get(pk=picture.pk).images is None  # a placeholder meanwhile
    work()
    made = Picture.objects.get(pk=picture.pk).images
    assert made and made["widths"] and made["crops"]
    assert not DBTaskResult.objects.ready().exists()
    assert DBTaskResult.objects.successful().count() == 1


def test_pages_missing_renditions_ask_the_worker_once(worker_mode, committed):
    picture = committed(PictureFactory)
    DBTaskResult.objects.all().delete()  # as if the first request were lost
    cache.clear()
    for _reader in range(3):
        assert Picture.objects.get(pk=picture.pk).images is None
    assert waiting() == [("articles.models.picture.make_renditions", [picture.pk])]
    work()
    assert Picture.objects.get(pk=picture.pk).images["widths"]


def test_an_authors_photo_gets_its_crops_from_the_worker(worker_mode, committed):
    photo = committed(PictureFactory)
    work()
    author = committed(AuthorFactory, photo=photo)
    assert Picture.objects.get(pk=photo.pk).portraits is None
    work()
    author.refresh_from_db()
    assert set(author.photos["crops"]) == {"sq96", "sq192", "sq400"}


def test_a_picture_deleted_before_the_worker_came_is_no_failure(worker_mode, committed):
    picture = committed(PictureFactory)
    Picture.objects.filter(pk=picture.pk).delete()
    work()
    assert DBTaskResult.objects.successful().count() == 1
