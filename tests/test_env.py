"""Settings read from the environment: a value that cannot be understood stops the server."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.env import env_int


@pytest.mark.parametrize("raw", ["abc", "0", "-3", "2.5", "٣"])
def test_a_whole_number_setting_refuses_what_is_not_one(monkeypatch, raw):
    monkeypatch.setenv("LIVE_POLL_SECONDS", raw)
    with pytest.raises(ImproperlyConfigured, match="LIVE_POLL_SECONDS"):
        env_int("LIVE_POLL_SECONDS", 20)


@pytest.mark.parametrize(("raw", "read"), [("", 20), (" 5 ", 5), ("30", 30)])
def test_a_whole_number_setting_is_read_or_defaults(monkeypatch, raw, read):
    monkeypatch.setenv("LIVE_POLL_SECONDS", raw)
    assert env_int("LIVE_POLL_SECONDS", 20) == read
