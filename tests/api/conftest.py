import pytest

from api.middleware import HERE


def forget_rates():
    """Each address's counts, shared and in this process: as after a minute."""
    HERE.clear()


@pytest.fixture(autouse=True)
def _rates_forgotten():
    forget_rates()
