"""The most read lists: the last 24 hours, site-wide and per section, published articles
only, worked out at most once a minute; from the database, or Redis and the database."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles import freshness, workflow
from audience import counting
from audience.models import HourlyReads
from audience.queries import LENGTH, most_read
from tests.audience.conftest import read


def shared():
    return freshness.current().shared


@pytest.fixture
def stories(publish, politics, economy):
    """Three political stories and two economic ones, read a different number of times."""
    made = {
        "budget": publish("Le budget adopté", economy),
        "vote": publish("Le vote des députés", politics),
        "cabinet": publish("Un nouveau gouvernement", politics),
        "strike": publish("La grève des enseignants", politics),
        "market": publish("Le cours du cacao", economy),
    }
    for name, times in (("budget", 5), ("vote", 4), ("cabinet", 3), ("market", 2), ("strike", 1)):
        read(made[name], times)
    return made


@pytest.mark.usefixtures("without_redis")
class TestFromTheDatabase:
    def test_site_wide_the_most_read_first(self, stories):
        names = ["budget", "vote", "cabinet", "market", "strike"]
        assert most_read() == [stories[name] for name in names]

    def test_a_sections_list_holds_its_own_stories_only(self, stories, politics, economy):
        assert most_read(politics) == [stories["vote"], stories["cabinet"], stories["strike"]]
        assert most_read(economy) == [stories["budget"], stories["market"]]

    def test_only_five_and_never_an_unread_story(self, stories, publish, politics):
        publish("Jamais lu", politics)
        for extra in range(3):
            read(publish(f"Lu aussi {extra}", politics), 2)
        listed = most_read()
        assert len(listed) == LENGTH and all(a.headline != "Jamais lu" for a in listed)

    def test_reads_older_than_24_hours_drop_out(self, stories):
        with time_machine.travel(timezone.now() + timedelta(hours=23)):
            read(stories["strike"], 5)  # 6 in the window, to the budget's 5
            assert most_read()[0] == stories["strike"]
        cache.clear()
        with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=1)):
            # This hour's and the 23 before: the first reads' hour is out of the window.
            assert most_read() == [stories["strike"]]
        cache.clear()
        with time_machine.travel(timezone.now() + timedelta(hours=48)):
            assert most_read() == []

    def test_the_list_is_worked_out_at_most_once_a_minute(self, stories):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            assert most_read()[0] == stories["budget"]
            read(stories["market"], 10)
            clock.shift(timedelta(seconds=59))
            assert most_read()[0] == stories["budget"]
            clock.shift(timedelta(seconds=2))
            assert most_read()[0] == stories["market"]

    def test_a_story_taken_down_leaves_the_list_at_once(self, stories, editor, committed):
        committed(lambda: None)
        assert most_read(shared=shared())[0] == stories["budget"]
        committed(
            workflow.apply_transition, stories["budget"], "unpublish", editor, comment="Retrait."
        )
        assert stories["budget"] not in most_read(shared=shared())
        assert most_read(shared=shared())[0] == stories["vote"]

    def test_a_story_moved_to_another_section_leaves_its_old_sections_list(
        self, stories, politics, economy
    ):
        stories["vote"].section = economy
        stories["vote"].save()
        assert stories["vote"] not in most_read(politics)
        assert stories["vote"] in most_read(economy)

    def test_reads_are_kept_one_row_per_story_and_hour(self, stories):
        assert HourlyReads.objects.count() == 5
        assert HourlyReads.objects.get(article=stories["budget"]).count == 5


@pytest.mark.usefixtures("with_redis")
class TestWithRedis:
    def test_reads_go_to_redis_and_the_lists_come_from_it(self, stories, politics):
        assert not HourlyReads.objects.exists()
        assert most_read()[:2] == [stories["budget"], stories["vote"]]
        assert most_read(politics) == [stories["vote"], stories["cabinet"], stories["strike"]]

    def test_each_hours_reads_expire_after_the_window(self, stories):
        client = counting._redis()
        hour = counting.this_hour()
        for key in (counting._key(hour), counting._key(hour, stories["vote"].section_id)):
            assert 23 * 3600 < client.ttl(key) <= counting.KEEP.total_seconds()

    def test_reads_older_than_24_hours_drop_out(self, stories):
        with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=1)):
            read(stories["strike"], 1)
            assert most_read() == [stories["strike"]]

    def test_reads_kept_in_the_database_during_an_outage_still_count(self, stories):
        HourlyReads.objects.create(article=stories["strike"], hour=counting.this_hour(), count=9)
        assert most_read()[0] == stories["strike"]  # 1 in Redis and 9 in the database

    def test_the_list_is_worked_out_at_most_once_a_minute(self, stories):
        assert most_read()[0] == stories["budget"]
        read(stories["market"], 10)
        assert most_read()[0] == stories["budget"]
        cache.delete_many([k for k in cache.keys("most-read:*")])  # as a minute would
        assert most_read()[0] == stories["market"]
