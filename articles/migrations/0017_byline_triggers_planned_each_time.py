from django.db import migrations

from articles.migrations._publication_copies import BYLINES


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_search_passages"),
    ]

    operations = [
        migrations.RunPython(BYLINES.plan_each_time, BYLINES.plan_once),
    ]
