import pytest
import time_machine

from api.middleware import HERE


def forget_rates():
    """Each address's counts in this process, as after a minute (the shared cache's go
    with the cache, which every test starts without)."""
    HERE.clear()


@pytest.fixture(autouse=True)
def _rates_forgotten():
    forget_rates()


@pytest.fixture
def one_window():
    """Time stands still at a minute's start: every request falls in one rate window."""
    with time_machine.travel("2026-12-07 10:00:01+00:00", tick=False):
        yield
