from django.db import migrations

from articles.migrations import _byline_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_search_passages"),
    ]

    operations = [
        migrations.RunPython(_byline_triggers.plan_each_time, _byline_triggers.plan_once),
    ]
