"""TWO_FACTOR_REQUIRED: on for editors and administrators in production, off for the demo,
and a misspelt value stops the server at start-up."""

from tests.production.test_deploy_settings import manage

READ = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"


def setting_with(**env):
    return manage("shell", "-v", "0", "-c", READ, **env)


def test_production_requires_it_of_editors_and_administrators():
    assert setting_with().stdout.strip() == "staff"


def test_the_demo_does_not():
    assert setting_with(DEBUG="1").stdout.strip() == "off"


def test_it_can_be_required_of_everyone():
    assert setting_with(TWO_FACTOR_REQUIRED="all").stdout.strip() == "all"


def test_a_misspelt_value_stops_the_server():
    result = setting_with(TWO_FACTOR_REQUIRED="editors")
    assert result.returncode != 0 and "TWO_FACTOR_REQUIRED" in result.stderr
