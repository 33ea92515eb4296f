"""Ranking's own vector: the head's words (headline, standfirst, tags, authors) without the
body's, small enough to stay in the row (search.head_vector)."""

import django.contrib.postgres.search
from django.db import migrations


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite's search does not rank
    from articles.search import head_vector

    apps.get_model("articles", "Article").objects.update(rank_vector=head_vector())


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_read_also"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
