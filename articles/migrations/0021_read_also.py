"""An article's Read also, kept while the published articles stay as they were
(articles/models/read_also.py): the store, the sum of changes in PublishedSet.SLOTS rows, and
the triggers that add to it (_published_set.py)."""

import django.db.models.deletion
from django.db import migrations, models

from articles.migrations import _published_set

SLOTS = 16  # PublishedSet.SLOTS when this was written


def add_slots(apps, schema_editor):
    published_set = apps.get_model("articles", "PublishedSet")
    published_set.objects.bulk_create([published_set(id=slot) for slot in range(1, SLOTS + 1)])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0020_passage_text"),
    ]

    operations = [
        migrations.CreateModel(
            name="PublishedSet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("changes", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="ReadAlso",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="read_also",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("published_set", models.BigIntegerField()),
                ("code", models.CharField(max_length=32)),
                ("valid_until", models.DateTimeField(null=True)),
                ("items", models.TextField()),
            ],
        ),
        migrations.RunPython(add_slots, migrations.RunPython.noop),
        migrations.RunPython(_published_set.create, _published_set.drop),
    ]
